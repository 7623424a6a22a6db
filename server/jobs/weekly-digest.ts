import { sendWeeklyDigests } from "#app/modules/notifications/digest.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { startPeriodicJob } from "./periodic.ts";

const INTERVAL_MS = 5 * 60_000;

/**
 * Sends the weekly digest once its moment of the week has come (DIGEST_WEEKDAY, DIGEST_HOUR).
 * Safe in every process: each member's digest of a week is claimed in the database.
 */
export function startWeeklyDigest({ intervalMs = INTERVAL_MS }: { intervalMs?: number } = {}) {
  return startPeriodicJob({
    run: () => sendWeeklyDigests(new Date()),
    onError: (error) => logger.error({ err: error }, "weekly digest pass failed"),
    intervalMs,
    firstRunMs: 30_000,
  });
}
