import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { fileURLToPath } from "node:url";
import type { Env } from "#app/utils/env.server.ts";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG_CONFIG = path.join(ROOT, "prisma", "postgres", "prisma.config.ts");

function migrationsDir(env: Env) {
  return env.databaseKind === "postgres" ? path.join(ROOT, "prisma", "postgres", "migrations") : path.join(ROOT, "prisma", "migrations");
}

function committedMigrations(env: Env): string[] {
  return fs
    .readdirSync(migrationsDir(env), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const APPLIED_SQL = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

function appliedSqlite(env: Env): Set<string> | null {
  const file = sqliteFilePath(env.DATABASE_URL);
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return null;
    return new Set((db.prepare(APPLIED_SQL).all() as { migration_name: string }[]).map((r) => r.migration_name));
  } finally {
    db.close();
  }
}

/** PostgreSQL: the applied migrations, creating the database first when the server has none by that name. */
async function appliedPostgres(env: Env): Promise<Set<string> | null> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // invalid_catalog_name: no such database
    await createPostgresDatabase(env.DATABASE_URL);
    return null;
  }
  try {
    const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    if (!rows[0]?.t) return null;
    return new Set((await client.query<{ migration_name: string }>(APPLIED_SQL)).rows.map((r) => r.migration_name));
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // duplicate_database: another process made it
  } finally {
    await client.end();
  }
}

/** Committed migrations not yet applied (a read-only look, no lock taken). */
export async function pendingMigrations(env: Env): Promise<string[]> {
  const all = committedMigrations(env);
  const done = env.databaseKind === "postgres" ? await appliedPostgres(env) : appliedSqlite(env);
  return done ? all.filter((m) => !done.has(m)) : all;
}

/**
 * Applies committed migrations with the Prisma CLI (offline: JS engine + driver adapter); on
 * PostgreSQL the migrations derived by prisma/derive-postgres.ts, through their own config.
 * Skipped when nothing is pending, so a CLI command beside a running server takes no lock.
 */
export async function migrateDatabase(env: Env) {
  const pending = await pendingMigrations(env);
  if (pending.length === 0) return { applied: [] as string[] };
  const prismaBin = path.join(ROOT, "node_modules", ".bin", "prisma");
  const args = env.databaseKind === "postgres" ? ["migrate", "deploy", "--config", PG_CONFIG] : ["migrate", "deploy"];
  const result = spawnSync(prismaBin, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
  }
  return { applied: pending };
}

/** `npm run prepare-db`: migrate (and seed when empty) without starting the server. */
async function main() {
  const { getEnv } = await import("#app/utils/env.server.ts");
  const env = getEnv();
  const { applied } = await migrateDatabase(env);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
  const { seedIfEmpty } = await import("#prisma/seed.ts");
  if (env.SEED_DEMO) await seedIfEmpty();
  const { indexIfEmpty } = await import("#app/modules/search/indexers.server.ts");
  const built = await indexIfEmpty();
  if (built) console.log(`Built the search index: ${Object.entries(built).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const { prisma } = await import("#app/utils/db.server.ts");
  await prisma.$disconnect();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
