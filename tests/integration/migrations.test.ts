import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isSearchIndexTable } from "#app/modules/search/tables.ts";
import { diffScript, drift } from "#prisma/derive-postgres.ts";
import { currentSchemaText, migrationDirs } from "#prisma/new-migration.ts";
import { otherConnection } from "#tests/setup/other-connection.ts";
import { BASE_DB, ROOT, TMP } from "#tests/setup/paths.ts";
import { dropDatabase, postgresUrl, usingPostgres, withAdmin } from "#tests/setup/postgres.ts";

type Row = { type: string; name: string; sql: string | null };

function shape(file: string) {
  const db = new Database(file, { readonly: true });
  const rows = (
    db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_migrations%' ORDER BY type, name").all() as (Row & { tbl_name: string })[]
  )
    // The search index, written by hand in its migration (no Prisma form for FTS5; decision 110).
    .filter((r) => !isSearchIndexTable(r.tbl_name))
    .map(({ type, name, sql }) => ({ type, name, sql }));
  db.close();
  // ALTER TABLE ADD COLUMN appends to the stored CREATE text with its own spacing: compare without spaces around , ( ).
  return rows.map((r) => ({ ...r, sql: r.sql?.replace(/\s+/g, " ").replace(/ ?([,()]) ?/g, "$1").trim() ?? null }));
}

const prismaBin = path.join(ROOT, "node_modules/.bin/prisma");

/** Tables, columns, indexes and constraints of a PostgreSQL database, in a stable order, without the search index (decision 110). */
async function postgresShape(url: string) {
  const db = await otherConnection(url);
  try {
    const columns = await db.query<{ table_name: string }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    const indexes = await db.query<{ tablename: string }>(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`);
    const constraints = await db.query<{ t: string }>(
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    return {
      columns: columns.filter((r) => !isSearchIndexTable(r.table_name)),
      indexes: indexes.filter((r) => !isSearchIndexTable(r.tablename)),
      constraints: constraints.filter((r) => !isSearchIndexTable(r.t)),
    };
  } finally {
    await db.close();
  }
}

describe("database migrations", () => {
  // Files only, the same on either engine: checked once, in the SQLite pass.
  it.skipIf(usingPostgres())("derive PostgreSQL's schema and migrations from the SQLite ones, with nothing out of date (npm run db:migration)", () => {
    // Every file under prisma/postgres/ equals a fresh derivation from prisma/schema and prisma/migrations.
    expect(drift()).toEqual([]);
  }, 60_000);

  it.runIf(usingPostgres())("on PostgreSQL, produce exactly the database that the derived schema describes (no drift)", async () => {
    const sql = diffScript(null, path.join(ROOT, "prisma/postgres/schema"));
    const fresh = `mieux_pg_drift_${process.pid}_${Date.now()}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${fresh}"`));
    try {
      const db = await otherConnection(postgresUrl(fresh));
      await db.query(sql).finally(() => db.close());
      // This file's database was copied from the template that `prisma migrate deploy` built from the derived migrations.
      expect(await postgresShape(process.env.DATABASE_URL!)).toEqual(await postgresShape(postgresUrl(fresh)));
    } finally {
      await dropDatabase(fresh);
    }
  });

  it.skipIf(usingPostgres())("produce exactly the database that prisma/schema describes (no drift)", () => {
    const dir = fs.mkdtempSync(path.join(TMP, "drift-"));
    const schemaFile = path.join(dir, "schema.prisma");
    fs.writeFileSync(schemaFile, currentSchemaText());
    const sql = execFileSync(prismaBin, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
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
