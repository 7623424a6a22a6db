import { deliverDueMail, onMailQueued } from "#app/modules/notifications/outbox.server.ts";
import { logger } from "#app/utils/logger.server.ts";

const IDLE_INTERVAL_MS = 5_000;

/**
 * Sends queued mail: on a timer, and at once when something is queued. One pass at a time;
 * a crash mid-send leaves the message claimed until its claim expires, then it is retried.
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
          const result = await deliverDueMail();
          if (result.remaining) again = true;
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
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
