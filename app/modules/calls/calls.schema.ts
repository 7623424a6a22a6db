import { z } from "zod";
import { REGIONS, THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { LANGUAGE_LEVELS, LANGUAGES } from "#app/modules/roster/taxonomy.ts";
import { cleanText } from "#app/utils/text.ts";
import { CALL_FORMATS } from "./rules.ts";

const text = (max: number) => cleanText().pipe(z.string().max(max, `Use at most ${max} characters.`));
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date.")
  .transform((v) => new Date(`${v}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "Enter a real date.");
const languageCode = z.string().refine((v) => Object.hasOwn(LANGUAGES, v), "Choose a language from the list.");
const level = z.enum(LANGUAGE_LEVELS, { errorMap: () => ({ message: "Choose the level needed." }) });

/** The call form, as the browser posts it (up to three languages: language0/level0 …). */
export const CallInputSchema = z
  .object({
    actionId: z.string().min(1, "Choose the Action.").max(40),
    title: text(200).pipe(z.string().min(3, "Give the call a title.")),
    partnerCountry: z.string().trim().regex(/^[A-Z]{2}$/, "Choose the partner country."),
    region: z.enum(REGIONS, { errorMap: () => ({ message: "Choose a region." }) }),
    thematicArea: z.enum(THEMATIC_AREAS, { errorMap: () => ({ message: "Choose a thematic area." }) }),
    profileSought: text(3000).pipe(z.string().min(10, "Describe the profile sought (at least 10 characters).")),
    language0: z.string().default(""),
    level0: z.string().default(""),
    language1: z.string().default(""),
    level1: z.string().default(""),
    language2: z.string().default(""),
    level2: z.string().default(""),
    expertsNeeded: z.coerce.number({ invalid_type_error: "Enter how many experts are needed." }).int("Enter a whole number.").min(1, "At least one expert.").max(50, "At most 50 experts."),
    missionStart: isoDate,
    missionEnd: z.union([z.literal("").transform(() => null), isoDate]).default(""),
    format: z.enum(CALL_FORMATS, { errorMap: () => ({ message: "Choose on site or online." }) }),
    deadline: isoDate,
  })
  .superRefine((v, ctx) => {
    const langs = [0, 1, 2].map((i) => ({ i, language: v[`language${i}` as "language0"], level: v[`level${i}` as "level0"] }));
    for (const l of langs) {
      if (!l.language && !l.level) continue;
      if (!languageCode.safeParse(l.language).success) ctx.addIssue({ code: "custom", path: [`language${l.i}`], message: "Choose a language from the list." });
      if (!level.safeParse(l.level).success) ctx.addIssue({ code: "custom", path: [`level${l.i}`], message: "Choose the level needed." });
    }
    const codes = langs.filter((l) => l.language).map((l) => l.language);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: "custom", path: ["language1"], message: "Each language once." });
    if (v.missionEnd && v.missionEnd < v.missionStart) ctx.addIssue({ code: "custom", path: ["missionEnd"], message: "The mission ends before it starts." });
    if (v.deadline > v.missionStart) ctx.addIssue({ code: "custom", path: ["deadline"], message: "The deadline must be on or before the mission's start." });
  })
  .transform((v) => ({
    actionId: v.actionId,
    title: v.title,
    partnerCountry: v.partnerCountry,
    region: v.region,
    thematicArea: v.thematicArea,
    profileSought: v.profileSought,
    languages: [0, 1, 2].map((i) => ({ language: v[`language${i}` as "language0"], level: v[`level${i}` as "level0"] })).filter((l) => l.language),
    expertsNeeded: v.expertsNeeded,
    missionStart: v.missionStart,
    missionEnd: v.missionEnd,
    format: v.format,
    // The call stays open through the deadline day (UTC).
    deadline: new Date(v.deadline.getTime() + 24 * 3600_000 - 1000),
  }));
export type CallInput = z.infer<typeof CallInputSchema>;

export const InterestSchema = z.object({
  intent: z.literal("interest"),
  message: text(2000).pipe(z.string().min(10, "Write a short message (at least 10 characters) on why you fit.")),
  availability: text(300).pipe(z.string().min(2, "Say when you are available.")),
});

export const WithdrawSchema = z.object({ intent: z.literal("withdraw") });

export const EndorseSchema = z.object({
  intent: z.literal("endorse"),
  interestId: z.string().min(1).max(40),
  endorsed: z.enum(["yes", "no"], { errorMap: () => ({ message: "Choose whether you endorse this expert." }) }).transform((v) => v === "yes"),
  comment: text(1000).default(""),
});

export const DecideSchema = z.object({
  intent: z.enum(["shortlist", "select", "decline", "confirm"]),
  interestId: z.string().min(1).max(40),
  message: text(1000).default(""),
});
