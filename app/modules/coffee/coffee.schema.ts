import { z } from "zod";
import { isCountryCode } from "#app/utils/countries.ts";
import { localDateTimeProblem } from "#app/utils/dates.ts";
import { isTimeZone } from "./time.ts";
import { cleanText } from "#app/utils/text.ts";

const optionalUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label} is at most 500 characters.`)
    .refine((v) => !v || /^https:\/\/[^\s]+$/i.test(v), `${label} must be a full https:// address.`)
    .default("");

const localDateTime = (message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message)
    .superRefine((value, ctx) => {
      const problem = localDateTimeProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

const optionalInt = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), `${label} must be a whole number from ${min} to ${max}.`)
    .transform((v) => (v === "" ? null : Number(v)));

/** Hours before the start, comma separated ("24, 1"), stored as minutes. */
const reminderHours = z
  .string()
  .trim()
  .default("")
  .refine(
    (v) => v === "" || v.split(",").every((p) => /^\d+(\.\d+)?$/.test(p.trim()) && Number(p) > 0 && Number(p) <= 24 * 14),
    "List hours before the start, separated by commas (for example: 24, 1).",
  )
  .transform((v) =>
    v === ""
      ? ""
      : [...new Set(v.split(",").map((p) => Math.round(Number(p.trim()) * 60)))]
          .filter((n) => n > 0)
          .sort((a, b) => b - a)
          .join(","),
  );

/** The organiser's form for a Morning Coffee (create and edit). */
export const CoffeeFormSchema = z
  .object({
    title: z
      .string({ required_error: "Enter a title." })
      .pipe(cleanText())
      .pipe(z.string().min(5, "Enter a title of at least 5 characters.").max(150, "Titles are at most 150 characters.")),
    summary: z.string().trim().max(300, "The summary is at most 300 characters.").default(""),
    description: z.string().trim().max(10_000, "The description is at most 10,000 characters.").default(""),
    agenda: z.string().trim().max(5_000, "The agenda is at most 5,000 characters.").default(""),
    startsAtLocal: localDateTime("Enter the date and time of the start."),
    timezone: z.string({ required_error: "Choose a time zone." }).refine(isTimeZone, "Choose a time zone from the list."),
    /** Which of the two meanings of a start time that happens twice (clocks going back): its UTC offset in minutes. */
    startsAtOffset: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^-?\d{1,4}$/.test(v), "Choose one of the two times.")
      .transform((v) => (v === "" ? null : Number(v))),
    durationMinutes: z.coerce
      .number({ invalid_type_error: "Enter the length in minutes." })
      .int("Enter whole minutes.")
      .min(15, "A session lasts at least 15 minutes.")
      .max(8 * 60, "A session lasts at most 8 hours."),
    meetingUrl: optionalUrl("The meeting link"),
    linkVisibleMinutes: z.coerce
      .number({ invalid_type_error: "Enter minutes." })
      .int("Enter whole minutes.")
      .min(0, "Enter 0 or more minutes.")
      .max(7 * 24 * 60, "Show the link at most a week before."),
    capacity: optionalInt("Places", 1, 100_000),
    registrationClosesLocal: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), "Enter a date and time, or leave it empty.")
      .superRefine((value, ctx) => {
        const problem = value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? localDateTimeProblem(value) : null;
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    qaMode: z.enum(["open", "moderated"], { errorMap: () => ({ message: "Choose how questions are handled." }) }),
    actionId: z.string().trim().default(""),
    reminderHours,
    recordingUrl: optionalUrl("The recording link"),
    outcome: z.string().trim().max(10_000, "The notes are at most 10,000 characters.").default(""),
  })
  .superRefine((v, ctx) => {
    // Both are wall-clock times in the same zone, so the strings compare in time order.
    if (v.registrationClosesLocal && v.startsAtLocal && v.registrationClosesLocal > v.startsAtLocal) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesLocal"], message: "Registration must close before the session starts." });
    }
  });
export type CoffeeFormInput = z.infer<typeof CoffeeFormSchema>;

export const SpeakerSchema = z.object({
  name: z
    .string({ required_error: "Enter the speaker's name." })
    .pipe(cleanText())
    .pipe(z.string().min(2, "Enter the speaker's name.").max(100, "Names are at most 100 characters.")),
  role: z.string().trim().max(200, "The role is at most 200 characters.").default(""),
  memberEmail: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .refine((v) => v === "" || z.string().email().safeParse(v).success, "Enter the member's email address, or leave it empty for a guest."),
});

export const SpotlightSchema = z.object({
  title: z
    .string({ required_error: "Enter a title." })
    .pipe(cleanText())
    .pipe(z.string().min(3, "Enter a title for the Spotlight.").max(150, "Titles are at most 150 characters.")),
  country: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isCountryCode(v), "Choose a country from the list."),
  highlights: z.string().trim().max(5_000, "Highlights are at most 5,000 characters.").default(""),
  migrationContext: z.string().trim().max(5_000, "The migration context is at most 5,000 characters.").default(""),
  actionId: z.string().trim().default(""),
});

export const FeedbackSchema = z.object({
  rating: z.coerce
    .number({ invalid_type_error: "Choose a rating from 1 to 5." })
    .int("Choose a rating from 1 to 5.")
    .min(1, "Choose a rating from 1 to 5.")
    .max(5, "Choose a rating from 1 to 5."),
  comment: z.string().trim().max(2_000, "Comments are at most 2,000 characters.").default(""),
});

export const RegisterSchema = z.object({
  listPublicly: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
