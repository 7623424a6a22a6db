// Prisma 6.19 offline setup: the JS engine with the better-sqlite3 driver adapter, so the
// CLI never needs to download a native schema engine (see docs/decisions/002-prisma-offline.md).
// PostgreSQL has its own config, prisma/postgres/prisma.config.ts (decision 060).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";
import { resolveSqliteUrl } from "./prisma/sqlite-url.ts";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => {
    if (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "")) {
      throw new Error("DATABASE_URL is a PostgreSQL URL: use --config prisma/postgres/prisma.config.ts");
    }
    return new PrismaBetterSQLite3({ url: resolveSqliteUrl(process.env.DATABASE_URL) });
  },
} satisfies PrismaConfig;
