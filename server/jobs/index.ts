import { startCoffeeReminders } from "./coffee-reminders.ts";
import { startOutboxWorker } from "./outbox-worker.ts";

/** Background work of this process; each job stops cleanly on shutdown. */
export function startJobs() {
  const outbox = startOutboxWorker();
  const reminders = startCoffeeReminders();
  return {
    async stop() {
      await reminders.stop();
      await outbox.stop();
    },
  };
}
