import { letOthersRun } from "#app/utils/event-loop.server.ts";
import { DateTime } from "luxon";
import { Prisma } from "#app/generated/prisma/client.ts";
import { weeklyDigestMessage, type DigestSection } from "#emails/weekly-digest.tsx";
import { withBusyRetry } from "#app/modules/coffee/reminders.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { DIGEST, getEmailPreferences, unsubscribeLink } from "./email-preferences.server.ts";
import { NOTIFICATION_KINDS, isNotificationKind } from "./kinds.ts";
import { enqueueEmail } from "./outbox.server.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Morning Coffees this far ahead count as upcoming. */
const UPCOMING_DAYS = 30;
/** At most this many items per section; the email links to the full lists. */
const PER_SECTION = 10;

/**
 * The ISO week `now` falls in ("2026-W49") and the moment of that week from which its digest is
 * due (DIGEST_WEEKDAY at DIGEST_HOUR UTC). Each digest covers the seven days before that moment,
 * so the weeks join up even when a process runs late.
 */
export function digestWeek(now: Date, { weekday = getEnv().DIGEST_WEEKDAY, hour = getEnv().DIGEST_HOUR } = {}) {
  const t = DateTime.fromJSDate(now, { zone: "utc" });
  const dueAt = t.startOf("week").plus({ days: weekday - 1, hours: hour }).toJSDate();
  const week = `${t.weekYear}-W${String(t.weekNumber).padStart(2, "0")}`;
  return { week, dueAt, from: new Date(dueAt.getTime() - 7 * DAY_MS) };
}

type Shared = { posts: DigestSection["items"]; calls: DigestSection["items"]; spotlights: DigestSection["items"]; coffees: DigestSection["items"] };

const day = (d: Date) => d.toISOString().slice(0, 10);

/** What is the same for every member: the week's posts, open calls, Spotlights and the coming Morning Coffees. */
async function sharedContent(from: Date, to: Date, now: Date): Promise<Shared> {
  const link = (path: string) => `${getEnv().APP_URL}${path}`;
  const [posts, calls, spotlights, coffees] = await Promise.all([
    prisma.post.findMany({
      where: { createdAt: { gte: from, lt: to }, status: "published", deletedAt: null, hiddenAt: null, visibility: { in: ["public", "members"] } },
      orderBy: { createdAt: "desc" },
      take: PER_SECTION,
      select: { id: true, title: true },
    }),
    prisma.expertCall.findMany({ where: { createdAt: { gte: from, lt: to }, deadline: { gt: now } }, orderBy: { deadline: "asc" }, take: PER_SECTION, select: { id: true, title: true, deadline: true } }),
    prisma.spotlight.findMany({ where: { status: "published", publishedAt: { gte: from, lt: to } }, orderBy: { publishedAt: "desc" }, take: PER_SECTION, select: { slug: true, title: true } }),
    prisma.morningCoffee.findMany({
      where: { status: "published", startsAt: { gt: now, lte: new Date(now.getTime() + UPCOMING_DAYS * DAY_MS) } },
      orderBy: { startsAt: "asc" },
      take: PER_SECTION,
      select: { slug: true, title: true, startsAt: true },
    }),
  ]);
  return {
    posts: posts.map((p) => ({ title: p.title, link: link(`/posts/${p.id}`) })),
    calls: calls.map((c) => ({ title: c.title, link: link(`/calls/${c.id}`), note: `apply by ${day(c.deadline)}` })),
    spotlights: spotlights.map((s) => ({ title: s.title, link: link(`/spotlights/${s.slug}`) })),
    coffees: coffees.map((c) => ({ title: c.title, link: link(`/sessions/${c.slug}`), note: `${c.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC` })),
  };
}

