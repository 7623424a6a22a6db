import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "#app/generated/prisma-pg/client.ts";
import { resolveSqliteUrl } from "#prisma/sqlite-url.ts";
import { getEnv } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";

export type { Prisma } from "#app/generated/prisma/client.ts";
export type Transaction = Prisma.TransactionClient;

export type DatabaseKind = "sqlite" | "postgres";

/** Which engine this process talks to, from DATABASE_URL (`file:` or `postgres(ql)://`). */
export function databaseKind(): DatabaseKind {
  return getEnv().databaseKind;
}

// A burst of transactions (a session opening for registration) queues for the pool or for a row
// lock: wait for a turn rather than fail after Prisma's default 2 s / 5 s.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

function createClient(): PrismaClient {
  const env = getEnv();
  if (env.databaseKind === "postgres") {
    // Prisma compiles queries per provider, so PostgreSQL has its own generated client
    // (prisma/postgres/, derived from the one source schema by prisma/derive-postgres.ts). Both
    // are generated from the same models, so the SQLite client's type describes both; the few
    // provider differences live behind the modules that need them (decision 060).
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    return new PostgresPrismaClient({ adapter, transactionOptions }) as unknown as PrismaClient;
  }
  // busy_timeout through better-sqlite3's `timeout`; WAL and synchronous=NORMAL in preparePragmas().
  const adapter = new PrismaBetterSQLite3({ url: resolveSqliteUrl(env.DATABASE_URL), timeout: 5000 });
  return new PrismaClient({ adapter, transactionOptions });
}

/** The one Prisma client of this process. */
export const prisma: PrismaClient = singleton("prisma", createClient);

/** SQLite: WAL lets readers run beside the writer; NORMAL is durable across application crashes in WAL mode. */
export async function preparePragmas() {
  if (databaseKind() !== "sqlite") return;
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** Tables whose rows serialise a read-then-write (a Morning Coffee's places, a session's pinned question, a question's votes). */
type LockableTable = "MorningCoffee" | "QaQuestion";

/**
 * Takes the write lock on these rows for the rest of the transaction, so a count-then-write in it
 * cannot interleave with another one (capacity, pins, vote counts), on either engine:
 * - PostgreSQL: `SELECT … FOR UPDATE` (ids sorted, so two transactions never wait on each other in a
 *   cycle); statements after it see every transaction that committed before the lock was granted.
 * - SQLite: one writer at a time already; a no-op write as the first statement takes the database's write
 *   lock at once (waiting out another process with busy_timeout) instead of failing later with
 *   SQLITE_BUSY_SNAPSHOT when a read-then-write transaction tries to write.
 * Returns a query to await inside an interactive transaction or to put first in a batch.
 */
export function lockRows(db: Transaction | PrismaClient, table: LockableTable, ids: string[]) {
  const list = Prisma.join([...new Set(ids)].sort());
  const name = Prisma.raw(`"${table}"`);
  return databaseKind() === "postgres"
    ? db.$executeRaw`SELECT 1 FROM ${name} WHERE "id" IN (${list}) ORDER BY "id" FOR UPDATE`
    : db.$executeRaw`UPDATE ${name} SET "updatedAt" = "updatedAt" WHERE "id" IN (${list})`;
}

/**
 * A case-insensitive substring filter for Prisma `where`: SQLite's LIKE folds ASCII case by itself,
 * PostgreSQL needs `mode: "insensitive"` (ILIKE), which the SQLite client's types do not know.
 */
export function containsText(text: string): { contains: string } {
  return databaseKind() === "postgres" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}

/** A unique constraint refused the write: someone else wrote the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
