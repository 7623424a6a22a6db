import { logger } from "#app/utils/logger.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { sendPasswordResetIfAccount } from "./accounts.server.ts";

/**
 * Work taken off the request path and done one item at a time, in arrival order, after the
 * response has gone. It lives in this process only: a crash loses what is waiting, which for a
 * reset request means the person asks again. `limit` bounds memory if the queue ever backs up.
 */
export function createWorkQueue<T>(work: (item: T) => Promise<void>, { limit = 10_000 } = {}) {
  const pending: T[] = [];
  let running: Promise<void> | null = null;

  async function drain() {
    // Never start in the same turn as enqueue(): the caller answers first.
    await new Promise((resolve) => setImmediate(resolve));
    while (pending.length) {
      const item = pending.shift() as T;
      try {
        await work(item);
      } catch (error) {
        logger.error({ err: error }, "queued work failed");
      }
    }
    running = null;
  }

  return {
    /** Queues an item and returns at once, whatever the item is. False when the queue is full. */
    enqueue(item: T): boolean {
      if (pending.length >= limit) return false;
      pending.push(item);
      running ??= drain();
      return true;
    },
    /** Resolves when everything queued so far has been done (shutdown and tests). */
    async idle() {
      while (running) await running;
    },
  };
}

const resetRequests = singleton("password-reset-requests", () => createWorkQueue(sendPasswordResetIfAccount));

/**
 * Accepts a "forgot password" request. Nothing here looks at the address, so known and unknown
 * addresses get the same response after the same work; the lookup, token and email come later.
 */
export function queuePasswordReset(email: string): void {
  if (!resetRequests.enqueue(email)) logger.warn("password reset queue full; request dropped");
}

export function passwordResetsDone(): Promise<void> {
  return resetRequests.idle();
}
