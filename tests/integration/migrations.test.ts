import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { currentSchemaText, migrationDirs } from "#prisma/new-migration.ts";
import { BASE_DB, ROOT, TMP } from "#tests/setup/paths.ts";

type Row = { type: string; name: string; sql: string | null };

function shape(file: string) {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_migrations%' ORDER BY type, name")
    .all() as Row[];
  db.close();
  // ALTER TABLE ADD COLUMN appends to the stored CREATE text with its own spacing: compare without spaces around , ( ).
  return rows.map((r) => ({ ...r, sql: r.sql?.replace(/\s+/g, " ").replace(/ ?([,()]) ?/g, "$1").trim() ?? null }));
}

describe("database migrations", () => {
  it("produce exactly the database that prisma/schema describes (no drift)", () => {
    const dir = fs.mkdtempSync(path.join(TMP, "drift-"));
    const schemaFile = path.join(dir, "schema.prisma");
    fs.writeFileSync(schemaFile, currentSchemaText());
    const sql = execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const fromSchema = path.join(dir, "from-schema.db");
    const db = new Database(fromSchema);
    db.exec(sql);
    db.close();
    // BASE_DB was built by `prisma migrate deploy` from the committed migrations (global setup).
    expect(shape(BASE_DB)).toEqual(shape(fromSchema));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keep a schema snapshot in every migration so the next one can be generated offline", () => {
    for (const name of migrationDirs()) {
      expect(fs.existsSync(path.join(ROOT, "prisma/migrations", name, "schema.snapshot.prisma")), name).toBe(true);
    }
    const latest = migrationDirs().at(-1)!;
    expect(fs.readFileSync(path.join(ROOT, "prisma/migrations", latest, "schema.snapshot.prisma"), "utf8")).toBe(currentSchemaText());
  });
});
