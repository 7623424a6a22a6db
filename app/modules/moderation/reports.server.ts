import { audit } from "#app/modules/admin/audit.server.ts";
import { endAllSessionsIn } from "#app/modules/auth/session.server.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { notify, transactionWithNotifications, withdrawNotificationsAbout } from "#app/modules/notifications/notify.server.ts";
import { withdrawPostNotifications } from "#app/modules/posts/posts.server.ts";
import { prisma, type Transaction } from "#app/utils/db.server.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { REPORT_TARGETS, type AfterCommit, type ReportTargetType, type Target } from "./targets.server.ts";

/**
 * What the report page shows of the content a member is about to report (never its author: a
 * Q&A question may be anonymous); not found if it is gone or hidden, refused if it is their own.
 */
export async function reportableTarget(reporter: { id: string }, targetType: ReportTargetType, targetId: string): Promise<Result<{ label: string; title: string; excerpt: string }>> {
  const target = await REPORT_TARGETS[targetType].describe(targetId);
  if (!target || target.hidden) return fail("not_found", "This is no longer there.");
  if (target.authorId === reporter.id) return fail("invalid", "You cannot report your own writing; edit or delete it instead.");
  return ok({ label: REPORT_TARGETS[targetType].label, title: target.title, excerpt: target.excerpt });
}

/** A member reports content with a reason; one open report per member and target. */
export async function reportContent(reporter: { id: string }, targetType: ReportTargetType, targetId: string, reason: string): Promise<Result<null>> {
  const target = await REPORT_TARGETS[targetType].describe(targetId);
  if (!target || target.hidden) return fail("not_found", "This is no longer there.");
  if (target.authorId === reporter.id) return fail("invalid", "You cannot report your own writing; edit or delete it instead.");
  const existing = await prisma.report.findFirst({ where: { targetType, targetId, reporterId: reporter.id, status: "open" }, select: { id: true } });
  if (existing) return ok(null);
  const rate = await consumeRateLimit("report:user", reporter.id);
  if (!rate.ok) return fail("rate_limited", rate.message);
  await prisma.report.create({ data: { targetType, targetId, reporterId: reporter.id, reason } });
  return ok(null);
}

/** Open reports grouped by what they are about, oldest first, with the content to judge. */
export async function moderationQueue() {
  const reports = await prisma.report.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, targetType: true, targetId: true, reason: true, createdAt: true, reporter: { select: { name: true } } },
  });
  const groups = new Map<string, { targetType: ReportTargetType; targetId: string; reports: typeof reports }>();
  for (const r of reports) {
    const key = `${r.targetType}:${r.targetId}`;
    const group = groups.get(key) ?? { targetType: r.targetType as ReportTargetType, targetId: r.targetId, reports: [] };
    group.reports.push(r);
    groups.set(key, group);
  }
  const items = await Promise.all(
    [...groups.values()].map(async (g) => ({ ...g, label: REPORT_TARGETS[g.targetType]?.label ?? g.targetType, target: (await REPORT_TARGETS[g.targetType]?.describe(g.targetId)) ?? null })),
  );
  return items;
}

/**
 * Content hidden after reports and still hidden, most recent decision first: where an organiser
 * restores it (the open queue no longer lists it once its reports are closed).
 */
export async function hiddenAfterReports() {
  const decided = await prisma.report.findMany({
    where: { status: { in: ["hidden", "warned", "suspended"] } },
    orderBy: { resolvedAt: "desc" },
    take: 100,
    select: { targetType: true, targetId: true, note: true, resolvedAt: true },
  });
  const latest = new Map<string, (typeof decided)[number]>();
  for (const d of decided) if (!latest.has(`${d.targetType}:${d.targetId}`)) latest.set(`${d.targetType}:${d.targetId}`, d);
  const items = await Promise.all(
    [...latest.values()].slice(0, 30).map(async (d) => {
      const handler = REPORT_TARGETS[d.targetType as ReportTargetType];
      const target = handler ? await handler.describe(d.targetId) : null;
      return target?.hidden ? { targetType: d.targetType as ReportTargetType, targetId: d.targetId, label: handler.label, reason: d.note, hiddenAt: d.resolvedAt, target } : null;
    }),
  );
  return items.filter((i) => i !== null);
}

export const MODERATION_ACTIONS = ["hide", "restore", "dismiss", "warn", "suspend"] as const;
export type ModerationDecision = (typeof MODERATION_ACTIONS)[number];

async function closeReports(tx: Transaction, targetType: string, targetId: string, status: string, actorId: string, note: string | null, now: Date) {
  await tx.report.updateMany({ where: { targetType, targetId, status: "open" }, data: { status, resolvedById: actorId, resolvedAt: now, note } });
}

/** A refusal met inside a decision's transaction: thrown to roll it back, answered as its Result. */
class Refused extends Error {
  readonly result: Result<never>;
  constructor(result: Result<never>) {
    super("refused");
    this.result = result;
  }
}

