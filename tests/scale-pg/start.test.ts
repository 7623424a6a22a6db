import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { ROOT } from "#tests/setup/paths.ts";
import { migrationDirs } from "#prisma/new-migration.ts";
import { otherConnection } from "#tests/setup/other-connection.ts";
import { dropDatabase, postgresUrl } from "#tests/setup/postgres.ts";

const run = promisify(execFile);

// `npm start` on PostgreSQL as an operator runs it: its own process, a DATABASE_URL naming a
// database that does not exist yet, demo seeding on.
const database = `mieux_pg_start_${process.pid}_${Date.now()}`;
const databaseUrl = postgresUrl(database);
let app: AppProcess;
beforeAll(async () => {
  await dropDatabase(database);
  // Creating, migrating and seeding takes ≈ 40 s on a busy 2-core machine.
  app = await startAppProcess({ name: "start-pg", databaseUrl, env: { SEED_DEMO: "1", SMTP_URL: "" }, readyWithinMs: 150_000 });
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await dropDatabase(database);
});

describe("npm start with a postgresql:// DATABASE_URL", () => {
  it("creates and migrates the database, seeds demo content, and serves pages", async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const db = await otherConnection(databaseUrl);
    try {
      const migrations = await db.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`);
      expect(migrations.map((r) => r.migration_name)).toEqual(migrationDirs());
      const [users] = await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "User"`);
      expect(Number(users.n)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }

    // The demo password is generated for this installation and printed once, as a warning, at the first start.
    const seeded = app.output().split("\n").filter((l) => l.includes('"demoPassword"')).map((l) => JSON.parse(l) as { demoPassword: string });
    expect(seeded).toHaveLength(1);
    const client = new TestClient(app.url);
    expect(visibleText((await client.page("/")).html)).toContain("Latest from the network");
    expect((await client.post("/login", { email: "organiser@mieux.example", password: seeded[0].demoPassword })).status).toBe(302);
    expect(visibleText((await client.page("/sessions")).html)).toContain("Morning Coffee: Action Spotlights on Cameroon, Georgia and Uganda");
    // Case-insensitive on PostgreSQL too: the admin search finds the demo organiser in lower case.
    expect(visibleText((await client.page("/admin/users?q=lucas%20moreau")).html)).toContain("Lucas Moreau");
  });

  it("reports the migration status offline, through the PostgreSQL Prisma config", async () => {
    const status = await run(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "status", "--config", "prisma/postgres/prisma.config.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(status.stdout).toContain("Database schema is up to date!");
  }, 60_000);
});