/** The member's own notifications of the week that they asked to receive in the digest, not about hidden or deleted content. */
async function ownNotifications(db: Prisma.TransactionClient | typeof prisma, userId: string, from: Date, to: Date) {
  const prefs = await getEmailPreferences(userId, db);
  const kinds = Object.keys(NOTIFICATION_KINDS).filter((k) => isNotificationKind(k) && prefs.kinds[k] === "digest");
  if (!kinds.length) return [];
  const rows = await db.notification.findMany({
    where: { userId, kind: { in: kinds }, createdAt: { gte: from, lt: to } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { kind: true, subjectType: true, subjectId: true, subjectUrl: true, subjectTitle: true },
  });
  const postIds = rows.filter((r) => r.subjectType === "post" && r.subjectId).map((r) => r.subjectId as string);
  const commentIds = rows.filter((r) => r.subjectType === "comment" && r.subjectId).map((r) => r.subjectId as string);
  const gonePosts = new Set(
    (await db.post.findMany({ where: { id: { in: postIds }, OR: [{ deletedAt: { not: null } }, { hiddenAt: { not: null } }] }, select: { id: true } })).map((p) => p.id),
  );
  const goneComments = new Set(
    (
      await db.postComment.findMany({
        where: { id: { in: commentIds }, OR: [{ deletedAt: { not: null } }, { hiddenAt: { not: null } }, { post: { OR: [{ deletedAt: { not: null } }, { hiddenAt: { not: null } }] } }] },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  return rows
    .filter((r) => !(r.subjectType === "post" && gonePosts.has(r.subjectId ?? "")) && !(r.subjectType === "comment" && goneComments.has(r.subjectId ?? "")))
    .slice(0, PER_SECTION * 2)
    .map((r) => ({ title: r.subjectTitle, link: new URL(r.subjectUrl, getEnv().APP_URL + "/").toString(), note: NOTIFICATION_KINDS[r.kind as keyof typeof NOTIFICATION_KINDS].label }));
}


/** Claims are kept for this many weeks: well past the week they guard, whose digest can no longer go out. */
export const CLAIM_KEPT_WEEKS = 8;

/**
 * Deletes the digest claims of weeks more than CLAIM_KEPT_WEEKS before `now`'s, so the table holds
 * about eight rows per member instead of one per member per week forever. Only the current week's
 * claims decide anything. By ISO week key ("2030-W10" sorts as text), not by the row's
 * createdAt, so it follows the same clock as the claims themselves.
 */
export async function pruneDigestClaims(now: Date) {
  const oldestKept = digestWeek(new Date(now.getTime() - CLAIM_KEPT_WEEKS * 7 * DAY_MS)).week;
  const { count } = await prisma.digestClaim.deleteMany({ where: { week: { lt: oldestKept } } });
  return count;
}

/**
 * Sends the weekly digest of the week `now` falls in, if its moment has come: for each member
 * (verified, not deleted or suspended, digest not turned off) a DigestClaim row keyed by
 * (member, ISO week) is inserted in the transaction that queues the email. Another process, or a
 * later pass, fails that insert and skips the member, so each member gets at most one digest a
 * week. A member with nothing to read is claimed without an email.
 */
export async function sendWeeklyDigests(now: Date = new Date(), { limit = Infinity }: { limit?: number } = {}) {
  const { week, dueAt, from } = digestWeek(now);
  const pruned = await pruneDigestClaims(now);
  const result = { week, sent: 0, empty: 0, skipped: 0, pruned };
  if (now < dueAt) return result;
  const shared = await sharedContent(from, dueAt, now);
  const members = await prisma.user.findMany({
    where: {
      emailVerifiedAt: { not: null },
      deletedAt: null,
      OR: [{ suspendedUntil: null }, { suspendedUntil: { lte: now } }],
      digestClaims: { none: { week } },
      emailPreferences: { none: { kind: DIGEST, delivery: "off" } },
    },
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true },
  });
  const base = getEnv().APP_URL;
  // Start at a random member: several processes then share the work instead of queueing behind
  // each other on the same claims (the claims alone keep it exactly once).
  const start = members.length ? Math.floor(Math.random() * members.length) : 0;
  for (const member of [...members.slice(start), ...members.slice(0, start)]) {
    if (result.sent + result.empty >= limit) break;
    await letOthersRun();
    if (await prisma.digestClaim.findUnique({ where: { userId_week: { userId: member.id, week } }, select: { week: true } })) {
      result.skipped++; // another process got there first
      continue;
    }
    try {
      // Built before the transaction, so the write lock is held only for two short inserts
      // (rendering takes tens of milliseconds); a member another process claims meanwhile costs
      // one wasted render, never a second email.
      const mine = await ownNotifications(prisma, member.id, from, dueAt);
      const sections: DigestSection[] = [
        { heading: "What happened to your content", items: mine },
        { heading: "New posts", items: shared.posts },
        { heading: "Open calls for experts", items: shared.calls },
        { heading: "New Action Spotlights", items: shared.spotlights },
        { heading: "Upcoming Morning Coffees", items: shared.coffees },
      ].filter((s) => s.items.length > 0);
      let email: (Awaited<ReturnType<typeof weeklyDigestMessage>> & { headers: Record<string, string> }) | null = null;
      if (sections.length) {
        const { url, headers } = await unsubscribeLink(member.id, DIGEST);
        email = { ...(await weeklyDigestMessage({ name: member.name, week, sections, preferencesLink: `${base}/settings/notifications`, unsubscribeLink: url })), headers };
      }
      const emailed = await withBusyRetry(() =>
        prisma.$transaction(async (tx) => {
          // The claim decides: a second process fails this insert and sends nothing.
          await tx.digestClaim.create({ data: { userId: member.id, week, emailed: !!email } });
          if (email) await enqueueEmail({ kind: "weekly_digest", to: member.email, ...email }, tx);
          return !!email;
        }),
      );
      if (emailed) result.sent++;
      else result.empty++;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        result.skipped++;
        continue;
      }
      throw error;
    }
  }
  if (result.sent || result.empty || result.pruned) logger.info(result, "weekly digests");
  return result;
}