/** Runs a moderation decision's writes as one transaction; a refusal inside rolls it all back. */
async function decisionTransaction(fn: (tx: Transaction, after: AfterCommit[]) => Promise<void>): Promise<Result<null>> {
  const after: AfterCommit[] = [];
  try {
    await transactionWithNotifications((tx) => fn(tx, after));
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  // Committed: tell open pages and sockets.
  for (const step of after) step?.();
  return ok(null);
}

function orRefuse<T>(result: Result<T>): T {
  if (!result.ok) throw new Refused(result);
  return result.value;
}

/**
 * An organiser's decision on reported content. Hiding removes it everywhere and tells the author
 * why; warning and suspending also hide it; every decision is in the audit log. Everything a
 * decision writes (the content's state, its search entry, withdrawn notifications, the author's
 * notice and email, a suspension and its ended sessions, the closed reports, the audit entry) is
 * one transaction: a failure at any step leaves none of it (decision 132).
 */
export async function decide(
  actor: SessionUser,
  input: { targetType: ReportTargetType; targetId: string; decision: ModerationDecision; reason: string; suspendDays?: number },
  meta: { ip?: string | null } = {},
  now = new Date(),
): Promise<Result<null>> {
  if (!hasRole(actor.role, "organiser")) return fail("forbidden", "Only organisers moderate.");
  const handler: Target = REPORT_TARGETS[input.targetType];
  const target = await handler.describe(input.targetId);
  if (!target) return fail("not_found", "This content no longer exists.");
  const reason = input.reason.trim();
  const subject = { type: input.targetType, id: input.targetId, url: target.url, title: target.title };
  const needsReason = input.decision !== "dismiss" && input.decision !== "restore";
  if (needsReason && reason.length < 3) return fail("invalid", "Give the reason the author will read.", { reason: "Give the reason the author will read." });
  let suspension: { userId: string; until: Date } | null = null;
  if (input.decision === "suspend") {
    if (!target.authorId) return fail("invalid", "This content has no author to suspend.");
    const days = input.suspendDays ?? 0;
    if (!Number.isInteger(days) || days < 1 || days > 365) return fail("invalid", "Suspend for 1 to 365 days.", { suspendDays: "Suspend for 1 to 365 days." });
    const refused = await suspensionRefused(actor, target.authorId);
    if (refused) return refused;
    suspension = { userId: target.authorId, until: new Date(now.getTime() + days * 86_400_000) };
  }

  return decisionTransaction(async (tx, after) => {
    if (input.decision === "restore") {
      after.push(orRefuse(await handler.restore(tx, actor, input.targetId, meta.ip)));
      if (target.authorId) await notify({ userId: target.authorId, kind: "content_restored", actorId: actor.id, subject }, tx);
    }
    if (input.decision === "hide" || input.decision === "warn" || input.decision === "suspend") {
      if (!target.hidden) after.push(orRefuse(await handler.hide(tx, actor, input.targetId, reason, now, meta.ip)));
      // A hidden post takes the notifications about its comments with it.
      if (input.targetType === "post") await withdrawPostNotifications(tx, input.targetId);
      else await withdrawNotificationsAbout(input.targetType, input.targetId, tx);
      if (target.authorId) await notify({ userId: target.authorId, kind: "content_hidden", actorId: actor.id, subject: { ...subject, url: "/notifications" }, message: reason }, tx);
    }
    if (input.decision === "warn" && target.authorId) {
      await notify({ userId: target.authorId, kind: "moderation_warning", actorId: actor.id, subject: { ...subject, url: "/notifications" }, message: reason }, tx);
    }
    if (suspension) after.push(await suspendIn(tx, actor, suspension.userId, suspension.until, reason, meta));
    const status = { hide: "hidden", restore: "restored", dismiss: "dismissed", warn: "warned", suspend: "suspended" }[input.decision];
    await closeReports(tx, input.targetType, input.targetId, status, actor.id, reason || null, now);
    await audit({ actorId: actor.id, action: `moderation.${input.decision}`, targetType: input.targetType, targetId: input.targetId, data: { reason, authorId: target.authorId, suspendDays: input.suspendDays }, ip: meta.ip }, tx);
  });
}

/** Why this organiser may not suspend this member, or null when they may. */
async function suspensionRefused(actor: SessionUser, userId: string): Promise<Result<never> | null> {
  if (!hasRole(actor.role, "organiser")) return fail("forbidden", "Only organisers suspend members.");
  if (userId === actor.id) return fail("invalid", "You cannot suspend yourself.");
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, deletedAt: true } });
  if (!user || user.deletedAt) return fail("not_found", "This member no longer exists.");
  if (hasRole(user.role, "organiser") && !hasRole(actor.role, "admin")) return fail("forbidden", "Only administrators can suspend organisers.");
  return null;
}

/** A suspension's writes in the caller's transaction; returns what closes the member's sockets once it has committed. */
async function suspendIn(tx: Transaction, actor: SessionUser, userId: string, until: Date, reason: string, meta: { ip?: string | null }) {
  await tx.user.update({ where: { id: userId }, data: { suspendedUntil: until } });
  const closeSockets = await endAllSessionsIn(tx, userId, "suspended");
  await notify({ userId, kind: "suspended", actorId: actor.id, subject: { url: "/notifications", title: `Suspended until ${until.toISOString().slice(0, 10)}` }, message: reason }, tx);
  await audit({ actorId: actor.id, action: "moderation.suspend_member", targetType: "user", targetId: userId, data: { until: until.toISOString(), reason }, ip: meta.ip }, tx);
  return closeSockets;
}

/**
 * Suspends a member until `until`: they are logged out everywhere at once (every session ends,
 * which also closes their open sockets) and cannot post, comment or react until the date. One
 * transaction: the suspension, the ended sessions, the notice and the audit entry.
 */
export async function suspendMember(actor: SessionUser, userId: string, until: Date, reason: string, meta: { ip?: string | null } = {}): Promise<Result<null>> {
  const refused = await suspensionRefused(actor, userId);
  if (refused) return refused;
  return decisionTransaction(async (tx, after) => {
    after.push(await suspendIn(tx, actor, userId, until, reason, meta));
  });
}
