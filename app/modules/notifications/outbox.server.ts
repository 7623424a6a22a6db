import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { getMailTransport, outboxMessageId, type MailTransport } from "#app/utils/mail.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { OUTBOX_STATUSES } from "./outbox-status.ts";

export type RenderedEmail = { subject: string; html: string; text: string };

export type EnqueueInput = RenderedEmail & {
  kind: string;
  to: string;
  calendar?: { method: string; content: string; filename?: string } | null;
  /** Extra headers, such as List-Unsubscribe (stored as JSON, dropped once sent). */
  headers?: Record<string, string> | null;
  /** Send no earlier than this. */
  notBefore?: Date;
};

type Db = Prisma.TransactionClient | typeof prisma;

export const MAX_ATTEMPTS = 8;
/** What stays of a sent message's content: kind, recipient, subject, Message-ID and times remain. */
export const SENT_BODY = { html: "", text: "", calendar: null, headers: null } as const;
const CLAIM_MS = 2 * 60 * 1000;

/** Listeners told when new mail is queued, so the worker need not wait for its next tick. */
const wakeups = singleton("outbox-wakeups", () => new Set<() => void>());
export function onMailQueued(fn: () => void) {
  wakeups.add(fn);
  return () => wakeups.delete(fn);
}

/**
 * Queues an email. Pass the transaction client so the mail is stored with the change that
 * caused it, or not at all.
 */
export async function enqueueEmail(input: EnqueueInput, db: Db = prisma) {
  const row = await db.mailOutbox.create({
    data: {
      kind: input.kind,
      to: input.to,
      subject: input.subject,
      html: input.html,
      text: input.text,
      calendar: input.calendar ? JSON.stringify(input.calendar) : null,
      headers: input.headers ? JSON.stringify(input.headers) : null,
      nextAttemptAt: input.notBefore ?? new Date(),
    },
    select: { id: true },
  });
  // Wake the worker after the surrounding transaction has had a chance to commit.
  setTimeout(() => wakeups.forEach((fn) => fn()), 5);
  return row;
}

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Sends what is due. Each message is claimed with a conditional update first, so several
 * processes (or a restarted one) never send the same message twice while a claim holds.
 * The claim records the Message-ID before sending, and every attempt uses it: if we crash after
 * the mail server accepted a message but before marking it sent, it is sent again after the claim
 * expires (at-least-once) with the same Message-ID, which lets mail systems drop the duplicate.
 * Once sent, the body is dropped: it may hold live links (password reset, verification), and
 * Admin only needs to see that the message went out.
 */
export async function deliverDueMail({ limit = 20, now = new Date(), transport = getMailTransport() }: { limit?: number; now?: Date; transport?: MailTransport } = {}) {
  const due = await prisma.mailOutbox.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, status: true, lockedUntil: true },
  });
  let sent = 0;
  let failed = 0;
  for (const candidate of due) {
    const claim = await prisma.mailOutbox.updateMany({
      where: { id: candidate.id, status: candidate.status, lockedUntil: candidate.lockedUntil },
      data: { status: "sending", lockedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 }, messageId: outboxMessageId(candidate.id) },
    });
    if (claim.count !== 1) continue;
    const mail = await prisma.mailOutbox.findUniqueOrThrow({ where: { id: candidate.id } });
    try {
      await transport.send({
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        calendar: mail.calendar ? JSON.parse(mail.calendar) : null,
        headers: mail.headers ? JSON.parse(mail.headers) : null,
        outboxId: mail.id,
      });
      await prisma.mailOutbox.update({
        where: { id: mail.id },
        data: { status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null, ...SENT_BODY },
      });
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      await prisma.mailOutbox.update({
        where: { id: mail.id },
        data: {
          status: giveUp ? "failed" : "pending",
          lockedUntil: null,
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)),
        },
      });
      failed++;
      logger.warn({ outboxId: mail.id, attempts: mail.attempts, giveUp, err: message }, "mail delivery failed");
    }
  }
  return { sent, failed, remaining: due.length === limit };
}

/** Organisers may send a failed (or waiting) message again now. */
export async function retryMail(id: string) {
  const result = await prisma.mailOutbox.updateMany({
    where: { id, status: { in: ["failed", "pending"] } },
    data: { status: "pending", nextAttemptAt: new Date(), attempts: 0, lockedUntil: null },
  });
  if (result.count) wakeups.forEach((fn) => fn());
  return result.count === 1;
}

export async function outboxCounts() {
  const rows = await prisma.mailOutbox.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<string, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}

/** The newest emails in the outbox (100), optionally of one status, for the admin page. */
export async function listOutbox(status?: string | null) {
  const where = status && (OUTBOX_STATUSES as readonly string[]).includes(status) ? { status } : {};
  return prisma.mailOutbox.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, to: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true, createdAt: true },
  });
}

/**
 * Account deletion: emails not yet sent to the address are dropped; the outbox record of sent (or
 * in-flight) ones keeps only its kind, times and Message-ID.
 */
export async function eraseMailTo(tx: Prisma.TransactionClient, email: string, replacement: string) {
  await tx.mailOutbox.deleteMany({ where: { to: email, status: { in: ["pending", "failed"] } } });
  await tx.mailOutbox.updateMany({ where: { to: email }, data: { to: replacement, subject: "(erased with the account)", ...SENT_BODY } });
}
