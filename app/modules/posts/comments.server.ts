import { notify, transactionWithNotifications, withdrawNotificationsAbout } from "#app/modules/notifications/notify.server.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { mentionedIds } from "./mentions.server.ts";
import { canReadPost, notifyMentions, writingBlocked, type Actor } from "./posts.server.ts";
import { COMMENT_EDIT_WINDOW_MS, mayDeleteComment, mayEditComment } from "./rules.ts";
import { indexComment } from "#app/modules/search/indexers.server.ts";

async function commentablePost(actor: Actor, postId: string) {
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { id: true, title: true, authorId: true, deletedAt: true, hiddenAt: true, status: true, visibility: true } });
  if (!post || !canReadPost(actor, post) || post.deletedAt || post.hiddenAt || post.status !== "published") return null;
  return post;
}

/** A comment, or a reply to a top-level comment (one level of replies: a reply to a reply joins its thread). */
export async function addComment(actor: Actor, postId: string, input: { body: string; parentId?: string }, now = new Date()): Promise<Result<{ id: string }>> {
  const post = await commentablePost(actor, postId);
  if (!post) return fail("not_found", "This post is not open for comments.");
  let parentId: string | null = null;
  let repliedTo: string | null = null;
  if (input.parentId) {
    const parent = await prisma.postComment.findUnique({ where: { id: input.parentId }, select: { id: true, postId: true, parentId: true, authorId: true, deletedAt: true, hiddenAt: true } });
    if (!parent || parent.postId !== postId || parent.deletedAt || parent.hiddenAt) return fail("invalid", "The comment you replied to is no longer there.", { body: "The comment you replied to is no longer there." });
    parentId = parent.parentId ?? parent.id;
    repliedTo = parent.authorId;
  }
  const blocked = await writingBlocked(actor.id, "comment:user", now);
  if (blocked) return fail("blocked", blocked, { body: blocked });
  const comment = await transactionWithNotifications(async (tx) => {
    const created = await tx.postComment.create({ data: { postId, authorId: actor.id, parentId, body: input.body, createdAt: now }, select: { id: true } });
    await indexComment(tx, created.id);
    const subject = { type: "comment", id: created.id, url: `/posts/${postId}#comment-${created.id}`, title: post.title };
    const mentioned = await notifyMentions(tx, actor.id, input.body, subject, []);
    // The post's author and the author of the comment replied to; a mention already told them.
    const told = [...new Set([post.authorId, repliedTo])].filter((id): id is string => !!id && !mentioned.includes(id));
    await notify(told.map((userId) => ({ userId, kind: "reply" as const, actorId: actor.id, subject, message: userId === repliedTo ? "replied to your comment" : "commented on your post" })), tx);
    return created;
  });
  return ok(comment);
}

/** Their author edits a comment within 15 minutes of writing it. */
export async function editComment(actor: Actor, commentId: string, body: string, now = new Date()): Promise<Result<{ postId: string }>> {
  const comment = await prisma.postComment.findUnique({ where: { id: commentId }, select: { authorId: true, postId: true, body: true, createdAt: true, deletedAt: true, hiddenAt: true, post: { select: { title: true } } } });
  if (!comment || comment.deletedAt || comment.hiddenAt) return fail("not_found", "This comment is no longer there.");
  if (comment.authorId !== actor.id) return fail("forbidden", "Only the author can edit a comment.");
  if (!mayEditComment(actor, comment, now)) return fail("too_late", `Comments can be edited for ${COMMENT_EDIT_WINDOW_MS / 60_000} minutes after posting.`, { body: `Comments can be edited for ${COMMENT_EDIT_WINDOW_MS / 60_000} minutes after posting.` });
  const blocked = await writingBlocked(actor.id, "comment:user", now);
  if (blocked) return fail("blocked", blocked, { body: blocked });
  const before = mentionedIds(comment.body);
  await transactionWithNotifications(async (tx) => {
    await tx.postComment.update({ where: { id: commentId }, data: { body, editedAt: now } });
    await indexComment(tx, commentId);
    await notifyMentions(tx, actor.id, body, { type: "comment", id: commentId, url: `/posts/${comment.postId}#comment-${commentId}`, title: comment.post.title }, before);
  });
  return ok({ postId: comment.postId });
}

/** Authors and moderators delete comments; the thread keeps a "deleted" placeholder when replies hang off it. */
export async function deleteComment(actor: Actor, commentId: string, meta: { ip?: string | null } = {}, now = new Date()): Promise<Result<{ postId: string }>> {
  const comment = await prisma.postComment.findUnique({ where: { id: commentId }, select: { authorId: true, postId: true, deletedAt: true } });
  if (!comment || comment.deletedAt) return fail("not_found", "This comment is no longer there.");
  if (!mayDeleteComment(actor, comment)) return fail("forbidden", "Only the author or a moderator can delete this comment.");
  await transactionWithNotifications(async (tx) => {
    await tx.postComment.update({ where: { id: commentId }, data: { deletedAt: now } });
    await withdrawNotificationsAbout("comment", commentId, tx);
    await indexComment(tx, commentId);
    if (comment.authorId !== actor.id) await audit({ actorId: actor.id, action: "comment.delete", targetType: "comment", targetId: commentId, ip: meta.ip }, tx);
  });
  return ok({ postId: comment.postId });
}

/**
 * The comments of a post as threads: top-level comments oldest first, each with its replies.
 * Deleted or hidden comments show as a placeholder only when replies hang off them.
 */
export async function listComments(postId: string) {
  const rows = await prisma.postComment.findMany({
    where: { postId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, parentId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, hiddenAt: true, authorId: true, author: { select: { name: true, deletedAt: true } } },
  });
  const gone = (c: (typeof rows)[number]) => !!(c.deletedAt || c.hiddenAt);
  const replies = new Map<string, typeof rows>();
  for (const c of rows) if (c.parentId && !gone(c)) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  const view = (c: (typeof rows)[number]) => ({
    id: c.id,
    body: gone(c) ? null : c.body,
    removed: gone(c),
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    authorId: gone(c) ? null : c.authorId,
    author: gone(c) ? null : c.author ? (c.author.deletedAt ? "Former member" : c.author.name) : "Former member",
  });
  return rows
    .filter((c) => !c.parentId && (!gone(c) || replies.has(c.id)))
    .map((c) => ({ ...view(c), replies: (replies.get(c.id) ?? []).map(view) }));
}
