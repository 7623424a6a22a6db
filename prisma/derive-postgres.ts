/**
 * Derives everything PostgreSQL needs from the one source schema (prisma/schema/, SQLite):
 *
 * - prisma/postgres/schema/*.prisma: the same models with provider "postgresql" and the client
 *   generated to app/generated/prisma-pg (Prisma compiles queries per provider, so one generated
 *   client cannot serve both engines);
 * - prisma/postgres/migrations/<same name as each SQLite migration>/migration.sql: `prisma migrate
 *   diff` between the PostgreSQL forms of consecutive schema snapshots (offline, no shadow database).
 *   A SQLite migration folder may carry `postgres.sql`, appended to the derived migration for the
 *   hand-written parts (triggers, functions) that have no Prisma schema form.
 *
 * Derived migrations already written are kept as they are (applied history must not change);
 * `--check` writes nothing and exits 1 when anything on disk differs from a fresh derivation
 * (`--check --all` re-derives every migration, not only the latest).
 * Run by `npm run db:migration` after each new SQLite migration; tests/integration/migrations.test.ts
 * fails when the two engines' schemas or migrations drift.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_SCHEMA = path.join(ROOT, "prisma", "schema");
const SOURCE_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
export const PG_DIR = path.join(ROOT, "prisma", "postgres");
const PG_SCHEMA = path.join(PG_DIR, "schema");
const PG_MIGRATIONS = path.join(PG_DIR, "migrations");
const prismaBin = path.join(ROOT, "node_modules", ".bin", "prisma");

/**
 * `prisma migrate diff … --script` between two schema files or folders. The provider comes from the
 * schemas; the CLI still opens the configured adapter, so it gets the root (SQLite) config with a
 * throw-away file, whatever DATABASE_URL says.
 */
export function diffScript(from: string | null, to: string): string {
  const scratch = fs.mkdtempSync(path.join(ROOT, "prisma", ".derive-"));
  try {
    const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
    return execFileSync(prismaBin, ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "diff.db")}` },
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const HEADER = "// Derived from prisma/schema/ by prisma/derive-postgres.ts: do not edit, edit the source and run `npm run db:migration`.\n";

/** The PostgreSQL form of a SQLite schema text (whole snapshot or one domain file). */
export function toPostgres(schema: string): string {
  return schema
    .replace(/provider(\s*)= "sqlite"/, 'provider$1= "postgresql"')
    .replace(/url(\s*)= "file:[^"]*"/, 'url$1= "postgresql://localhost:5432/mieux"')
    .replace(/output(\s*)= "\.\.\/\.\.\/app\/generated\/prisma"/, 'output$1= "../../../app/generated/prisma-pg"');
}

function sourceMigrations(): string[] {
  return fs
    .readdirSync(SOURCE_MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Every file the derivation produces, path relative to prisma/postgres → content. */
export function derive(existing: (relative: string) => string | null = read): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(SOURCE_SCHEMA).filter((n) => n.endsWith(".prisma")).sort()) {
    files.set(path.join("schema", f), HEADER + toPostgres(fs.readFileSync(path.join(SOURCE_SCHEMA, f), "utf8")));
  }
  files.set(path.join("migrations", "migration_lock.toml"), '# Derived by prisma/derive-postgres.ts\nprovider = "postgresql"\n');
  const tmp = fs.mkdtempSync(path.join(ROOT, "prisma", ".derive-"));
  try {
    let previous: string | null = null;
    for (const name of sourceMigrations()) {
      const snapshotFile = path.join(SOURCE_MIGRATIONS, name, "schema.snapshot.prisma");
      const snapshot = path.join(tmp, `${name}.prisma`);
      fs.writeFileSync(snapshot, toPostgres(fs.readFileSync(snapshotFile, "utf8")));
      const target = path.join("migrations", name, "migration.sql");
      const kept = existing(target);
      if (kept !== null) {
        files.set(target, kept);
      } else {
        let sql = diffScript(previous, snapshot);
        const extra = path.join(SOURCE_MIGRATIONS, name, "postgres.sql");
        if (fs.existsSync(extra)) sql += `\n-- From prisma/migrations/${name}/postgres.sql\n${fs.readFileSync(extra, "utf8")}`;
        files.set(target, sql);
      }
      previous = snapshot;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return files;
}

function read(relative: string): string | null {
  const file = path.join(PG_DIR, relative);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

function onDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(PG_DIR, full));
    }
  };
  walk(PG_SCHEMA);
  walk(PG_MIGRATIONS);
  return out;
}

/**
 * Names of files that differ from a fresh derivation (missing, changed or left over). The schema,
 * the list of migrations and the latest migration are derived afresh; older derived migrations are
 * history (applied somewhere, never rewritten) and are only checked to exist. `--check --all`
 * derives every one again.
 */
export function drift({ all = false } = {}): string[] {
  const latest = sourceMigrations().at(-1);
  const fresh = derive((rel) => (all || rel === path.join("migrations", latest ?? "", "migration.sql") ? null : read(rel)));
  const differing = [...fresh].filter(([rel, text]) => read(rel) !== text).map(([rel]) => rel);
  const extra = onDisk().filter((rel) => !fresh.has(rel) && rel !== "prisma.config.ts");
  return [...differing, ...extra];
}

function main() {
  if (process.argv.includes("--check")) {
    const differing = drift({ all: process.argv.includes("--all") });
    if (differing.length) {
      console.error(`prisma/postgres/ differs from its derivation (run npm run db:migration):\n  ${differing.join("\n  ")}`);
      process.exit(1);
    }
    console.log("prisma/postgres/ matches prisma/schema/ and prisma/migrations/.");
    return;
  }
  const files = derive();
  for (const rel of onDisk()) if (!files.has(rel)) fs.rmSync(path.join(PG_DIR, rel));
  let written = 0;
  for (const [rel, text] of files) {
    if (read(rel) === text) continue;
    fs.mkdirSync(path.dirname(path.join(PG_DIR, rel)), { recursive: true });
    fs.writeFileSync(path.join(PG_DIR, rel), text);
    written++;
  }
  console.log(written ? `prisma/postgres/: wrote ${written} file(s).` : "prisma/postgres/ is up to date.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
