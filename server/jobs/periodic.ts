/**
 * A background job that runs `run` a little after start and then every `intervalMs`, one pass at a
 * time (a tick that finds the last pass still going is skipped). `stop()` cancels the timers and
 * waits for a pass in progress, for a clean shutdown. Exactly-once work is each job's own claim in
 * the database, not this loop's.
 */
export function startPeriodicJob({ run, onError, intervalMs, firstRunMs }: { run: () => Promise<unknown>; onError: (error: unknown) => void; intervalMs: number; firstRunMs: number }) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, firstRunMs);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
