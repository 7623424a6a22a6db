import { z } from "zod";
import { EU_MEMBER_STATES } from "#app/utils/countries.ts";
import { isoDateField, optionalIsoDateField } from "#app/utils/dates.ts";
import { formValues, type FormFailure } from "#app/utils/forms.ts";
import { GENDERS, INSTITUTION_TYPES, LANGUAGE_LEVELS, LANGUAGES, THEMATIC_AREAS, VISIBILITIES } from "./taxonomy.ts";
import { cleanText } from "#app/utils/text.ts";

const trimmed = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const isoDate = isoDateField;

export const LanguageSchema = z.object({
  language: z.enum(Object.keys(LANGUAGES) as [keyof typeof LANGUAGES, ...(keyof typeof LANGUAGES)[]], { errorMap: () => ({ message: "Choose a language from the list." }) }),
  level: z.enum(LANGUAGE_LEVELS, { errorMap: () => ({ message: "Choose a level (A1 to C2, or native)." }) }),
});

/** What an expert profile holds, whether typed in settings or read from a CSV row. */
export const ProfileInputSchema = z
  .object({
    memberState: z.enum(EU_MEMBER_STATES, { errorMap: () => ({ message: "Choose the EU Member State of your administration." }) }),
    institution: cleanText().pipe(z.string().min(2, "Enter your institution.").max(200, "Use at most 200 characters.")),
    institutionType: z.enum(INSTITUTION_TYPES, { errorMap: () => ({ message: "Choose the type of institution." }) }),
    position: cleanText().pipe(z.string().max(200, "Use at most 200 characters.")).default(""),
    thematicAreas: z
      .array(z.enum(THEMATIC_AREAS, { errorMap: () => ({ message: "Unknown thematic area." }) }))
      .min(1, "Choose at least one thematic area.")
      .transform((areas) => [...new Set(areas)]),
    languages: z
      .array(LanguageSchema)
      .min(1, "Add at least one language you can work in.")
      .max(8, "List at most 8 languages.")
      .refine((ls) => new Set(ls.map((l) => l.language)).size === ls.length, "Each language only once."),
    bio: trimmed(1200).default(""),
    available: z.boolean().default(false),
    availableUntil: isoDate.nullable().default(null),
    gender: z.enum(GENDERS).nullable().default(null),
    visibility: z.enum(VISIBILITIES).default("network"),
  })
  .superRefine((value, ctx) => {
    if (!value.available && value.availableUntil) {
      ctx.addIssue({ code: "custom", path: ["availableUntil"], message: "Tick “available for deployment” or leave the date empty." });
    }
  });
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export const MAX_LANGUAGE_ROWS = 5;

/** Turns the settings form (repeated checkboxes, language rows) into a ProfileInput. */
export function parseProfileForm(formData: FormData): { ok: true; data: ProfileInput } | FormFailure {
  const str = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : "";
  };
  const languages: { language: string; level: string }[] = [];
  for (let i = 0; i < MAX_LANGUAGE_ROWS; i++) {
    const language = str(`language${i}`);
    const level = str(`level${i}`);
    if (language || level) languages.push({ language, level });
  }
  const raw = {
    memberState: str("memberState"),
    institution: str("institution"),
    institutionType: str("institutionType"),
    position: str("position"),
    thematicAreas: formData.getAll("thematicAreas").filter((v): v is string => typeof v === "string" && v !== ""),
    languages,
    bio: str("bio"),
    available: str("available") === "on",
    availableUntil: str("availableUntil") || null,
    gender: str("gender") || null,
    visibility: str("visibility") || "network",
  };
  const result = ProfileInputSchema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    // Language rows report against the row ("language0") so the message sits beside it.
    const [head, index, leaf] = issue.path;
    const key = head === "languages" && typeof index === "number" ? `${leaf === "level" ? "level" : "language"}${index}` : String(head ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  const values = formValues(formData);
  values.thematicAreas = raw.thematicAreas.join("\n");
  return { ok: false, values, fieldErrors, formError: fieldErrors.form };
}

export const DecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), applicationId: z.string().min(1).max(40), reason: trimmed(1000).optional() }),
  z.object({ decision: z.literal("decline"), applicationId: z.string().min(1).max(40), reason: trimmed(1000).min(5, "Give the applicant a reason (at least a few words).") }),
]);

export const DeploymentSchema = z.object({
  expertEmail: z.string().trim().toLowerCase().email("Enter the expert's email address."),
  actionId: z.string().min(1, "Choose an Action.").max(40),
  role: trimmed(100).min(2, "Enter the expert's role, e.g. Lead expert."),
  startDate: isoDate,
  endDate: optionalIsoDateField,
});

export const FocalPointSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter the person's email address."),
    memberState: z.enum(EU_MEMBER_STATES, { errorMap: () => ({ message: "Choose a Member State." }) }),
    level: z.enum(["country", "institution"]),
    institutionName: trimmed(200).optional(),
    // Ticked after the warning that the person is an official of another Member State.
    confirmOtherState: z.literal("on").optional().transform((v) => v === "on"),
  })
  .refine((v) => v.level === "country" || (v.institutionName ?? "").length >= 2, { path: ["institutionName"], message: "Name the institution for an institution-level Focal Point." });
