import crypto from "node:crypto";
import { dropDatabase, postgresUrl } from "#tests/setup/postgres.ts";

/**
 * The database engines a bench suite runs on: both by default (docs/performance.md compares
 * PostgreSQL with SQLite in the same run), or those named with `--engine sqlite|postgres|sqlite,postgres`.
 * PostgreSQL is the server at TEST_PG_URL (default postgresql://postgres@localhost:5432).
 */
export type Engine = "sqlite" | "postgres";

export function enginesFrom(args: Record<string, string>): Engine[] {
  const wanted = (args.engine ?? "sqlite,postgres").split(",").filter(Boolean);
  for (const e of wanted) if (e !== "sqlite" && e !== "postgres") throw new Error(`--engine: unknown engine "${e}" (sqlite, postgres)`);
  return wanted as Engine[];
}

/**
 * A fresh, empty database for one suite on `engine`: undefined for SQLite (startAppProcess makes
 * a new file); for PostgreSQL the URL of a database that does not exist yet (the app creates and
 * migrates it at start, as `npm start` does), dropped by `drop()`.
 */
export function freshDatabase(engine: Engine, suite: string): { databaseUrl?: string; drop(): Promise<void> } {
  if (engine === "sqlite") return { drop: async () => {} };
  const name = `mieux_bench_${suite}_${crypto.randomBytes(4).toString("hex")}`;
  return { databaseUrl: postgresUrl(name), drop: () => dropDatabase(name) };
}
