import type { Prisma } from "#app/generated/prisma/client.ts";
import { notificationMessage } from "#emails/notification.tsx";
import { getEnv } from "#app/utils/env.server.ts";
import type { prisma } from "#app/utils/db.server.ts";
import { preferencesOf, unsubscribeLink } from "./email-preferences.server.ts";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds.ts";
import { enqueueEmail } from "./outbox.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

export type WrittenNotification = {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  subject: { url: string; title: string };
  message?: string | null;
};

/**
 * Queues one email per notification whose member wants that kind immediately, in the caller's
 * transaction (so the email exists only if the notification does). Members who have not verified
 * their address, deleted their account or are suspended get none.
 */
export async function queueImmediateEmails(rows: WrittenNotification[], db: Db, now = new Date()) {
  if (!rows.length) return 0;
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const prefs = await preferencesOf(userIds, db);
  const wanted = rows.filter((r) => prefs.get(r.userId)?.kinds[r.kind] === "immediate");
  if (!wanted.length) return 0;
  const people = await db.user.findMany({
    where: {
      id: { in: [...new Set(wanted.map((r) => r.userId))] },
      emailVerifiedAt: { not: null },
      deletedAt: null,
      OR: [{ suspendedUntil: null }, { suspendedUntil: { lte: now } }],
    },
    select: { id: true, email: true, name: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const actorIds = [...new Set(wanted.map((r) => r.actorId).filter((id): id is string => !!id))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds }, deletedAt: null }, select: { id: true, name: true } }) : [];
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const base = getEnv().APP_URL;
  let queued = 0;
  for (const row of wanted) {
    const to = byId.get(row.userId);
    if (!to) continue;
    const { url, headers } = await unsubscribeLink(to.id, row.kind, db);
    const message = await notificationMessage({
      name: to.name,
      label: NOTIFICATION_KINDS[row.kind].label,
      title: row.subject.title,
      actorName: row.actorId ? (actorName.get(row.actorId) ?? null) : null,
      message: row.message ?? null,
      link: new URL(row.subject.url, base + "/").toString(),
      preferencesLink: `${base}/settings/notifications`,
      unsubscribeLink: url,
      unsubscribeWhat: "these emails",
    });
    await enqueueEmail({ kind: `notification_${row.kind}`, to: to.email, ...message, headers }, db);
    queued++;
  }
  return queued;
}
