import { readRow } from "./db-read.server.ts";
import { singleton } from "./singleton.server.ts";

type Entry = { version: number; at: number; value: Promise<unknown> };

const MAX_ENTRIES = 500;
const cache = singleton("shared-reads", () => new Map<string, Entry>());

/** SQLite's count of commits made by other connections than the read one: every Prisma write, in any process. */
export function databaseVersion(): number {
  return readRow<{ data_version: number }>("PRAGMA data_version")?.data_version ?? -1;
}

/**
 * A read that is the same for every visitor (the home feed, the next Morning Coffee), kept until the
 * database changes or `ttlMs` passes, whichever comes first. "Changes" is SQLite's data_version,
 * which moves with every commit by this process's Prisma connection or by another process, so a
 * new post shows on the next request, everywhere; `ttlMs` bounds answers that depend on the clock.
 * Checking costs one PRAGMA (a few µs) against ≈ 1 ms for a Prisma query (docs/decisions/040).
 */
export function sharedRead<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const version = databaseVersion();
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.at < ttlMs) return hit.value as Promise<T>;
  // The version is read before the query: a commit during it makes the next request load again.
  const value = load();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { version, at: now, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}
