import { startOutboxWorker } from "./outbox-worker.ts";

/** Background work of this process; each job stops cleanly on shutdown. */
export function startJobs() {
  const outbox = startOutboxWorker();
  return {
    async stop() {
      await outbox.stop();
    },
  };
}
