import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { canReadPost, writingBlocked, type Actor } from "./posts.server.ts";
import { REACTIONS, type ReactionKind } from "./rules.ts";

export type ReactionTarget = { targetType: "post" | "comment"; targetId: string };

async function targetPostId(actor: Actor, target: ReactionTarget): Promise<string | null> {
  const postId =
    target.targetType === "post"
      ? target.targetId
      : (await prisma.postComment.findUnique({ where: { id: target.targetId }, select: { postId: true, deletedAt: true, hiddenAt: true } }).then((c) => (c && !c.deletedAt && !c.hiddenAt ? c.postId : null)));
  if (!postId) return null;
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true, deletedAt: true, hiddenAt: true, status: true, visibility: true } });
  return post && !post.deletedAt && !post.hiddenAt && post.status === "published" && canReadPost(actor, post) ? postId : null;
}

/** One reaction of each kind per member: adds it, or takes it back when it is already there. */
export async function toggleReaction(actor: Actor, target: ReactionTarget, kind: ReactionKind, now = new Date()): Promise<Result<{ postId: string; reacted: boolean }>> {
  const postId = await targetPostId(actor, target);
  if (!postId) return fail("not_found", "This is no longer there.");
  const blocked = await writingBlocked(actor.id, "reaction:user", now);
  if (blocked) return fail("blocked", blocked);
  const key = { targetType_targetId_userId_kind: { ...target, userId: actor.id, kind } };
  const existing = await prisma.reaction.findUnique({ where: key, select: { id: true } });
  if (existing) {
    await prisma.reaction.deleteMany({ where: { id: existing.id } });
    return ok({ postId, reacted: false });
  }
  // A double click races two inserts: the unique key keeps one, and the loser is not an error.
  await prisma.reaction.create({ data: { ...target, userId: actor.id, kind, createdAt: now } }).catch((error: { code?: string }) => {
    if (error.code !== "P2002") throw error;
  });
  return ok({ postId, reacted: true });
}

export type ReactionSummary = { kind: ReactionKind; emoji: string; label: string; count: number; mine: boolean; names: string[] };

/**
 * Counts, whether the reader reacted, and who reacted (first names shown on hover/focus), per
 * target: a post and its comments in one query.
 */
export async function reactionSummaries(targets: { post?: string[]; comment?: string[] }, viewerId: string | null) {
  const wanted = (["post", "comment"] as const).filter((t) => targets[t]?.length).map((t) => ({ targetType: t, targetId: { in: targets[t]! } }));
  const rows = wanted.length
    ? await prisma.reaction.findMany({
        where: { OR: wanted },
        orderBy: { createdAt: "asc" },
        select: { targetType: true, targetId: true, kind: true, userId: true, user: { select: { name: true, deletedAt: true } } },
      })
    : [];
  const byTarget = new Map<string, typeof rows>();
  for (const r of rows) byTarget.set(`${r.targetType}:${r.targetId}`, [...(byTarget.get(`${r.targetType}:${r.targetId}`) ?? []), r]);
  const summaries = (type: "post" | "comment") => {
    const result: Record<string, ReactionSummary[]> = {};
    for (const id of targets[type] ?? []) {
      const mine = byTarget.get(`${type}:${id}`) ?? [];
      result[id] = REACTIONS.map((r) => {
        const of = mine.filter((m) => m.kind === r.kind);
        return { kind: r.kind, emoji: r.emoji, label: r.label, count: of.length, mine: !!viewerId && of.some((m) => m.userId === viewerId), names: of.slice(0, 10).map((m) => (m.user.deletedAt ? "Former member" : m.user.name)) };
      });
    }
    return result;
  };
  return { post: summaries("post"), comment: summaries("comment") };
}
