import { setImmediate } from "node:timers/promises";

/**
 * Lets waiting requests run before a background job goes on to its next item. On SQLite every
 * query completes synchronously (better-sqlite3), so a loop of awaited queries never gives the
 * event loop a turn by itself: a weekly digest for thousands of members would hold up every page
 * until it finished. Call this once per item in a job's loop.
 */
export function letOthersRun(): Promise<void> {
  return setImmediate();
}
