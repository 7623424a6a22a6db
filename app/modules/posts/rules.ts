import { hasRole, type Role } from "#app/modules/auth/roles.ts";

/** What members write. "resource" is made by organisers from an answered Q&A (decision 039), not from the form. */
export const POST_KINDS = ["update", "publication", "tip", "news"] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const FEED_KINDS = [...POST_KINDS, "resource"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const KIND_LABELS: Record<FeedKind, string> = {
  update: "Update",
  publication: "Publication",
  tip: "Cultural-agility tip",
  news: "Event or news",
  resource: "Resource",
};

export function kindLabel(kind: string) {
  return KIND_LABELS[kind as FeedKind] ?? "Post";
}

/** The fixed set of reactions; each has a text label for screen readers. */
export const REACTIONS = [
  { kind: "like", emoji: "👍", label: "Like" },
  { kind: "love", emoji: "❤️", label: "Love" },
  { kind: "insight", emoji: "💡", label: "Insightful" },
  { kind: "applause", emoji: "👏", label: "Applause" },
] as const;
export type ReactionKind = (typeof REACTIONS)[number]["kind"];
export const REACTION_KINDS = REACTIONS.map((r) => r.kind) as [ReactionKind, ...ReactionKind[]];

export const MAX_PINNED = 3;
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_BODY_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 5_000;
export const MAX_TAGS = 8;

/** What an author is, as far as posting goes. */
export type Poster = { id: string; role: Role; country: string | null; focalStates: string[] };
export type PostingPolicy = { expertsMayPost: boolean; holdFirstPosts: number };

/**
 * Who may post which kind, for which Member State: organisers anything; Focal Points for their own
 * Member State only (so they must name it); experts updates and tips (unless turned off), for their
 * own country or none. Returns a message for the person when not allowed.
 */
export function postingProblem(poster: Poster, input: { kind: string; memberState?: string | null }, policy: PostingPolicy): { field: string; message: string } | null {
  if (hasRole(poster.role, "organiser")) return null;
  const state = input.memberState || null;
  if (poster.role === "focal_point" || poster.focalStates.length) {
    if (!state) return { field: "memberState", message: "Choose the Member State this post is for." };
    if (!poster.focalStates.includes(state)) return { field: "memberState", message: "Focal Points post for their own Member State only." };
    return null;
  }
  if (poster.role === "expert") {
    if (!policy.expertsMayPost) return { field: "form", message: "Posting by experts is turned off for now." };
    if (input.kind !== "update" && input.kind !== "tip") return { field: "kind", message: "Experts can post updates and cultural-agility tips." };
    if (state && state !== poster.country) return { field: "memberState", message: "Experts post for their own Member State only." };
    return null;
  }
  return { field: "form", message: "Posting is open to Focal Points, experts and the MIEUX+ team." };
}

/** Whether a person may open the new-post form at all. */
export function mayWrite(poster: Poster, policy: PostingPolicy) {
  if (hasRole(poster.role, "organiser") || poster.focalStates.length || poster.role === "focal_point") return true;
  return poster.role === "expert" && policy.expertsMayPost;
}

export function mayModerate(role: string | null | undefined) {
  return hasRole(role, "organiser");
}

/** Authors edit their posts; organisers may too (a typo in a pinned post). */
export function mayEditPost(user: { id: string; role: string } | null, post: { authorId: string | null }) {
  return !!user && (post.authorId === user.id || mayModerate(user.role));
}

export function mayDeletePost(user: { id: string; role: string } | null, post: { authorId: string | null }) {
  return mayEditPost(user, post);
}

/** Comments: their author within 15 minutes. */
export function mayEditComment(user: { id: string } | null, comment: { authorId: string | null; createdAt: Date }, now: Date) {
  return !!user && comment.authorId === user.id && now.getTime() - comment.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS;
}

export function mayDeleteComment(user: { id: string; role: string } | null, comment: { authorId: string | null }) {
  return !!user && (comment.authorId === user.id || mayModerate(user.role));
}

/** Free tags from "a, b ,C": trimmed, lower-cased, unique, short. */
export function parseTags(raw: string | null | undefined): string[] {
  const tags = (raw ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase().replace(/^#/, "").replace(/\s+/g, "-"))
    .filter((t) => t.length > 0 && t.length <= 40);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** Whether a suspended member is still suspended at `now`. */
export function isSuspended(user: { suspendedUntil: Date | null }, now: Date) {
  return !!user.suspendedUntil && user.suspendedUntil.getTime() > now.getTime();
}
