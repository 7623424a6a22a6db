import { LRUCache } from "lru-cache";
import { databaseKind, prisma } from "./db.server.ts";
import { getEnv } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";

/**
 * The one cache mechanism of the app (decision 120): every cached thing is listed here, held in an
 * lru-cache with a size bound and (where the answer can go stale) a TTL.
 *
 * How an entry is known to be stale — `check`:
 * - "database": the entry remembers databaseVersion() when it was loaded and is used only while
 *   the version is unchanged. The version moves with every commit by this process or any other
 *   (SQLite data_version; PostgreSQL's snapshot), so a write through one process is seen on the
 *   next read through any other, on both engines, with no message between processes.
 * - "key": the key holds everything the value depends on (an id with its updatedAt, a count and
 *   latest change), so an entry can never be stale; old keys just age out of the LRU.
 * - "ttl": the entry is used until its TTL passes; writes call invalidate() at once. With
 *   REDIS_URL the socket server registers shareInvalidations() at start (server/socket/index.ts), so
 *   the same invalidation reaches every other process through the Socket.IO Redis adapter
 *   (serverSideEmit) and clears their copy too, without being sent on again. Without Redis there is
 *   no channel: other processes see a change when the TTL runs out (the fallback). Only for Q&A
 *   reads on the socket path, where a version query per event would cost what the cache saves
 *   (decisions 120, 133).
 *
 * `CACHE_DISABLE=name,name` (env.server.ts; used only here) turns caches off, to measure what each one earns.
 * `CACHE_TTL_MS=n` (env.server.ts; read once, here) replaces the TTL of every "ttl" cache: tests make it
 * long so that only an invalidation, not the clock, can show a change.
 *
 * Not caches (they are state, and stay where they are): the rate-limit and login-throttle stores
 * (app/utils/rate-limit.server.ts), the Q&A vote coalescer and presence maps (qa/broadcast.server.ts,
 * server/socket/qa.ts), the roster directory index (roster/directory-index.server.ts: the roster
 * module's filters, sort and count, earned in decision 134), and the Intl.DateTimeFormat memo (dateTimeFormat() in utils/misc.ts).
 */
export const CACHES = {
  home: {
    holds: "home page parts every visitor sees: next Morning Coffee teaser, latest posts, roster figures, action count",
    max: 20,
    ttlMs: 60_000, // the teaser depends on the clock ("starts in …"): 5 s for it (routes/_index.tsx)
    check: "database",
    invalidated: "next commit anywhere (any process, either engine); the teaser also after 5 s, the rest after 60 s",
  },
  "posts-feed": {
    holds: "posts feed pages per audience and query string, pinned posts, action choices",
    max: 500,
    ttlMs: 60_000,
    check: "database",
    invalidated: "next commit anywhere (any process, either engine), or 60 s",
  },
  "coffee-page": {
    holds: "what every visitor of a Morning Coffee page sees (session, Spotlights, speakers, counts), per slug",
    max: 500,
    ttlMs: 60_000,
    check: "database",
    invalidated: "next commit anywhere (any process, either engine), or 60 s",
  },
  "coffee-public-feed": {
    holds: "the public .ics feed: its rows, body, ETag and gzip bytes",
    max: 1,
    ttlMs: 0,
    check: "key",
    invalidated: "each request compares count and latest updatedAt (one aggregate query): any process's change rebuilds it",
  },
  "coffee-ics-events": {
    holds: "one serialised VEVENT per session version (id, updatedAt, status, sequence, link, alarm)",
    max: 5_000,
    ttlMs: 0,
    check: "key",
    invalidated: "never stale: a changed session has a new key; old blocks age out",
  },
  "qa-coffee": {
    holds: "a Morning Coffee's Q&A facts (id, slug, title, times, status, mode) by id or slug",
    max: 1_000,
    ttlMs: 5_000,
    check: "ttl",
    invalidated: "session writes (coffee.server.ts: create, edit, publish, held, archive, cancel) clear it here and, with Redis, in every process at once; without Redis other processes within 5 s",
  },
  "qa-team": {
    holds: "a session's designated moderators and speakers",
    max: 1_000,
    ttlMs: 5_000,
    check: "ttl",
    invalidated: "team changes (team.server.ts) clear it here and, with Redis, in every process at once; without Redis other processes within 5 s",
  },
  "qa-questions": {
    holds: "a session's non-hidden questions, shared by every join; vote flushes patch the counts in place",
    max: 1_000,
    ttlMs: 1_000,
    check: "ttl",
    invalidated: "question writes (broadcast.server.ts) clear it here and, with Redis, in every process at once; vote flushes patch it; without Redis other processes within 1 s",
  },
  "qa-question-meta": {
    holds: "a question's session and author (never change once written)",
    max: 50_000,
    ttlMs: 0,
    check: "key",
    invalidated: "never stale: a question's session and author never change; an unknown id is not kept",
  },
} as const satisfies Record<string, CacheSpec>;

export type CacheSpec = { holds: string; max: number; ttlMs: number; check: "database" | "key" | "ttl"; invalidated: string };
export type CacheName = keyof typeof CACHES;

type Entry = { version: string; value: unknown };

