import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { fileURLToPath } from "node:url";
import type { Env } from "#app/utils/env.server.ts";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Committed migrations not yet applied to the SQLite file (read-only look, no lock taken). */
export function pendingMigrations(env: Env): string[] {
  const all = fs
    .readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const file = sqliteFilePath(env.DATABASE_URL);
  if (!fs.existsSync(file)) return all;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const done = new Set(
      (db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[]).map((r) => r.migration_name),
    );
    return all.filter((m) => !done.has(m));
  } finally {
    db.close();
  }
}

/**
 * Applies committed migrations with the Prisma CLI (offline: JS engine + driver adapter).
 * Skipped when nothing is pending, so a CLI command beside a running server takes no lock.
 */
export function migrateDatabase(env: Env) {
  const pending = pendingMigrations(env);
  if (pending.length === 0) return { applied: [] as string[] };
  const prismaBin = path.join(ROOT, "node_modules", ".bin", "prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
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
  const { applied } = migrateDatabase(env);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
  const { seedIfEmpty } = await import("#prisma/seed.ts");
  if (env.SEED_DEMO) await seedIfEmpty();
  const { prisma } = await import("#app/utils/db.server.ts");
  await prisma.$disconnect();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
