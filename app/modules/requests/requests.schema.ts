import { z } from "zod";
import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { cleanText } from "#app/utils/text.ts";
import { REQUEST_STATUSES } from "./rules.ts";

const text = (max: number) => cleanText().pipe(z.string().max(max, `Use at most ${max} characters.`));

export const RequestInputSchema = z.object({
  topic: text(200).pipe(z.string().min(5, "Give the topic in a few words (at least 5 characters).")),
  euInstitutions: text(500).pipe(z.string().min(2, "Name the EU institution or institutions involved.")),
  partnerInstitutions: text(500).pipe(z.string().min(2, "Name the partner institution or institutions involved.")),
  thematicArea: z.enum(THEMATIC_AREAS, { errorMap: () => ({ message: "Choose a thematic area." }) }),
  description: text(5000).pipe(z.string().min(20, "Describe the exchange you have in mind (at least 20 characters).")),
  memberState: z.string().trim().default(""),
});
export type RequestInput = z.infer<typeof RequestInputSchema>;

export const RequestStatusSchema = z.object({
  intent: z.literal("status"),
  status: z.enum(REQUEST_STATUSES, { errorMap: () => ({ message: "Choose a status." }) }),
  comment: text(3000).default(""),
});

export const RequestCommentSchema = z.object({
  intent: z.literal("comment"),
  body: text(3000).pipe(z.string().min(1, "Write a comment.")),
  internal: z.literal("on").optional().transform((v) => v === "on"),
});

export const RequestLinkSchema = z.object({
  intent: z.literal("link"),
  actionId: z.string().max(40).default(""),
});
