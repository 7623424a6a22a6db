import Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "#app/generated/prisma-pg/client.ts";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";
import type { Env } from "#app/utils/env.server.ts";
import { migrateDatabase } from "../prepare-db.ts";
import { CliError } from "./types.ts";

/**
 * Copies a SQLite installation into an empty PostgreSQL database (decision 061). Every model named
 * by the generated client's `Prisma.ModelName` is copied, read and written through the two Prisma
 * clients so dates, booleans and nulls keep their meaning; tables go parents first (the order comes
 * from the foreign keys SQLite declares), rows of a self-referencing table parents first, and the
 * whole copy is one PostgreSQL transaction: a failure leaves the target empty, ready for another try.
 */

export type ModelName = (typeof Prisma.ModelName)[keyof typeof Prisma.ModelName];

/** Every model of the schema: the one list the copy works from, so a new model is never forgotten. */
export const MODELS = Object.values(Prisma.ModelName) as ModelName[];

/** The client's accessor for a model (`QaQuestion` → `qaQuestion`). */
const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

type ForeignKey = { table: string; from: string; to: string; references: string };

/** The foreign keys the SQLite schema declares, per table. */
export function sqliteForeignKeys(db: Database.Database, tables: string[]): ForeignKey[] {
  return tables.flatMap((table) =>
    (db.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as { table: string; from: string; to: string }[]).map((fk) => ({
      table,
      from: fk.from,
      to: fk.to,
      references: fk.table,
    })),
  );
}

/**
 * Tables in an order where every table comes after the tables it references (self-references aside:
 * their rows are ordered instead). A cycle between two tables cannot be copied this way and throws.
 */
export function copyOrder(tables: string[], keys: ForeignKey[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  let remaining = [...tables].sort();
  while (remaining.length) {
    const ready = remaining.filter((t) => keys.every((k) => k.table !== t || k.references === t || done.has(k.references)));
    if (!ready.length) throw new Error(`foreign keys form a cycle between ${remaining.join(", ")}; db:copy cannot order them`);
    for (const t of ready) {
      done.add(t);
      order.push(t);
    }
    remaining = remaining.filter((t) => !done.has(t));
  }
  return order;
}

type Row = Record<string, unknown>;

/** Rows of a self-referencing table, each after the row it points to (a reply after its comment). */
export function parentsFirst(rows: Row[], selfKeys: ForeignKey[]): Row[] {
  if (!selfKeys.length) return rows;
  const out: Row[] = [];
  const placed = new Set<unknown>();
  let remaining = rows;
  while (remaining.length) {
    const next: Row[] = [];
    for (const row of remaining) {
      const waiting = selfKeys.some((k) => row[k.from] != null && !placed.has(row[k.from]));
      if (waiting) next.push(row);
      else out.push(row);
    }
    if (next.length === remaining.length) throw new Error(`rows of ${selfKeys[0].table} reference rows that are missing or form a cycle`);
    for (const row of out) for (const k of selfKeys) placed.add(row[k.to]);
    remaining = next;
  }
  return out;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the target that already hold rows (a database that does not exist yet is empty). */
async function tablesWithRows(url: string, tables: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === "3D000") return []; // no such database: start-up's migration creates it
    throw error;
  }
  try {
    const full: string[] = [];
    for (const table of tables) {
      const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [quote(table)]);
      if (!rows[0]?.t) continue;
      const { rowCount } = await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
      if (rowCount) full.push(table);
    }
    return full;
  } finally {
    await client.end();
  }
}

export type TableCount = { table: string; source: number; target: number };

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
export const DEFAULT_BATCH = 500;

export async function copySqliteToPostgres(
  env: Env,
  targetUrl: string,
  { batch = DEFAULT_BATCH, log = () => {} }: { batch?: number; log?: (line: string) => void } = {},
): Promise<{ counts: TableCount[]; ok: boolean }> {
  if (env.databaseKind !== "sqlite") throw new CliError("db:copy copies from SQLite: DATABASE_URL must be a file: URL");
  if (!/^postgres(ql)?:\/\//.test(targetUrl)) throw new CliError("--to must be a postgresql:// URL");

  // Table names are the model names (no @@map in the schema); the one list is Prisma.ModelName.
  const full = await tablesWithRows(targetUrl, MODELS);
  if (full.length) throw new CliError(`the target database is not empty (rows in ${full.join(", ")}); db:copy only fills an empty database`);
  await migrateDatabase({ ...env, DATABASE_URL: targetUrl, databaseKind: "postgres" });

  const sqlite = new Database(sqliteFilePath(env.DATABASE_URL), { readonly: true, fileMustExist: true, timeout: 5000 });
  const keys = sqliteForeignKeys(sqlite, MODELS);
  sqlite.close();
  const order = copyOrder(MODELS, keys) as ModelName[];

  const { prisma: source } = await import("#app/utils/db.server.ts");
  const target = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: targetUrl, max: 2 }) }) as unknown as PrismaClient;
  type Delegate = { findMany(): Promise<Row[]>; count(): Promise<number>; createMany(args: { data: Row[] }): Promise<{ count: number }> };
  const delegate = (client: unknown, model: ModelName) => (client as Record<string, Delegate>)[delegateName(model)];
  try {
    // One transaction for the whole copy: either the target holds everything or it stays empty
    // (and passes the emptiness check on the next try). A community's history fits in one.
    await target.$transaction(
      async (tx) => {
        for (const model of order) {
          const rows = parentsFirst(
            await delegate(source, model).findMany(),
            keys.filter((k) => k.table === model && k.references === model),
          );
          for (let i = 0; i < rows.length; i += batch) await delegate(tx, model).createMany({ data: rows.slice(i, i + batch) });
          log(`copied ${model}: ${rows.length}`);
        }
        // Ids are cuid strings today; any serial column added later gets its sequence moved past the copied ids.
        const serials = await tx.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
          `SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
        );
        for (const s of serials) {
          const [t, c] = [quote(s.table_name), quote(s.column_name)];
          await tx.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('${t}', '${s.column_name.replace(/'/g, "''")}'), COALESCE((SELECT MAX(${c}) FROM ${t}), 1), (SELECT MAX(${c}) FROM ${t}) IS NOT NULL)`);
        }
      },
      { maxWait: 10_000, timeout: 60 * 60_000 },
    );
    const counts: TableCount[] = [];
    for (const model of MODELS) {
      counts.push({ table: model, source: await delegate(source, model).count(), target: await delegate(target, model).count() });
    }
    return { counts, ok: counts.every((c) => c.source === c.target) };
  } finally {
    await target.$disconnect();
  }
}

/** The per-table comparison, as printed by db:copy. */
export function formatCounts(counts: TableCount[]): string {
  const width = Math.max(5, ...counts.map((c) => c.table.length));
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(width)}  ${b.padStart(8)}  ${c.padStart(8)}  ${d}`;
  return [
    line("table", "sqlite", "postgres", ""),
    ...counts.map((c) => line(c.table, String(c.source), String(c.target), c.source === c.target ? "ok" : "MISMATCH")),
  ].join("\n");
}
