import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isSearchIndexTable } from "#app/modules/search/tables.ts";
import { copyOrder, formatCounts, MODELS, parentsFirst, sqliteForeignKeys } from "./db-copy.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The SQLite schema as the committed migrations build it, in memory. */
function migratedSchema() {
  const db = new Database(":memory:");
  const dir = path.join(ROOT, "prisma", "migrations");
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (fs.existsSync(file)) db.exec(fs.readFileSync(file, "utf8"));
  }
  return db;
}

describe("db:copy's table order", () => {
  it("covers every model exactly once and puts every table after the tables it references", () => {
    const db = migratedSchema();
    const keys = sqliteForeignKeys(db, MODELS);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'`).all() as { name: string }[]).map((r) => r.name);
    db.close();
    // Every table of the schema is a model the copy knows about; the search index (search_*, outside
    // Prisma, decision 110) is not copied but rebuilt from the copied content at the next start.
    expect([...MODELS].sort()).toEqual(tables.filter((t) => !isSearchIndexTable(t)).sort());
    const order = copyOrder(MODELS, keys);
    expect([...order].sort()).toEqual([...MODELS].sort());
    for (const key of keys) {
      if (key.references !== key.table) expect(order.indexOf(key.references), `${key.table}.${key.from} → ${key.references}`).toBeLessThan(order.indexOf(key.table));
    }
    // The self-reference the schema has today: comment replies.
    expect(keys.filter((k) => k.table === k.references).map((k) => `${k.table}.${k.from}`)).toEqual(["PostComment.parentId"]);
  });

  it("refuses a cycle between two tables rather than copy in a wrong order", () => {
    const keys = [
      { table: "A", from: "bId", to: "id", references: "B" },
      { table: "B", from: "aId", to: "id", references: "A" },
    ];
    expect(() => copyOrder(["A", "B", "C"], keys)).toThrow(/cycle between A, B/);
  });

  it("puts each reply after the comment it answers, at any depth", () => {
    const self = [{ table: "PostComment", from: "parentId", to: "id", references: "PostComment" }];
    const rows = [
      { id: "c3", parentId: "c2" },
      { id: "c2", parentId: "c1" },
      { id: "c1", parentId: null },
      { id: "c4", parentId: null },
    ];
    expect(parentsFirst(rows, self).map((r) => r.id)).toEqual(["c1", "c4", "c2", "c3"]);
    expect(() => parentsFirst([{ id: "x", parentId: "missing" }], self)).toThrow(/missing or form a cycle/);
  });
});

describe("db:copy's count table", () => {
  it("marks each table ok or MISMATCH, side by side", () => {
    const text = formatCounts([
      { table: "User", source: 738, target: 738 },
      { table: "PostComment", source: 55, target: 54 },
    ]);
    expect(text.split("\n")).toEqual([
      "table          sqlite  postgres  ",
      "User              738       738  ok",
      "PostComment        55        54  MISMATCH",
    ]);
  });
});
