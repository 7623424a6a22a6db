import { z } from "zod";
import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { isMemberState } from "#app/utils/countries.ts";
import { cleanText } from "#app/utils/text.ts";
import { MAX_BODY_CHARS, MAX_COMMENT_CHARS, POST_KINDS, REACTION_KINDS } from "./rules.ts";

const optional = (s: string) => (s === "" ? undefined : s);

export const PostInputSchema = z.object({
  title: cleanText().pipe(z.string().min(3, "Give the post a title (at least 3 characters).").max(160, "Keep the title under 160 characters.")),
  body: cleanText().pipe(z.string().min(1, "Write the post.").max(MAX_BODY_CHARS, `Keep the post under ${MAX_BODY_CHARS.toLocaleString("en")} characters.`)),
  kind: z.enum(POST_KINDS, { errorMap: () => ({ message: "Choose what kind of post this is." }) }),
  memberState: z
    .string()
    .trim()
    .transform(optional)
    .refine((v) => v === undefined || isMemberState(v), "Choose an EU Member State.")
    .optional(),
  actionId: z.string().trim().max(40).transform(optional).optional(),
  tags: z.string().max(400, "Use fewer tags.").optional(),
  thematicAreas: z.array(z.enum(THEMATIC_AREAS)).max(5).default([]),
  visibility: z.enum(["public", "members"]).default("public"),
  coverAlt: cleanText().pipe(z.string().max(200, "Keep the image description under 200 characters.")).optional(),
});
export type PostInput = z.infer<typeof PostInputSchema>;

export const CommentInputSchema = z.object({
  body: cleanText().pipe(z.string().min(1, "Write a comment.").max(MAX_COMMENT_CHARS, `Keep comments under ${MAX_COMMENT_CHARS.toLocaleString("en")} characters.`)),
  parentId: z.string().trim().max(40).transform(optional).optional(),
});

export const ReactionInputSchema = z.object({
  targetType: z.enum(["post", "comment"]),
  targetId: z.string().min(1).max(40),
  reaction: z.enum(REACTION_KINDS, { errorMap: () => ({ message: "Choose one of the reactions." }) }),
});

export const ReportInputSchema = z.object({
  reason: cleanText().pipe(z.string().min(3, "Say briefly what is wrong (at least 3 characters).").max(1000, "Keep the reason under 1,000 characters.")),
});

/** Feed filters as they appear in the URL; unknown values are ignored rather than failing the page. */
export const FeedQuerySchema = z.object({
  kind: z.string().optional(),
  memberState: z.string().optional(),
  action: z.string().optional(),
  area: z.string().optional(),
  tag: z.string().optional(),
  after: z.string().max(200).optional(),
});
