import { sendDueReminders } from "#app/modules/coffee/reminders.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { startPeriodicJob } from "./periodic.ts";

const INTERVAL_MS = 60_000;

/**
 * Queues Morning Coffee reminders once a minute. Safe to run in every process: each reminder is
 * claimed in the database, so several processes (or a restart) never send one twice.
 */
export function startCoffeeReminders({ intervalMs = INTERVAL_MS }: { intervalMs?: number } = {}) {
  return startPeriodicJob({
    run: () => sendDueReminders(new Date()),
    onError: (error) => logger.error({ err: error }, "Morning Coffee reminder pass failed"),
    intervalMs,
    firstRunMs: 2_000,
  });
}
