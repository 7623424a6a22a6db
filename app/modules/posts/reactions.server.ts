import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import { isUniqueViolation, prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { canReadPost, writingBlocked, type Actor } from "./posts.server.ts";
import { REACTIONS, type ReactionKind } from "./rules.ts";

export type ReactionTarget = { targetType: "post" | "comment"; targetId: string };

/** The post a reaction target belongs to, its title and who wrote the target, or null when the reader cannot react. */
async function reactable(actor: Actor, target: ReactionTarget): Promise<{ postId: string; title: string; authorId: string | null } | null> {
  const comment =
    target.targetType === "comment"
      ? await prisma.postComment.findUnique({ where: { id: target.targetId }, select: { postId: true, authorId: true, deletedAt: true, hiddenAt: true } })
      : null;
  if (comment && (comment.deletedAt || comment.hiddenAt)) return null;
  const postId = target.targetType === "post" ? target.targetId : comment?.postId;
  if (!postId) return null;
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { title: true, authorId: true, deletedAt: true, hiddenAt: true, status: true, visibility: true } });
  if (!post || post.deletedAt || post.hiddenAt || post.status !== "published" || !canReadPost(actor, post)) return null;
  return { postId, title: post.title, authorId: comment ? comment.authorId : post.authorId };
}

/**
 * One reaction of each kind per member: adds it, or takes it back when it is already there.
 * A new reaction counts into its author's reaction digest (notify() keeps one unread digest per
 * target); taking one back tells nobody.
 */
export async function toggleReaction(actor: Actor, target: ReactionTarget, kind: ReactionKind, now = new Date()): Promise<Result<{ postId: string; reacted: boolean }>> {
  const found = await reactable(actor, target);
  if (!found) return fail("not_found", "This is no longer there.");
  const { postId } = found;
  const blocked = await writingBlocked(actor.id, "reaction:user", now);
  if (blocked) return fail("blocked", blocked);
  const key = { targetType_targetId_userId_kind: { ...target, userId: actor.id, kind } };
  const existing = await prisma.reaction.findUnique({ where: key, select: { id: true } });
  if (existing) {
    await prisma.reaction.deleteMany({ where: { id: existing.id } });
    return ok({ postId, reacted: false });
  }
  // A double click races two inserts: the unique key keeps one, and the loser is not an error.
  try {
    await transactionWithNotifications(async (tx) => {
      await tx.reaction.create({ data: { ...target, userId: actor.id, kind, createdAt: now } });
      if (found.authorId) {
        const url = target.targetType === "post" ? `/posts/${postId}` : `/posts/${postId}#comment-${target.targetId}`;
        await notify({ userId: found.authorId, kind: "reaction", actorId: actor.id, subject: { type: target.targetType, id: target.targetId, url, title: found.title } }, tx);
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
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
