import { startCoffeeReminders } from "./coffee-reminders.ts";
import { startOutboxWorker } from "./outbox-worker.ts";
import { startRosterFreshnessJob } from "./roster-freshness.ts";

/** Background work of this process; each job stops cleanly on shutdown. */
export function startJobs() {
  const outbox = startOutboxWorker();
  const reminders = startCoffeeReminders();
  const rosterFreshness = startRosterFreshnessJob();
  return {
    async stop() {
      await Promise.all([reminders.stop(), outbox.stop(), rosterFreshness.stop()]);
    },
  };
}
