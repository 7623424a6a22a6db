/**
 * `npm run db:migration -- <name>`: writes the next migration from the schema change.
 *
 * `prisma migrate dev` needs a shadow database, which does not work offline with the driver
 * adapter; so each migration folder keeps `schema.snapshot.prisma`, the schema it leads to,
 * and the next migration is `prisma migrate diff` from that snapshot to prisma/schema/.
 * tests/integration/migrations.test.ts fails if the migrations and the schema ever drift.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const SCHEMA_DIR = path.join(ROOT, "prisma", "schema");
const prisma = path.join(ROOT, "node_modules", ".bin", "prisma");

export function currentSchemaText(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => `// ---- ${f}\n${fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8")}`)
    .join("\n");
}

export function migrationDirs(): string[] {
  return fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run db:migration -- <short_name>");
    process.exit(2);
  }
  const previous = migrationDirs().at(-1);
  const snapshot = previous ? path.join(MIGRATIONS, previous, "schema.snapshot.prisma") : null;
  if (snapshot && !fs.existsSync(snapshot)) throw new Error(`${snapshot} is missing`);
  const tmp = fs.mkdtempSync(path.join(ROOT, "tests", ".tmp-migration-"));
  try {
    const current = path.join(tmp, "current.prisma");
    fs.writeFileSync(current, currentSchemaText());
    const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    const sql = execFileSync(prisma, ["migrate", "diff", ...from, "--to-schema-datamodel", current, "--script"], { cwd: ROOT, encoding: "utf8" });
    if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
      console.log("The schema has not changed since the last migration: nothing to write.");
      return;
    }
    // Migrations apply in name order: never sort before the latest one, whatever the clock says.
    const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const latest = previous?.slice(0, 14) ?? "0";
    const stamp = now > latest ? now : String(BigInt(latest) + 1n);
    const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync(current, path.join(dir, "schema.snapshot.prisma"));
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql:\n\n${sql}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main();
  // Then the PostgreSQL twin and both clients. Run from here, not chained in package.json, because
  // npm appends `-- <name>` to the last command of a chain.
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "prisma", "derive-postgres.ts")], { cwd: ROOT, stdio: "inherit" });
  execFileSync("npm", ["run", "db:generate"], { cwd: ROOT, stdio: "inherit" });
}
