import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { moderateInTransaction } from "#app/modules/qa/actions.server.ts";
import { hideResource, restoreResource } from "#app/modules/resources/library.server.ts";
import { prisma, type Transaction } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { indexComment, indexPost } from "#app/modules/search/indexers.server.ts";

/** What a moderator needs to see of reported content, and who wrote it (to tell them). */
export type TargetView = { title: string; url: string; excerpt: string; authorId: string | null; authorName: string; hidden: boolean };

/** What to do once the decision's transaction has committed (tell open pages), if anything. */
export type AfterCommit = (() => void) | null;

export type Target = {
  label: string;
  describe(id: string): Promise<TargetView | null>;
  /** Hides it everywhere (lists, pages, feeds, search), in the decision's transaction; `reason` is kept to tell the author. */
  hide(tx: Transaction, actor: SessionUser, id: string, reason: string, now: Date, ip?: string | null): Promise<Result<AfterCommit>>;
  restore(tx: Transaction, actor: SessionUser, id: string, ip?: string | null): Promise<Result<AfterCommit>>;
};

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
const nameOf = (u: { name: string; deletedAt: Date | null } | null) => (u ? (u.deletedAt ? "Former member" : u.name) : "Unknown");

/** Everything a member can report, in one list. */
export const REPORT_TARGETS = {
  post: {
    label: "Post",
    async describe(id) {
      const p = await prisma.post.findUnique({ where: { id }, select: { title: true, body: true, authorId: true, hiddenAt: true, deletedAt: true, author: { select: { name: true, deletedAt: true } } } });
      if (!p || p.deletedAt) return null;
      return { title: p.title, url: `/posts/${id}`, excerpt: clip(p.body), authorId: p.authorId, authorName: nameOf(p.author), hidden: !!p.hiddenAt };
    },
    async hide(tx, _actor, id, reason, now) {
      await tx.post.update({ where: { id }, data: { hiddenAt: now, hiddenReason: reason, pinnedAt: null } });
      await indexPost(tx, id);
      return ok(null);
    },
    async restore(tx, _actor, id) {
      await tx.post.update({ where: { id }, data: { hiddenAt: null, hiddenReason: null } });
      await indexPost(tx, id);
      return ok(null);
    },
  },
  comment: {
    label: "Comment",
    async describe(id) {
      const c = await prisma.postComment.findUnique({ where: { id }, select: { body: true, postId: true, authorId: true, hiddenAt: true, deletedAt: true, post: { select: { title: true } }, author: { select: { name: true, deletedAt: true } } } });
      if (!c || c.deletedAt) return null;
      return { title: `Comment on “${c.post.title}”`, url: `/posts/${c.postId}#comment-${id}`, excerpt: clip(c.body), authorId: c.authorId, authorName: nameOf(c.author), hidden: !!c.hiddenAt };
    },
    async hide(tx, _actor, id, reason, now) {
      await tx.postComment.update({ where: { id }, data: { hiddenAt: now, hiddenReason: reason } });
      await indexComment(tx, id);
      return ok(null);
    },
    async restore(tx, _actor, id) {
      await tx.postComment.update({ where: { id }, data: { hiddenAt: null, hiddenReason: null } });
      await indexComment(tx, id);
      return ok(null);
    },
  },
  question: {
    label: "Q&A question",
    async describe(id) {
      const q = await prisma.qaQuestion.findUnique({ where: { id }, select: { body: true, status: true, authorId: true, coffeeId: true, author: { select: { name: true, deletedAt: true } } } });
      if (!q) return null;
      const slug = (await prisma.morningCoffee.findUnique({ where: { id: q.coffeeId }, select: { slug: true } }))?.slug;
      return { title: "Q&A question", url: slug ? `/sessions/${slug}/qa` : "/sessions", excerpt: clip(q.body), authorId: q.authorId, authorName: nameOf(q.author), hidden: q.status === "hidden" };
    },
    // Through the live Q&A's own moderation, so open Q&A pages drop it once committed.
    async hide(tx, actor, id, _reason, _now, ip) {
      const result = await moderateInTransaction(tx, actor, { questionId: id, action: "hide" }, ip);
      return result.ok ? ok(result.value) : fail(result.error.code, result.error.message);
    },
    // "approve" is the live Q&A's own way back from hidden (its Restore button).
    async restore(tx, actor, id, ip) {
      const result = await moderateInTransaction(tx, actor, { questionId: id, action: "approve" }, ip);
      return result.ok ? ok(result.value) : fail(result.error.code, result.error.message);
    },
  },
  resource: {
    label: "Resource",
    async describe(id) {
      const r = await prisma.resource.findUnique({ where: { id }, select: { title: true, summary: true, body: true, createdById: true, hiddenAt: true, createdBy: { select: { name: true, deletedAt: true } } } });
      if (!r) return null;
      return { title: r.title, url: `/resources/${id}`, excerpt: clip(r.summary || r.body), authorId: r.createdById, authorName: r.createdBy ? nameOf(r.createdBy) : "MIEUX+ team", hidden: !!r.hiddenAt };
    },
    async hide(tx, _actor, id, reason, now) {
      await hideResource(tx, id, reason, now);
      return ok(null);
    },
    async restore(tx, _actor, id) {
      await restoreResource(tx, id);
      return ok(null);
    },
  },
} satisfies Record<string, Target>;

export type ReportTargetType = keyof typeof REPORT_TARGETS;
export const REPORT_TARGET_TYPES = Object.keys(REPORT_TARGETS) as [ReportTargetType, ...ReportTargetType[]];

export function isReportTarget(value: string): value is ReportTargetType {
  return Object.hasOwn(REPORT_TARGETS, value);
}
