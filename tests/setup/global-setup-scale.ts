import setupSqlite, { ensurePostgresTemplate } from "./global-setup.ts";

/**
 * The scale project: the production build, the migrated SQLite base (tests/scale/qa-redis.test.ts)
 * and its own migrated PostgreSQL template (tests/scale/nginx.test.ts runs on PostgreSQL).
 */
export default async function setup() {
  setupSqlite();
  const { PG_SCALE_TEMPLATE, dropDatabase } = await import("./postgres.ts");
  await ensurePostgresTemplate(PG_SCALE_TEMPLATE);
  return async () => {
    await dropDatabase(PG_SCALE_TEMPLATE);
  };
}
