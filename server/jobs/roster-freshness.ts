import { sendFreshnessReminders } from "#app/modules/roster/freshness.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { startPeriodicJob } from "./periodic.ts";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Reminds experts whose roster profile is over 12 months old to confirm it. Runs shortly after
 * start and then hourly; each reminder is claimed in the database, so restarts and several
 * processes never send one twice.
 */
export function startRosterFreshnessJob({ intervalMs = HOUR_MS, firstRunMs = 60_000, now = () => new Date() }: { intervalMs?: number; firstRunMs?: number; now?: () => Date } = {}) {
  return startPeriodicJob({
    run: () => sendFreshnessReminders({ now: now() }),
    onError: (error) => logger.error({ err: error }, "roster freshness reminders failed"),
    intervalMs,
    firstRunMs,
  });
}
