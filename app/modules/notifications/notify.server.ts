import type { Server } from "socket.io";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { accessRooms } from "#app/modules/auth/socket-access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { queueImmediateEmails } from "./immediate-email.server.ts";
import { isNotificationKind, type NotificationKind } from "./kinds.ts";
import { UNREAD_EVENT, type UnreadPayload } from "./live.ts";
import { createUnreadPublisher } from "./unread-publisher.ts";

type Tx = Prisma.TransactionClient;

/** Members notify() wrote to inside a transaction opened by transactionWithNotifications, by its client. */
const pending = new WeakMap<object, Set<string>>();

export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  subject: { type?: string; id?: string; url: string; title: string };
  message?: string | null;
};

/**
 * The members whose unread count this transaction changes. Only a transaction opened by
 * transactionWithNotifications() may write notifications: anything else (the client itself, a
 * plain prisma.$transaction) is refused, so every bell hears its count after the commit and never
 * before it (decision 100, 132).
 */
function touchedBy(tx: Tx): Set<string> {
  const set = pending.get(tx);
  if (!set) throw new Error("Notifications are written only inside transactionWithNotifications(): open the write's transaction with it and pass its client.");
  return set;
}

/**
 * Writes in-app notification rows; the one way to notify a member. Delivery (bell, email) reads
 * these rows. Nobody is notified of their own action. `tx` is the write's transaction, opened by
 * transactionWithNotifications(), so that both commit or neither does.
 *
 * Reactions are a digest (decision 101, 132): one unread `reaction` row per recipient and target,
 * kept unique by the database (`digestKey`, set while unread and cleared when read) and written by
 * an upsert, so reactions at the same instant count up one row instead of starting several. Each
 * reaction still reaches the email hook, with the digest's new count.
 */
export async function notify(input: NotificationInput | NotificationInput[], tx: Tx) {
  const touched = touchedBy(tx);
  const rows = (Array.isArray(input) ? input : [input]).filter((n) => n.userId !== n.actorId);
  for (const n of rows) if (!isNotificationKind(n.kind)) throw new Error(`Unknown notification kind: ${n.kind}`);
  if (!rows.length) return 0;
  const plain = rows.filter((n) => !isDigest(n));
  const written: NotificationInput[] = [...plain];
  if (plain.length) {
    await tx.notification.createMany({ data: plain.map((n) => ({ ...rowOf(n), message: n.message ?? null })) });
  }
  for (const n of rows.filter(isDigest)) written.push(await upsertReactionDigest(tx, n));
  // Emails for members who want this kind at once, in the same transaction as the rows.
  await queueImmediateEmails(written, tx);
  for (const n of written) touched.add(n.userId);
  return written.length;
}

/** A notification's columns, as notify() writes them (the message is the caller's). */
const rowOf = (n: NotificationInput) => ({
  userId: n.userId,
  kind: n.kind,
  actorId: n.actorId ?? null,
  subjectType: n.subject.type ?? null,
  subjectId: n.subject.id ?? null,
  subjectUrl: n.subject.url,
  subjectTitle: n.subject.title.slice(0, 200),
});

const isDigest = (n: NotificationInput): n is NotificationInput & { subject: { type: string; id: string } } => n.kind === "reaction" && !!n.subject.type && !!n.subject.id;

/** The key of a member's open digest about one target; null once read. */
const digestKey = (n: { userId: string; kind: string; subject: { type?: string; id?: string } }) => `${n.userId}:${n.kind}:${n.subject.type}:${n.subject.id}`;

/**
 * One reaction into its recipient's open digest about that target: created at 1, or counted up
 * (latest actor, moved to now so it comes back to the top). An upsert on the unique `digestKey`:
 * on PostgreSQL two reactions at once wait for each other on that row instead of both inserting.
 */
async function upsertReactionDigest(tx: Tx, n: NotificationInput): Promise<NotificationInput> {
  const key = digestKey(n);
  const now = new Date();
  const row = await tx.notification.upsert({
    where: { digestKey: key },
    create: {
      ...rowOf(n),
      message: reactionMessage(1),
      createdAt: now,
      digestKey: key,
      digestCount: 1,
    },
    update: { actorId: n.actorId ?? null, createdAt: now, digestCount: { increment: 1 } },
    select: { id: true, digestCount: true },
  });
  const count = row.digestCount ?? 1;
  if (count > 1) await tx.notification.update({ where: { id: row.id }, data: { message: reactionMessage(count) } });
  return { ...n, message: reactionMessage(count) };
}

