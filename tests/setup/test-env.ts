import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TMP } from "./paths.ts";
import { createTestDatabase, dropDatabase, postgresUrl, usingPostgres } from "./postgres.ts";
import { startMailCatcher, type MailCatcher } from "./mail-catcher.ts";
import { freePort } from "./test-env-port.ts";

export { freePort };

/**
 * Runs before every integration/e2e test file: a private copy of the migrated database (a SQLite
 * file, or with TEST_DATABASE=postgres a PostgreSQL database made from the migrated template), a
 * free port, a real SMTP server catching mail, and fresh process-wide singletons.
 */
const g = globalThis as unknown as {
  __mieuxSingletons?: Map<string, unknown>;
  __mieuxTest?: { mail: MailCatcher; port: number; dbFile: string; databaseUrl: string; engine: "sqlite" | "postgres" };
};
delete g.__mieuxSingletons;

const engine = usingPostgres() ? ("postgres" as const) : ("sqlite" as const);
const dbFile = path.join(TMP, `test-${crypto.randomUUID()}.db`);
let databaseUrl = `file:${dbFile}`;
if (engine === "postgres") {
  const database = await createTestDatabase();
  databaseUrl = postgresUrl(database);
  // Registered first, so it runs after the server of this file has closed (hooks run in reverse).
  afterAll(() => dropDatabase(database));
} else {
  fs.copyFileSync(BASE_DB, dbFile);
}
const port = await freePort();
const mail = await startMailCatcher();

Object.assign(process.env, {
  NODE_ENV: "test",
  PORT: String(port),
  APP_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_SIZE: "4",
  SMTP_URL: mail.url,
  MAIL_FROM: "MIEUX+ Community <no-reply@mieux.test>",
  SEED_DEMO: "0",
  TRUST_PROXY: "1",
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
  DATA_DIR: path.join(TMP, `data-${port}`),
});
g.__mieuxTest = { mail, port, dbFile, databaseUrl, engine };

export function testContext() {
  if (!g.__mieuxTest) throw new Error("tests/setup/test-env.ts did not run");
  return g.__mieuxTest;
}