/** An invalidation of a "ttl" cache, as sent to the other processes. */
export type Invalidation = { name: string; key?: string };

export type CacheOptions = {
  /** Milliseconds, for TTLs (tests inject a clock). */
  now?: () => number;
  /** The database version (tests inject one). */
  version?: () => Promise<string>;
  disabled?: ReadonlySet<string>;
  /** Replaces the TTL of every "ttl" cache (CACHE_TTL_MS). */
  ttlMs?: number;
};

/**
 * A set of named caches following a registry like CACHES. The app uses one set per process
 * (`cache` below); tests make their own with an injected clock and version.
 */
export function createCaches<Name extends string>(registry: Record<Name, CacheSpec>, options: CacheOptions = {}) {
  const readVersion = options.version ?? databaseVersion;
  // Reads asked for in the same tick (a loader's Promise.all) share one version query: it is sent
  // after all of them were asked, so it still sees every commit that came before each of them.
  let sameTick: Promise<string> | null = null;
  const version = () => {
    if (!sameTick) {
      sameTick = readVersion();
      queueMicrotask(() => (sameTick = null));
    }
    return sameTick;
  };
  const disabled = options.disabled ?? new Set<string>();
  const perf = options.now ? { now: options.now } : undefined;
  const stores = new Map<Name, LRUCache<string, Entry>>();
  let share: ((message: Invalidation) => void) | null = null;
  const store = (name: Name) => {
    let s = stores.get(name);
    if (!s) {
      const spec = registry[name];
      const ttl = spec.check === "ttl" && options.ttlMs ? options.ttlMs : spec.ttlMs;
      s = new LRUCache<string, Entry>({ max: spec.max, ...(ttl > 0 ? { ttl, ttlResolution: 0 } : {}), ...(perf ? { perf } : {}) });
      stores.set(name, s);
    }
    return s;
  };

  const forget = (name: Name, key?: string) => {
    if (key === undefined) store(name).clear();
    else store(name).delete(key);
  };

  return {
    /**
     * The value under `key`, loaded (once, shared by concurrent callers) when missing or stale.
     * A failed load is not kept. `ttlMs` shortens the registry's TTL for this entry.
     */
    async get<T>(name: Name, key: string, load: () => Promise<T>, { ttlMs }: { ttlMs?: number } = {}): Promise<T> {
      if (disabled.has(name)) return load();
      const spec = registry[name];
      // The version is read before the load: a commit during the load makes the next read load again.
      const current = spec.check === "database" ? await version() : "";
      const s = store(name);
      const hit = s.get(key);
      if (hit && hit.version === current) return hit.value as Promise<T>;
      const value = load();
      const entry: Entry = { version: current, value };
      s.set(key, entry, ttlMs ? { ttl: ttlMs } : undefined);
      value.catch(() => {
        if (s.peek(key) === entry) s.delete(key);
      });
      return value;
    },

    /** The same for a value computed synchronously ("key" and "ttl" caches only). */
    getSync<T>(name: Name, key: string, compute: () => T): T {
      if (disabled.has(name)) return compute();
      if (registry[name].check === "database") throw new Error(`${name} is checked against the database: use get()`);
      const s = store(name);
      const hit = s.get(key);
      if (hit) return hit.value as T;
      const value = compute();
      s.set(key, { version: "", value });
      return value;
    },

    /** The value under `key` if one is held, without loading it or touching its recency. */
    peek<T>(name: Name, key: string): T | undefined {
      return store(name).peek(key)?.value as T | undefined;
    },

    /**
     * Forgets one entry, or all of a cache, in this process; for a "ttl" cache also in the other
     * processes when shareInvalidations() was given a channel ("database" and "key" caches need none).
     */
    invalidate(name: Name, key?: string) {
      forget(name, key);
      if (share && registry[name].check === "ttl") share(key === undefined ? { name } : { name, key });
    },

    /**
     * Registers how invalidations of "ttl" caches reach the other processes (the socket server does,
     * with REDIS_URL); `null` stops sending.
     */
    shareInvalidations(send: ((message: Invalidation) => void) | null) {
      share = send;
    },

    /**
     * An invalidation another process sent: forgotten here, and not sent on (every process hears
     * the sender directly). Anything that is not a known "ttl" cache's invalidation is ignored.
     */
    receiveInvalidation(message: unknown) {
      if (!message || typeof message !== "object") return;
      const { name, key } = message as { name?: unknown; key?: unknown };
      if (typeof name !== "string" || !Object.hasOwn(registry, name) || registry[name as Name].check !== "ttl") return;
      if (key !== undefined && typeof key !== "string") return;
      forget(name as Name, key);
    },

    size(name: Name) {
      return store(name).size;
    },
  };
}

/**
 * A value that changes with every commit to the database, by this process or any other, read
 * through Prisma in one statement.
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

function disabledByEnv() {
  return new Set(getEnv().CACHE_DISABLE.split(",").map((s) => s.trim()).filter(Boolean));
}

/** This process's caches. */
export const cache = singleton("caches", () => createCaches<CacheName>(CACHES, { disabled: disabledByEnv(), ttlMs: getEnv().CACHE_TTL_MS }));