/**
 * prisma.$transaction for writes that notify, and the only transaction notify() accepts: once it
 * has committed, every member notify() (or a read/withdraw here) touched inside it hears their new
 * unread count. A rolled-back transaction publishes nothing.
 */
export async function transactionWithNotifications<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  const touched = new Set<string>();
  const result = await prisma.$transaction(async (tx) => {
    pending.set(tx, touched);
    return fn(tx);
  }, options);
  if (touched.size) await publishUnread([...touched]);
  return result;
}

function currentIo(): Server | null {
  return singleton<{ current: Server | null }>("io", () => ({ current: null })).current;
}

const PUBLISH_CHUNK = 500;

/** One publisher per process: counts for one member are read and sent one pass after another (unread-publisher.ts). */
const publisher = singleton("unread-publisher", () => createUnreadPublisher(readAndEmit));

/**
 * Sends each member's unread count, read after the commit, to their user room on the default
 * namespace: every tab of theirs, on every process through the Socket.IO adapter. Passes do not
 * overlap within a process, so two writes committing together for one member cannot have their
 * counts arrive in the wrong order from here: the last count sent was read after both commits.
 * Without a Socket.IO server (CLI without Redis, unit tests) it does nothing.
 */
export function publishUnread(userIds: string[]): Promise<void> {
  if (!currentIo() || !userIds.length) return Promise.resolve();
  return publisher.publish(userIds);
}

async function readAndEmit(ids: string[]) {
  const io = currentIo();
  if (!io) return;
  try {
    for (let i = 0; i < ids.length; i += PUBLISH_CHUNK) {
      const chunk = ids.slice(i, i + PUBLISH_CHUNK);
      const counts = await prisma.notification.groupBy({ by: ["userId"], where: { userId: { in: chunk }, readAt: null }, _count: { _all: true } });
      const byUser = new Map(counts.map((c) => [c.userId, c._count._all]));
      const nsp = io.of("/");
      for (const id of chunk) nsp.to(accessRooms.user(id)).emit(UNREAD_EVENT, { count: byUser.get(id) ?? 0 } satisfies UnreadPayload);
    }
  } catch (error) {
    // The bell is a convenience: the page load shows the right count anyway.
    logger.warn({ err: error }, "could not publish unread notification counts");
  }
}

/** The bell's count on page load: a count within one member's rows (the [userId, createdAt] index). */
export function countUnread(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

function reactionMessage(count: number) {
  return count === 1 ? "1 new reaction" : `${count} new reactions`;
}

/** Kinds that point at someone's writing: they go when that writing is hidden or deleted. */
const ABOUT_CONTENT: NotificationKind[] = ["mention", "reply", "reaction", "member_state_activity"];

/**
 * Notifications that point at content a moderator hid or its author deleted are withdrawn (the
 * author's own "hidden" notice stays); the bells of those who had them unread drop.
 */
export async function withdrawNotificationsAbout(subjectType: string, subjectId: string | string[], tx: Tx) {
  const touched = touchedBy(tx);
  const ids = Array.isArray(subjectId) ? subjectId : [subjectId];
  if (!ids.length) return;
  const where = { subjectType, subjectId: { in: ids }, kind: { in: ABOUT_CONTENT } };
  const unread = await tx.notification.findMany({ where: { ...where, readAt: null }, select: { userId: true } });
  await tx.notification.deleteMany({ where });
  for (const n of unread) touched.add(n.userId);
}

export const PAGE_SIZE = 50;

/** A member's notifications, newest first, PAGE_SIZE at a time: `before` is the last row's id of the previous page. */
export async function listNotifications(userId: string, { before, take = PAGE_SIZE }: { before?: string | null; take?: number } = {}) {
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(before ? { cursor: { id: before }, skip: 1 } : {}),
    select: { id: true, kind: true, subjectUrl: true, subjectTitle: true, message: true, createdAt: true, readAt: true, actor: { select: { name: true, deletedAt: true } } },
  });
  return { rows: rows.slice(0, take), next: rows.length > take ? rows[take - 1].id : null };
}

/** Mark all read; every tab of the member hears 0. */
export async function markNotificationsRead(userId: string, now = new Date()) {
  // Read digests close: the next reaction starts a new one.
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now, digestKey: null } });
  await publishUnread([userId]);
}

/** Marks one of the member's notifications read; returns where it points, or null when it is not theirs. */
export async function markNotificationRead(userId: string, id: string, now = new Date()) {
  const row = await prisma.notification.findFirst({ where: { id, userId }, select: { subjectUrl: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) {
    await prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now, digestKey: null } });
    await publishUnread([userId]);
  }
  return { url: row.subjectUrl };
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
