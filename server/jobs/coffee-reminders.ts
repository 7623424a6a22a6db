import { sendDueReminders } from "#app/modules/coffee/reminders.server.ts";
import { logger } from "#app/utils/logger.server.ts";

const INTERVAL_MS = 60_000;

/**
 * Queues Morning Coffee reminders once a minute. Safe to run in every process: each reminder is
 * claimed in the database, so several processes (or a restart) never send one twice.
 */
export function startCoffeeReminders({ intervalMs = INTERVAL_MS }: { intervalMs?: number } = {}) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = sendDueReminders(new Date())
      .catch((error) => logger.error({ err: error }, "Morning Coffee reminder pass failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const first = setTimeout(tick, 2_000);
  first.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
