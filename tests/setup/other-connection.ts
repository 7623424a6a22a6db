import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";

/**
 * A connection of its own to this test file's database, as another app process would have one:
 * its commits reach the server without the server being told. SQL uses $1, $2 … in order and
 * quoted identifiers, so the same text runs on SQLite and PostgreSQL; pass dates as ISO strings.
 */
export async function otherConnection(databaseUrl = process.env.DATABASE_URL!) {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(sqliteFilePath(databaseUrl));
    return {
      async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
        const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
        return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
      return (await client.query(sql, params)).rows as Row[];
    },
    close: () => client.end(),
  };
}
