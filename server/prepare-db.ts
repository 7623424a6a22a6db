import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Env } from "#app/utils/env.server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Applies committed migrations with the Prisma CLI (offline: JS engine + driver adapter). */
export function migrateDatabase(env: Env) {
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
