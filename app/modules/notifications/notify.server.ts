import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { queueImmediateEmails } from "./immediate-email.server.ts";
import { isNotificationKind, type NotificationKind } from "./kinds.ts";

type Db = Prisma.TransactionClient | typeof prisma;

export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  subject: { type?: string; id?: string; url: string; title: string };
  message?: string | null;
};

/**
 * Writes in-app notification rows; the one way to notify a member. Delivery (bell, email) reads
 * these rows. Nobody is notified of their own action. Pass the transaction so they commit together.
 */
export async function notify(input: NotificationInput | NotificationInput[], db: Db = prisma) {
  const rows = (Array.isArray(input) ? input : [input]).filter((n) => n.userId !== n.actorId);
  for (const n of rows) if (!isNotificationKind(n.kind)) throw new Error(`Unknown notification kind: ${n.kind}`);
  if (!rows.length) return 0;
  const { count } = await db.notification.createMany({
    data: rows.map((n) => ({
      userId: n.userId,
      kind: n.kind,
      actorId: n.actorId ?? null,
      subjectType: n.subject.type ?? null,
      subjectId: n.subject.id ?? null,
      subjectUrl: n.subject.url,
      subjectTitle: n.subject.title.slice(0, 200),
      message: n.message ?? null,
    })),
  });
  // Emails for members who want this kind at once, in the same transaction as the rows.
  await queueImmediateEmails(rows, db);
  return count;
}

/** Notifications that point at content a moderator hid are withdrawn (the author's own "hidden" notice stays). */
export async function withdrawNotificationsAbout(subjectType: string, subjectId: string, db: Db = prisma) {
  await db.notification.deleteMany({ where: { subjectType, subjectId, kind: "mention" } });
}

/** A member's notifications, newest first. */
export function listNotifications(userId: string, take = 50) {
  return prisma.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, subjectUrl: true, subjectTitle: true, message: true, createdAt: true, readAt: true, actor: { select: { name: true, deletedAt: true } } },
  });
}

export async function markNotificationsRead(userId: string, now = new Date()) {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
}

/** Notifications a person received (GDPR export). */
export async function exportNotificationData(userId: string) {
  return {
    received: await prisma.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { kind: true, subjectUrl: true, subjectTitle: true, message: true, createdAt: true, readAt: true },
    }),
  };
}

/**
 * Account deletion: a person's notifications go, and so do the ones they caused (their text may
 * name them, such as "Jana Novak expressed interest in this call").
 */
export async function eraseNotificationData(tx: Prisma.TransactionClient, userId: string) {
  await tx.notification.deleteMany({ where: { OR: [{ userId }, { actorId: userId }] } });
}
