import { z } from "zod";
import { isCountryCode } from "#app/utils/countries.ts";
import { optionalIsoDateField } from "#app/utils/dates.ts";
import { cleanText } from "#app/utils/text.ts";
import { ACTION_STATUSES, IMPACT_AREAS, REGIONS, THEMATIC_AREAS } from "./taxonomy.ts";

const text = (max: number, label: string) => cleanText().pipe(z.string().max(max, `${label} is at most ${max.toLocaleString("en-GB")} characters.`));
// Calendar-checked: 2027-02-30 is refused with a message, never rolled over to March.
const optionalDate = optionalIsoDateField;

/** Several checkboxes of one name arrive joined by "|" (see `joinChoices`). */
const choices = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .default("")
    .transform((v) => v.split("|").filter(Boolean))
    .pipe(z.array(z.enum(values, { errorMap: () => ({ message }) })))
    .transform((list) => [...new Set(list)]);

/** Puts every value of a multi-valued form field into one string the schemas above read. */
export function joinChoices(formData: FormData, name: string) {
  formData.set(name, formData.getAll(name).map(String).join("|"));
}

/** Everything the Actions catalogue shows, as organisers type it. */
export const ActionInputSchema = z.object({
  code: text(60, "The code").pipe(z.string().min(2, "Enter a short code, e.g. Azerbaijan V.")),
  title: text(200, "The title").pipe(z.string().min(3, "Enter a title.")),
  summary: text(2000, "The summary").default(""),
  partnerCountry: z.string().trim().regex(/^[A-Z]{2}$/, "Choose the partner country."),
  region: z.enum(REGIONS, { errorMap: () => ({ message: "Choose a region." }) }),
  thematicArea: z.enum(THEMATIC_AREAS, { errorMap: () => ({ message: "Choose a thematic area." }) }),
  status: z.enum(ACTION_STATUSES, { errorMap: () => ({ message: "Choose planned, ongoing or completed." }) }).default("planned"),
  impactAreas: choices(IMPACT_AREAS, "Choose impact areas from the list."),
  startDate: optionalDate,
  endDate: optionalDate,
});
export type ActionInput = z.infer<typeof ActionInputSchema>;

/** A Spotlight as organisers write it. */
export const SpotlightInputSchema = z.object({
  title: text(150, "The title").pipe(z.string().min(3, "Enter a title for the Spotlight.")),
  country: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isCountryCode(v), "Choose a country from the list."),
  summary: text(500, "The summary").default(""),
  highlights: text(5000, "The highlights").default(""),
  achievements: text(5000, "The achievements").default(""),
  migrationContext: text(5000, "The migration context").default(""),
  actionId: z.string().trim().max(40).default(""),
});
export type SpotlightInput = z.infer<typeof SpotlightInputSchema>;
