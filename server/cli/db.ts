import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getEnv } from "#app/utils/env.server.ts";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";
import { CliError, requireFlag, type CliCommand } from "./types.ts";

/**
 * An online backup of the SQLite database: SQLite's backup API copies a consistent snapshot page by
 * page while the server keeps reading and writing (no lock held for long). An operations tool, not
 * part of the app's data path.
 */
export async function backupSqlite(databaseUrl: string, target: string) {
  const destination = path.resolve(target);
  if (fs.existsSync(destination)) throw new CliError(`${destination} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(sqliteFilePath(databaseUrl), { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  // The copy is a plain database file (no WAL beside it), ready to be put in place of data/mieux.db.
  const copy = new Database(destination);
  copy.pragma("journal_mode = DELETE");
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") throw new Error(`the backup failed its integrity check: ${String(check)}`);
  return { file: destination, bytes: fs.statSync(destination).size };
}

export const dbBackup: CliCommand = {
  name: "db:backup",
  usage: "db:backup <file.db>",
  summary: "Online backup of the SQLite database while the server runs (restore: put the file in place of data/mieux.db).",
  async run(args) {
    const target = args.positional[0];
    if (!target) throw new CliError("give the backup's file name");
    const env = getEnv();
    if (env.databaseKind !== "sqlite") throw new CliError("db:backup is for SQLite; back PostgreSQL up with pg_dump");
    const { file, bytes } = await backupSqlite(env.DATABASE_URL, target);
    console.log(`Backed up to ${file} (${Math.round(bytes / 1024)} KiB), integrity checked.`);
  },
};

export const dbCopy: CliCommand = {
  name: "db:copy",
  usage: "db:copy --to postgresql://user@host:5432/name [--batch 500]",
  summary:
    "Copy this SQLite installation into an empty PostgreSQL database (migrated first), then compare row counts per table; stop the server first.",
  async run(args) {
    const to = requireFlag(args, "to");
    const { copySqliteToPostgres, DEFAULT_BATCH, formatCounts } = await import("./db-copy.ts");
    const batch = args.flags.batch === undefined ? DEFAULT_BATCH : Number(args.flags.batch);
    if (!Number.isInteger(batch) || batch < 1 || batch > 5000) throw new CliError("--batch must be a whole number of rows from 1 to 5000");
    const { counts, ok } = await copySqliteToPostgres(getEnv(), to, { batch, log: (line) => console.log(line) });
    console.log(`\n${formatCounts(counts)}\n`);
    if (!ok) {
      console.error("Row counts differ: the copy is not complete (was the server writing to SQLite meanwhile?).");
      return 1;
    }
    console.log(`Copied ${counts.reduce((n, c) => n + c.source, 0)} rows in ${counts.length} tables; counts match. Point DATABASE_URL at the PostgreSQL database to switch.`);
  },
};
