import { getEnv } from "#app/utils/env.server.ts";
import { startCalendarReplies } from "./calendar-replies.ts";
import { startCoffeeReminders } from "./coffee-reminders.ts";
import { startOutboxWorker } from "./outbox-worker.ts";
import { startRosterFreshnessJob } from "./roster-freshness.ts";
import { startWeeklyDigest } from "./weekly-digest.ts";

/** Background work of this process; each job stops cleanly on shutdown. */
export function startJobs() {
  const outbox = startOutboxWorker();
  const reminders = startCoffeeReminders();
  const rosterFreshness = startRosterFreshnessJob();
  const digest = startWeeklyDigest();
  // Accept/Decline replies, when the organiser mailbox is reachable over IMAP.
  const replies = getEnv().IMAP_URL ? startCalendarReplies() : null;
  return {
    async stop() {
      await Promise.all([reminders.stop(), outbox.stop(), rosterFreshness.stop(), digest.stop(), replies?.stop()]);
    },
  };
}
