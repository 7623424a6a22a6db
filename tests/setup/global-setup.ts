import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BASE_DB, ROOT, TMP } from "./paths.ts";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The integration and e2e suites run the production build: rebuild it when app code is newer. */
export function ensureBuild() {
  const built = path.join(ROOT, "build", "server", "index.js");
  const sources = Math.max(newestMtime(path.join(ROOT, "app")), newestMtime(path.join(ROOT, "emails")), newestMtime(path.join(ROOT, "public")));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) return;
  console.log("[tests] building the app (app/ changed since the last build)…");
  try {
    // Not as a Vitest child: vite.config.ts drops the Remix plugin when VITEST is set.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
    execFileSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...env, NODE_ENV: "production" } });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`remix vite:build failed:\n${e.stdout?.toString() ?? ""}\n${e.stderr?.toString() ?? ""}`);
  }
}

/** One migrated database, copied by every test file (tests/setup/test-env.ts). */
function ensureBaseDatabase() {
  fs.mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(BASE_DB + suffix, { force: true });
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: "ignore",
  });
  // Fold the WAL into the file so a plain copy is complete.
  execFileSync(process.execPath, ["-e", `const D=require('better-sqlite3');const d=new D(${JSON.stringify(BASE_DB)});d.pragma('journal_mode = DELETE');d.close()`], { cwd: ROOT });
}

/** PostgreSQL (the integration-pg project): the migrated template every test file's database is copied from. */
export async function ensurePostgresTemplate(name?: string) {
  const { PG_TEMPLATE, dropDatabase, postgresUrl, withAdmin } = await import("./postgres.ts");
  const template = name ?? PG_TEMPLATE;
  await dropDatabase(template);
  await withAdmin((c) => c.query(`CREATE DATABASE "${template}"`));
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy", "--config", path.join(ROOT, "prisma", "postgres", "prisma.config.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: postgresUrl(template) },
    stdio: "ignore",
  });
}

export default function setup() {
  ensureBuild();
  ensureBaseDatabase();
}
