import { readCalendarReplies } from "#app/modules/coffee/replies.server.ts";
import { logger } from "#app/utils/logger.server.ts";

const INTERVAL_MS = 60_000;

/**
 * Reads Accept/Decline replies from the organiser mailbox (IMAP_URL) once a minute. Safe in every
 * process: a reply applied twice changes nothing, and each message is marked \Seen once read.
 */
export function startCalendarReplies({ intervalMs = INTERVAL_MS }: { intervalMs?: number } = {}) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = readCalendarReplies()
      .catch((error: Error) => logger.error({ err: { message: error.message, code: (error as { code?: string }).code } }, "reading calendar replies failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const first = setTimeout(tick, 5_000);
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
