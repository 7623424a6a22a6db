import { z } from "zod";
import { cleanText } from "#app/utils/text.ts";
import { RESOURCE_LANGUAGES, RESOURCE_REGIONS, RESOURCE_TOPICS } from "./taxonomy.ts";

const text = (max: number, label: string) => cleanText().pipe(z.string().max(max, `${label} is at most ${max.toLocaleString("en-GB")} characters.`));

export const MAX_TAGS = 10;

/** A resource as organisers and Focal Points type it (the file, if any, is checked on its own). */
export const ResourceInputSchema = z.object({
  title: text(200, "The title").pipe(z.string().min(3, "Enter a title of at least 3 characters.")),
  summary: text(500, "The summary").default(""),
  body: text(50_000, "The text").default(""),
  externalUrl: z
    .string()
    .trim()
    .max(1000, "The link is at most 1,000 characters.")
    .refine((v) => v === "" || /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(v), "Enter a full web address starting with https://.")
    .default(""),
  topic: z.enum(RESOURCE_TOPICS, { errorMap: () => ({ message: "Choose a topic." }) }),
  region: z.union([z.literal(""), z.enum(RESOURCE_REGIONS, { errorMap: () => ({ message: "Choose a region from the list." }) })]).default(""),
  language: z.enum(Object.keys(RESOURCE_LANGUAGES) as [string, ...string[]], { errorMap: () => ({ message: "Choose a language from the list." }) }).default("en"),
  tags: text(400, "Tags")
    .default("")
    .transform((v) => [...new Set(v.split(",").map((t) => t.trim().toLowerCase().replace(/\s+/g, " ")).filter(Boolean))])
    .refine((tags) => tags.length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
    .refine((tags) => tags.every((t) => t.length <= 40), "Each tag is at most 40 characters."),
  /** On edit: remove the uploaded file. */
  removeFile: z.literal("on").optional(),
});
export type ResourceInput = z.infer<typeof ResourceInputSchema>;

/** The library's filters, from the query string; unknown values are ignored rather than refused. */
export const LibraryQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  topic: z.enum(RESOURCE_TOPICS).or(z.literal("")).catch(""),
  region: z.enum(RESOURCE_REGIONS).or(z.literal("")).catch(""),
  language: z.enum(Object.keys(RESOURCE_LANGUAGES) as [string, ...string[]]).or(z.literal("")).catch(""),
  tag: z.string().trim().toLowerCase().max(40).catch(""),
});
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;
