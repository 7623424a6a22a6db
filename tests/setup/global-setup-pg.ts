import { ensureBuild, ensurePostgresTemplate } from "./global-setup.ts";

/** The integration-pg project: the production build and the migrated PostgreSQL template (not the SQLite base). */
export default async function setup() {
  ensureBuild();
  await ensurePostgresTemplate();
  return async () => {
    const { PG_TEMPLATE, dropDatabase } = await import("./postgres.ts");
    await dropDatabase(PG_TEMPLATE);
  };
}
