import { databaseKind, prisma } from "./db.server.ts";
import { singleton } from "./singleton.server.ts";

type Entry = { version: string; at: number; value: Promise<unknown> };

const MAX_ENTRIES = 500;
const cache = singleton("shared-reads", () => new Map<string, Entry>());

/**
 * A value that changes with every commit to the database, by this process or any other, read
 * through Prisma in one statement (≈ 0.4 ms on SQLite against several ms for the reads it saves;
 * decision 060).
 * - SQLite: `total_changes()` counts rows this connection (Prisma's, the only one of this process)
 *   has written; `data_version` moves when another connection (another process) commits.
 * - PostgreSQL: the current snapshot (`xmin:xmax:in-progress xids`) changes whenever a write
 *   transaction starts or ends anywhere on the server. Other databases' writes change it too,
 *   which only costs a reload.
 */
export async function databaseVersion(): Promise<string> {
  const rows =
    databaseKind() === "postgres"
      ? await prisma.$queryRawUnsafe<{ v: string }[]>("SELECT pg_current_snapshot()::text AS v")
      : await prisma.$queryRawUnsafe<{ v: string }[]>("SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version()) AS v");
  return String(rows[0]?.v ?? "");
}

/**
 * A read that is the same for every visitor (the home feed, the next Morning Coffee), kept until the
 * database changes or `ttlMs` passes, whichever comes first. "Changes" is databaseVersion(), which
 * moves with every commit by this process or by another one, so a new post shows on the next
 * request, everywhere; `ttlMs` bounds answers that depend on the clock.
 */
export async function sharedRead<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const version = await databaseVersion();
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
