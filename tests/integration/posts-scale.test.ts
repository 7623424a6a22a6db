import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "#prisma/sqlite-url.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
const TOTAL = 100_000;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  // 100,000 posts written straight into the file (a Prisma loop would take minutes).
  const db = new Database(sqliteFilePath(process.env.DATABASE_URL!));
  try {
    const insert = db.prepare(`INSERT INTO "Post" (id, kind, title, body, visibility, status, thematicAreas, coverAlt, createdAt, updatedAt) VALUES (?, 'update', ?, 'x', 'public', 'published', '', '', ?, ?)`);
    const start = Date.UTC(2015, 0, 1);
    db.transaction(() => {
      for (let i = 0; i < TOTAL; i++) {
        const at = new Date(start + i * 60_000).toISOString();
        insert.run(`scale${String(i).padStart(6, "0")}`, `Scale post ${i}`, at, at);
      }
    })();
  } finally {
    db.close();
  }
}, 120_000);

describe("the feed at 100,000 posts", () => {
  it("reaches a deep page by cursor, with the right posts, through an index (no OFFSET scan)", async () => {
    const anon = new TestClient(baseUrl);
    // A cursor pointing at the middle of the table, as "Older posts" would produce after 2,500 pages.
    const middle = Date.UTC(2015, 0, 1) + 50_000 * 60_000;
    const cursor = Buffer.from(`${new Date(middle).toISOString()}|scale050000`).toString("base64url");
    const { res, html } = await anon.page(`/posts?after=${cursor}`);
    expect(res.status).toBe(200);
    const titles = [...visibleText(html).matchAll(/Scale post (\d+)/g)].map((m) => Number(m[1]));
    expect(titles).toEqual(Array.from({ length: 20 }, (_, i) => 49_999 - i));
    expect(html).toMatch(/rel="next"/);

    // The query the feed runs, planned by SQLite: a walk down the (createdAt, id) index, no sort, no full scan.
    const db = new Database(sqliteFilePath(process.env.DATABASE_URL!), { readonly: true });
    try {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM "Post" WHERE "deletedAt" IS NULL AND "hiddenAt" IS NULL AND status = 'published' AND visibility = 'public'
           AND ("createdAt" < ? OR ("createdAt" = ? AND id < ?)) ORDER BY "createdAt" DESC, id DESC LIMIT 21`,
        )
        .all(new Date(middle).toISOString(), new Date(middle).toISOString(), "scale050000") as { detail: string }[];
      const detail = plan.map((p) => p.detail).join(" | ");
      expect(detail).toMatch(/USING INDEX Post_createdAt_id_idx/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    } finally {
      db.close();
    }
  });
});
