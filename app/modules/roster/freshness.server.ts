import { letOthersRun } from "#app/utils/event-loop.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { sendFreshnessReminderEmail } from "./emails.server.ts";
import { FRESHNESS_MONTHS } from "./taxonomy.ts";

/** The moment before which a confirmation is stale. */
export function staleBefore(now: Date) {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - FRESHNESS_MONTHS);
  return d;
}

export function isStale(confirmedAt: Date, now = new Date()) {
  return confirmedAt < staleBefore(now);
}

/** Active experts (of one Member State, or all) whose profile and availability were last confirmed over 12 months ago. */
export async function staleProfiles(memberState: string | null, now = new Date()) {
  return prisma.expertProfile.findMany({
    where: { status: "active", confirmedAt: { lt: staleBefore(now) }, user: { deletedAt: null }, ...(memberState ? { memberState } : {}) },
    orderBy: { confirmedAt: "asc" },
    take: 500,
    select: { userId: true, memberState: true, confirmedAt: true, reminderSentAt: true, institution: true, user: { select: { name: true, email: true } } },
  });
}

/**
 * Emails every stale expert once per stale period: a reminder counts for the period when it was
 * sent after the profile's last confirmation. Each reminder is claimed with a conditional update
 * in the same transaction as its email, so two processes never send it twice.
 */
export async function sendFreshnessReminders({ now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {}) {
  const candidates = await prisma.expertProfile.findMany({
    where: { status: "active", confirmedAt: { lt: staleBefore(now) }, user: { deletedAt: null } },
    orderBy: { confirmedAt: "asc" },
    take: limit * 3,
    select: { userId: true, confirmedAt: true, reminderSentAt: true, user: { select: { name: true, email: true } } },
  });
  let sent = 0;
  for (const c of candidates) {
    if (sent >= limit) break;
    await letOthersRun();
    if (c.reminderSentAt && c.reminderSentAt >= c.confirmedAt) continue;
    const claimed = await prisma.$transaction(async (tx) => {
      const claim = await tx.expertProfile.updateMany({
        where: { userId: c.userId, confirmedAt: c.confirmedAt, reminderSentAt: c.reminderSentAt },
        data: { reminderSentAt: now },
      });
      if (claim.count !== 1) return false;
      await sendFreshnessReminderEmail(tx, c.user, c.confirmedAt);
      return true;
    });
    if (claimed) sent++;
  }
  if (sent) logger.info({ sent }, "roster freshness reminders queued");
  return { sent };
}
