/**
 * The Q&A caches across processes on SQLite (one file shared by two app processes); the suite is in
 * qa-cache-invalidation.suite.ts, its PostgreSQL twin in qa-cache-invalidation-pg.test.ts. Runs when
 * Redis is reachable (tests/run.ts); TEST_REDIS_URL overrides the address.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BASE_DB, TMP } from "#tests/setup/paths.ts";

// This project has no per-file test environment: give this file its own copy of the migrated database.
const dbFile = path.join(TMP, `qa-cache-${crypto.randomUUID()}.db`);
fs.copyFileSync(BASE_DB, dbFile);
const databaseUrl = `file:${dbFile}`;
Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", SEED_DEMO: "0" });

const { qaCacheInvalidationSuite } = await import("./qa-cache-invalidation.suite.ts");
qaCacheInvalidationSuite({
  engine: "SQLite",
  databaseUrl,
  cleanUp: async () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  },
});
