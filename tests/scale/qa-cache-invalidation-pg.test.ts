/**
 * The Q&A caches across processes on PostgreSQL (a new database from the scale project's template,
 * tests/setup/global-setup-scale.ts); the suite is in qa-cache-invalidation.suite.ts. Runs when
 * Redis is reachable (tests/run.ts), and needs PostgreSQL (TEST_PG_URL).
 */
import { createTestDatabase, dropDatabase, PG_SCALE_TEMPLATE, postgresUrl } from "#tests/setup/postgres.ts";

const database = await createTestDatabase("mieux_pg_qacache_", PG_SCALE_TEMPLATE);
const databaseUrl = postgresUrl(database);
Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "4", LOG_LEVEL: "silent", SEED_DEMO: "0" });

const { qaCacheInvalidationSuite } = await import("./qa-cache-invalidation.suite.ts");
qaCacheInvalidationSuite({ engine: "PostgreSQL", databaseUrl, env: { DATABASE_POOL_SIZE: "4" }, cleanUp: () => dropDatabase(database) });
