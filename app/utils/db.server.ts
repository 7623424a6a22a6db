import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "#app/generated/prisma-pg/client.ts";
import { resolveSqliteUrl } from "#prisma/sqlite-url.ts";
import { getEnv } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";

export type { Prisma } from "#app/generated/prisma/client.ts";

export type DatabaseKind = "sqlite" | "postgres";

/** Which engine this process talks to, from DATABASE_URL (`file:` or `postgres(ql)://`). */
export function databaseKind(): DatabaseKind {
  return getEnv().databaseKind;
}

function createClient(): PrismaClient {
  const env = getEnv();
  if (env.databaseKind === "postgres") {
    // Prisma compiles queries per provider, so PostgreSQL has its own generated client
    // (prisma/postgres/, derived from the one source schema by prisma/derive-postgres.ts). Both
    // are generated from the same models, so the SQLite client's type describes both; the few
    // provider differences live behind the modules that need them (decision 060).
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // busy_timeout through better-sqlite3's `timeout`; WAL and synchronous=NORMAL in preparePragmas().
  const adapter = new PrismaBetterSQLite3({ url: resolveSqliteUrl(env.DATABASE_URL), timeout: 5000 });
  return new PrismaClient({ adapter });
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
