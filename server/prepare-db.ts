import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { fileURLToPath } from "node:url";
import type { Env } from "#app/utils/env.server.ts";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Applies committed migrations with the Prisma CLI (offline: JS engine + driver adapter). */
export function migrateDatabase(env: Env) {
  // `prisma migrate deploy` cannot lock a SQLite file another process has open (a second app
  // process on the same database, decision 036): skip it when there is nothing to apply.
  if (env.databaseKind === "sqlite" && sqliteUpToDate(env.DATABASE_URL)) return { applied: [] as string[] };
  const prismaBin = path.join(ROOT, "node_modules", ".bin", "prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
  }
  const applied = result.stdout.match(/Applying migration `[^`]+`/g) ?? [];
  return { applied: applied.map((line) => line.replace(/Applying migration `([^`]+)`/, "$1")) };
}

function sqliteUpToDate(url: string): boolean {
  const file = sqliteFilePath(url);
  if (!fs.existsSync(file)) return false;
  const dirs = fs
    .readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      const rows = db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[];
      const applied = new Set(rows.map((r) => r.migration_name));
      return dirs.every((d) => applied.has(d));
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
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
