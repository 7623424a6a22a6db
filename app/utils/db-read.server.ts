import Database from "better-sqlite3";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";
import { getEnv } from "./env.server.ts";
import { existingSingleton, resetSingleton, singleton } from "./singleton.server.ts";

type Statement = Database.Statement<unknown[], unknown>;

/**
 * A second, read-only SQLite connection for the few reads made on every request (the session
 * lookup). A prepared statement answers in ≈ 10 µs where Prisma's query compiler and result
 * mapping take ≈ 1.2 ms for the same findUnique (measured; docs/decisions/040). Every write and
 * every other read goes through Prisma. WAL mode lets this connection read beside Prisma's.
 */
const reader = () =>
  singleton("sqlite-read", () => {
    const db = new Database(sqliteFilePath(getEnv().DATABASE_URL), { timeout: 5000 });
    db.pragma("query_only = ON");
    return { db, statements: new Map<string, Statement>() };
  });

/** Runs a SELECT through a cached prepared statement and returns its first row, if any. */
export function readRow<Row>(sql: string, ...params: unknown[]): Row | undefined {
  const { db, statements } = reader();
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement.get(...params) as Row | undefined;
}

/**
 * A DATETIME column as Prisma stores it in SQLite (ISO 8601 text with offset), or as SQLite's own
 * CURRENT_TIMESTAMP writes it ("YYYY-MM-DD HH:MM:SS", UTC), or milliseconds since the epoch.
 */
export function sqliteDate(value: string | number): Date {
  if (typeof value === "number") return new Date(value);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(value) ? `${value.replace(" ", "T")}Z` : value);
}

/** Closes the read connection (graceful shutdown, tests); the next read opens it again. */
export function closeReadDb() {
  const current = existingSingleton<ReturnType<typeof reader>>("sqlite-read");
  if (!current) return;
  resetSingleton("sqlite-read");
  current.db.close();
}
