import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { resolveSqliteUrl } from "#prisma/sqlite-url.ts";
import { getEnv } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";

export type { Prisma } from "#app/generated/prisma/client.ts";

function createClient() {
  const env = getEnv();
  if (env.databaseKind !== "sqlite") {
    throw new Error("PostgreSQL DATABASE_URLs are reserved for the scale-out setup, which is not built yet.");
  }
  // busy_timeout through better-sqlite3's `timeout`; WAL and synchronous=NORMAL in preparePragmas().
  const adapter = new PrismaBetterSQLite3({ url: resolveSqliteUrl(env.DATABASE_URL), timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of this process. */
export const prisma: PrismaClient = singleton("prisma", createClient);

/** WAL lets readers run beside the writer; NORMAL is durable across application crashes in WAL mode. */
export async function preparePragmas() {
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
