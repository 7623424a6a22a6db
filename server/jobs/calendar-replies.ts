import { readCalendarReplies } from "#app/modules/coffee/replies.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { startPeriodicJob } from "./periodic.ts";

const INTERVAL_MS = 60_000;

/**
 * Reads Accept/Decline replies from the organiser mailbox (IMAP_URL) once a minute. Safe in every
 * process: a reply applied twice changes nothing, and each message is marked \Seen once read.
 */
export function startCalendarReplies({ intervalMs = INTERVAL_MS }: { intervalMs?: number } = {}) {
  return startPeriodicJob({
    run: readCalendarReplies,
    // Message and code only: an IMAP error may carry the connection details.
    onError: (error) => logger.error({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, "reading calendar replies failed"),
    intervalMs,
    firstRunMs: 5_000,
  });
}
