import { onPasswordResetRequested, workPasswordResetRequests } from "#app/modules/auth/reset-requests.server.ts";
import { deliverDueMail, onMailQueued } from "#app/modules/notifications/outbox.server.ts";
import { logger } from "#app/utils/logger.server.ts";

const IDLE_INTERVAL_MS = 5_000;

/**
 * Sends queued mail: on a timer, and at once when something is queued. One pass at a time;
 * a crash mid-send leaves the message claimed until its claim expires, then it is retried.
 * Each pass first works the waiting "forgot password" requests (their emails join the queue).
 */
export function startOutboxWorker({ intervalMs = IDLE_INTERVAL_MS }: { intervalMs?: number } = {}) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const resets = await workPasswordResetRequests();
          const result = await deliverDueMail();
          if (result.remaining || resets.remaining) again = true;
        } while (again && !stopped);
      } catch (error) {
        logger.error({ err: error }, "outbox worker pass failed");
      } finally {
        running = null;
      }
    })();
  };

  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const unsubscribe = onMailQueued(tick);
  const unsubscribeResets = onPasswordResetRequested(tick);
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      unsubscribeResets();
      await running;
    },
  };
}
