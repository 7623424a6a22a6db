import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { sendPasswordResetIfAccount } from "./accounts.server.ts";

/** Listeners told when a request is written (the outbox worker), so it need not wait for its next tick. */
const wakeups = singleton("password-reset-wakeups", () => new Set<() => void>());
export function onPasswordResetRequested(fn: () => void) {
  wakeups.add(fn);
  return () => wakeups.delete(fn);
}

/**
 * Accepts a "forgot password" request: one insert of the (already normalised) address, whatever it
 * is, so known and unknown addresses get the same response after the same work. The lookup, token
 * and email are done by workPasswordResetRequests(), from the table, so a crash loses nothing.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  await prisma.passwordResetRequest.create({ data: { email } });
  // After the response has had its turn.
  setImmediate(() => wakeups.forEach((fn) => fn()));
}

/**
 * Works the waiting requests, oldest first (run by the outbox worker in every process). Each one
 * is claimed by deleting its row in the transaction that issues the token and queues the email:
 * another process deleting it too finds nothing to delete (PostgreSQL makes it wait for the first
 * to commit; SQLite has one writer) and does nothing, so each request is worked exactly once, and a
 * crash before the commit leaves it waiting for the next pass.
 */
export async function workPasswordResetRequests({ limit = 50 }: { limit?: number } = {}) {
  const waiting = await prisma.passwordResetRequest.findMany({ orderBy: { createdAt: "asc" }, take: limit, select: { id: true, email: true } });
  let worked = 0;
  for (const request of waiting) {
    try {
      const claimed = await prisma.$transaction(async (tx) => {
        const { count } = await tx.passwordResetRequest.deleteMany({ where: { id: request.id } });
        if (count !== 1) return false;
        await sendPasswordResetIfAccount(tx, request.email);
        return true;
      });
      if (claimed) worked++;
    } catch (error) {
      logger.error({ err: error }, "password reset request failed; it stays queued");
    }
  }
  return { worked, remaining: waiting.length === limit };
}
