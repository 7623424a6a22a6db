import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { ROOT } from "#tests/setup/paths.ts";

const run = promisify(execFile);

// The app as an operator runs it: its own process, a fresh data folder, demo seeding on.
let app: AppProcess;
beforeAll(async () => {
  // SEED_DEMO unset: on by default, because APP_URL is a loopback address.
  app = await startAppProcess({ name: "lifecycle", env: { SEED_DEMO: "", SMTP_URL: "" } });
}, 90_000);
afterAll(async () => {
  await app?.stop();
});

describe("first start", () => {
  it("creates and migrates the database, seeds demo content once, and serves pages", async () => {
    const file = app.databaseUrl.slice("file:".length);
    expect(fs.existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    const migrations = db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as { migration_name: string }[];
    const dirs = fs.readdirSync(path.join(ROOT, "prisma/migrations")).filter((d) => /^\d+_/.test(d));
    expect(migrations.map((m) => m.migration_name).sort()).toEqual(dirs.sort());
    const users = (db.prepare("SELECT COUNT(*) AS n FROM User").get() as { n: number }).n;
    expect(users).toBeGreaterThan(0);
    expect((db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode).toBe("wal");
    db.close();

    // The demo password is generated for this installation and printed once, as a warning, in the first start's log.
    const seeded = app.output().split("\n").filter((l) => l.includes('"demoPassword"')).map((l) => JSON.parse(l));
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ level: 40, accounts: expect.arrayContaining(["admin@mieux.example (admin)"]) });
    expect(seeded[0].msg).toMatch(/Anyone who reads it can sign in as admin/);
    const demoPassword: string = seeded[0].demoPassword;
    expect(demoPassword).not.toBe("community-demo-2026");
    expect(demoPassword.length).toBeGreaterThanOrEqual(20);
    const client = new TestClient(app.url);
    expect((await client.post("/login", { email: "organiser@mieux.example", password: "community-demo-2026" })).status).toBe(400);
    const login = await client.post("/login", { email: "organiser@mieux.example", password: demoPassword });
    expect(login.status).toBe(302);
    const admin = await client.page("/admin");
    expect(visibleText(admin.html)).toContain("Accounts");
    // The demo content a newcomer sees: the 2023 Morning Coffee, Spotlights, roster and posts.
    expect(visibleText((await client.page("/sessions")).html)).toContain("Morning Coffee: Action Spotlights on Cameroon, Georgia and Uganda");
    expect(visibleText((await client.page("/spotlights")).html)).toContain("Action Spotlight: Uganda");
    expect(visibleText((await client.page("/")).html)).toContain("Latest from the network");
    const library = visibleText((await client.page("/resources")).html);
    expect(library).toContain("Cultural agility: five habits from peer-to-peer exchanges");
    expect(library).toContain("Lessons from Kazakhstan: better data on migrants from Central Asia");
    for (const country of ["Cameroon", "Georgia", "Uganda"]) {
      const spotlight = visibleText((await client.page(`/spotlights/action-spotlight-${country.toLowerCase()}`)).html);
      expect(spotlight).toContain(`Migration context in ${country}`);
      expect(spotlight).toContain("Morning Coffee: Action Spotlights on Cameroon, Georgia and Uganda");
    }
  });

  it("writes mail to data/mail as .eml files when no SMTP_URL is set", async () => {
    await new TestClient(app.url).post("/forgot-password", { email: "member@mieux.example" });
    const dir = path.join(app.dataDir, "mail");
    await expect.poll(() => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).length : 0), { timeout: 10_000 }).toBeGreaterThan(0);
    const eml = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith(".eml"))!), "utf8");
    expect(eml).toMatch(/Subject: Reset your MIEUX\+ Community password/);
    expect(eml).toContain("To: member@mieux.example");
  });
});

describe("operator CLI", () => {
  it("creates the first organiser, who can then log in, and refuses bad input clearly", async () => {
    const env = { ...process.env, DATABASE_URL: app.databaseUrl, LOG_LEVEL: "silent" };
    const created = await run(process.execPath, ["--import", "tsx", "server/cli.ts", "user:create", "--email", "Head.Of.Team@Example.org", "--name", "Head of Team", "--role", "organiser", "--password", "an organiser passphrase"], { cwd: ROOT, env });
    expect(created.stdout).toContain("Created organiser Head of Team <head.of.team@example.org>");

    const duplicate = await run(process.execPath, ["--import", "tsx", "server/cli.ts", "user:create", "--email", "head.of.team@example.org", "--name", "Again", "--role", "organiser"], { cwd: ROOT, env }).catch((e) => e);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain("An account already uses head.of.team@example.org");

    const badRole = await run(process.execPath, ["--import", "tsx", "server/cli.ts", "user:role", "head.of.team@example.org", "overlord"], { cwd: ROOT, env }).catch((e) => e);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("role must be one of");

    const promoted = await run(process.execPath, ["--import", "tsx", "server/cli.ts", "user:role", "head.of.team@example.org", "admin"], { cwd: ROOT, env });
    expect(promoted.stdout).toContain("is now admin");

    const client = new TestClient(app.url);
    expect((await client.post("/login", { email: "head.of.team@example.org", password: "an organiser passphrase" })).status).toBe(302);
    // Four CLI processes, one after another: each starts tsx and Prisma (7–20 s apiece on a busy 2-core machine).
  }, 120_000);
});

describe("graceful shutdown", () => {
  it("on SIGTERM closes sockets, finishes and exits cleanly", async () => {
    const socket = connect(app.url, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const started = Date.now();
    expect(await app.stop()).toBe(0);
    expect(await disconnected).toMatch(/transport close|io server disconnect/);
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(await fetch(`${app.url}/healthz`).then(() => "up", () => "down")).toBe("down");
  });
});
