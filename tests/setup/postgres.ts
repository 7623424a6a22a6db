import crypto from "node:crypto";
import pg from "pg";
import { ROOT } from "./paths.ts";

/**
 * PostgreSQL for the test suites (TEST_DATABASE=postgres, the `integration-pg` project): one
 * migrated template per checkout, and a database per test file copied from it (`CREATE DATABASE …
 * TEMPLATE`, ≈ 0.1 s), dropped when the file ends. Names start with mieux_pg_ so nobody else's
 * databases are touched; the checkout's hash keeps two checkouts' runs apart.
 */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@localhost:5432/postgres";
export const PG_TEMPLATE = `mieux_pg_base_${crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 8)}`;
/** The scale project's own template (tests/scale), so `npm test` running both projects never drops the other's. */
export const PG_SCALE_TEMPLATE = `${PG_TEMPLATE}_scale`;

export const usingPostgres = () => process.env.TEST_DATABASE === "postgres";

export function postgresUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(name: string) {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}

/** A new database copied from the migrated template; its name. */
export async function createTestDatabase(prefix = "mieux_pg_t_", template = PG_TEMPLATE): Promise<string> {
  const name = `${prefix}${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await withAdmin(async (c) => {
    // Copies from one template may collide for a moment ("being accessed by other users"): retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return name;
}
