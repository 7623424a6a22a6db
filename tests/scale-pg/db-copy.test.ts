import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "#app/generated/prisma-pg/client.ts";
import { MODELS } from "#server/cli/db-copy.ts";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { BASE_DB, ROOT, TMP } from "#tests/setup/paths.ts";
import { dropDatabase, postgresUrl } from "#tests/setup/postgres.ts";

const run = promisify(execFile);

// An operator moving a SQLite installation to PostgreSQL: a source with demo content and a few
// rows of their own, the real CLI in its own process, then the app started on the copy.
const stamp = `${process.pid}_${Date.now()}`;
const sourceFile = path.join(TMP, `db-copy-source-${stamp}.db`);
const sourceUrl = `file:${sourceFile}`;
const database = `mieux_pg_copy_${stamp}`;
const targetUrl = postgresUrl(database);
const PASSWORD = "Hist0ry-travels-well-2026";

function cli(args: string[], databaseUrl = sourceUrl) {
  return run(process.execPath, ["--import", "tsx", "server/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: "0", SMTP_URL: "", LOG_LEVEL: "silent", DATA_DIR: path.join(TMP, `db-copy-data-${stamp}`) },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const ids = { post: "", comment: "", reply: "", replyToReply: "", user: "" };
let copy: Awaited<ReturnType<typeof cli>>;
let app: AppProcess | undefined;

beforeAll(async () => {
  await dropDatabase(database);
  fs.copyFileSync(BASE_DB, sourceFile);
  // Demo content (users, roster, coffee, Q&A, posts, resources, spotlights, calls, requests,
  // notifications) seeded by start-up's own step, in its own process.
  await run(process.execPath, ["--import", "tsx", "server/prepare-db.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: sourceUrl, SEED_DEMO: "1", SMTP_URL: "", LOG_LEVEL: "silent" },
  });
  expect((await cli(["user:create", "--email", "copied@mieux.test", "--name", "Copied Member", "--role", "member", "--password", PASSWORD])).stderr).toBe("");

  // A thread whose rows sit in the table in the worst order: the deepest reply first, so a copy
  // that inserted in table order would break the parent key.
  const db = new Database(sourceFile);
  db.pragma("foreign_keys = OFF");
  const user = db.prepare(`SELECT id FROM "User" WHERE email = 'copied@mieux.test'`).get() as { id: string };
  const post = db.prepare(`SELECT id FROM "Post" WHERE status = 'published' AND visibility = 'public' ORDER BY createdAt DESC LIMIT 1`).get() as { id: string };
  Object.assign(ids, { user: user.id, post: post.id, comment: "zz-comment", reply: "zz-reply", replyToReply: "aa-reply-to-reply" });
  const comment = db.prepare(`INSERT INTO "PostComment" (id, postId, authorId, parentId, body, editedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  comment.run(ids.replyToReply, post.id, user.id, ids.reply, "A reply to the reply", null, "2026-03-04T05:06:09.003+00:00");
  comment.run(ids.reply, post.id, user.id, ids.comment, "Réponse « copiée » — with \"quotes\" and ünïcode", null, "2026-03-04T05:06:08.002+00:00");
  comment.run(ids.comment, post.id, user.id, null, "The first copied comment", "2026-03-04T05:07:00.999+00:00", "2026-03-04T05:06:07.001+00:00");
  // Dates with milliseconds, a boolean set, JSON kept as text.
  db.prepare(`UPDATE "User" SET suspendedUntil = ?, emailVerifiedAt = ? WHERE id = ?`).run("2020-01-02T03:04:05.678+00:00", "2025-12-31T23:59:59.999+00:00", user.id);
  db.prepare(`INSERT INTO "AuditLog" (id, actorId, action, targetType, targetId, data, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    "copied-audit",
    user.id,
    "test.copy",
    "User",
    user.id,
    JSON.stringify({ nested: { list: [1, "two", null, true] }, text: "é\n\"x\"" }),
    "2024-02-29T12:00:00.000+00:00",
  );
  db.prepare(`UPDATE "QaQuestion" SET anonymous = 1, pinned = 0 WHERE id = (SELECT id FROM "QaQuestion" ORDER BY id LIMIT 1)`).run();
  db.close();

  // Small batches, so a reply and the comment it answers land in different INSERTs (PostgreSQL checks
  // a foreign key at the end of each statement: within one batch, any row order would pass).
  copy = await cli(["db:copy", "--to", targetUrl, "--batch", "2"]);
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await dropDatabase(database);
  fs.rmSync(sourceFile, { force: true });
  fs.rmSync(`${sourceFile}-wal`, { force: true });
  fs.rmSync(`${sourceFile}-shm`, { force: true });
});

/** Both sides read through the app's own Prisma clients, so values compare as the app sees them. */
async function bothSides<T>(fn: (source: PrismaClient, target: PrismaClient) => Promise<T>) {
  const source = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sourceUrl }) });
  const target = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: targetUrl, max: 2 }) }) as unknown as PrismaClient;
  try {
    return await fn(source, target);
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
}

