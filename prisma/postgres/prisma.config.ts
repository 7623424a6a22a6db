// The PostgreSQL side of the one schema (derived by prisma/derive-postgres.ts): the JS engine with
// the pg driver adapter, so `prisma migrate deploy|status|diff` and `prisma generate` work offline.
// Use with `--config prisma/postgres/prisma.config.ts` and a postgres(ql):// DATABASE_URL.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";
import { NameAsTextClient } from "./pg-name-as-text.ts";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost:5432/mieux", Client: NameAsTextClient }),
} satisfies PrismaConfig;
