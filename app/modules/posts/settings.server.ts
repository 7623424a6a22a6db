import { prisma } from "#app/utils/db.server.ts";
import type { PostingPolicy } from "./rules.ts";

/** Defaults until an organiser changes them in Admin → Moderation. */
export const DEFAULT_POLICY: PostingPolicy = { expertsMayPost: true, holdFirstPosts: 0 };
const KEY = "posting-policy";

/** Who may post and whether a new account's first posts wait for review. */
export async function getPostingPolicy(): Promise<PostingPolicy> {
  const row = await prisma.communitySetting.findUnique({ where: { key: KEY }, select: { value: true } });
  if (!row) return DEFAULT_POLICY;
  try {
    const value = JSON.parse(row.value) as Partial<PostingPolicy>;
    return {
      expertsMayPost: typeof value.expertsMayPost === "boolean" ? value.expertsMayPost : DEFAULT_POLICY.expertsMayPost,
      holdFirstPosts: Number.isInteger(value.holdFirstPosts) ? Math.max(0, Math.min(10, value.holdFirstPosts!)) : DEFAULT_POLICY.holdFirstPosts,
    };
  } catch {
    return DEFAULT_POLICY;
  }
}

export async function setPostingPolicy(policy: PostingPolicy) {
  const value = JSON.stringify(policy);
  await prisma.communitySetting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}