type Delegate = { findMany(): Promise<Record<string, unknown>[]> };
const rowsOf = async (client: PrismaClient, model: string) => {
  const rows = await (client as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)].findMany();
  return rows.map((r) => JSON.stringify(r)).sort();
};

describe("npm run cli -- db:copy --to postgresql://…", () => {
  it("copies every table, prints equal counts per table and exits 0", async () => {
    expect(copy.stderr).toBe("");
    expect(copy.code).toBe(0);
    for (const model of MODELS) expect(copy.stdout).toMatch(new RegExp(`^${model} +(\\d+) +\\1  ok$`, "m"));
    expect(copy.stdout).not.toContain("MISMATCH");
    expect(copy.stdout).toMatch(/^User +[1-9]\d+ +\d+ {2}ok$/m);
  });

  it("copies every row field by field: dates to the millisecond, booleans, nulls, JSON text, replies", async () => {
    await bothSides(async (source, target) => {
      for (const model of MODELS) expect(await rowsOf(target, model), model).toEqual(await rowsOf(source, model));

      const user = await target.user.findUniqueOrThrow({ where: { id: ids.user } });
      expect(user.suspendedUntil?.toISOString()).toBe("2020-01-02T03:04:05.678Z");
      expect(user.emailVerifiedAt?.toISOString()).toBe("2025-12-31T23:59:59.999Z");
      expect(user.deletedAt).toBeNull();
      const audit = await target.auditLog.findUniqueOrThrow({ where: { id: "copied-audit" } });
      expect(JSON.parse(audit.data!)).toEqual({ nested: { list: [1, "two", null, true] }, text: 'é\n"x"' });
      expect(await target.qaQuestion.count({ where: { anonymous: true } })).toBe(await source.qaQuestion.count({ where: { anonymous: true } }));
      expect(await target.qaQuestion.count({ where: { anonymous: true } })).toBeGreaterThan(0);

      const thread = await target.postComment.findUniqueOrThrow({
        where: { id: ids.comment },
        include: { replies: { include: { replies: true } } },
      });
      expect(thread.editedAt?.toISOString()).toBe("2026-03-04T05:07:00.999Z");
      expect(thread.replies.map((r) => [r.id, r.body])).toEqual([[ids.reply, "Réponse « copiée » — with \"quotes\" and ünïcode"]]);
      expect(thread.replies[0].replies.map((r) => r.id)).toEqual([ids.replyToReply]);
    });
  });

  it("serves a copied post and lets a copied member log in, with the app started on the copy", async () => {
    app = await startAppProcess({ name: "db-copy", databaseUrl: targetUrl, env: { SEED_DEMO: "0", SMTP_URL: "" }, readyWithinMs: 120_000 });
    const client = new TestClient(app.url);
    expect((await client.post("/login", { email: "copied@mieux.test", password: PASSWORD })).status).toBe(302);
    const page = visibleText((await client.page(`/posts/${ids.post}`)).html);
    expect(page).toContain("The first copied comment");
    expect(page).toContain("Réponse « copiée »");
  }, 150_000);

  it("refuses a second copy into the now non-empty database and changes nothing", async () => {
    const before = await bothSides(async (_source, target) => Promise.all(MODELS.map((m) => rowsOf(target, m))));
    const again = await cli(["db:copy", "--to", targetUrl]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/target database is not empty \(rows in .*User/);
    const after = await bothSides(async (_source, target) => Promise.all(MODELS.map((m) => rowsOf(target, m))));
    expect(after).toEqual(before);
  }, 120_000);

  it("refuses a source that is not SQLite", async () => {
    const fromPostgres = await cli(["db:copy", "--to", postgresUrl(`${database}_other`)], targetUrl);
    expect(fromPostgres.code).toBe(2);
    expect(fromPostgres.stderr).toContain("db:copy copies from SQLite");
  }, 60_000);
});
