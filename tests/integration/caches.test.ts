/**
 * Every cached page or feed (app/utils/cache.server.ts) shows a change committed by another app
 * process on its very next request: the change is written through a connection of its own, and
 * nothing in the server's process is told.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { createUser } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { otherConnection } from "#tests/setup/other-connection.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function fromAnotherProcess(sql: string, params: unknown[]) {
  const other = await otherConnection();
  try {
    await other.query(sql, params);
  } finally {
    await other.close();
  }
}

describe("cached pages and another process's writes", () => {
  it("the posts feed and the Atom feed show a post written by another process on the next request", async () => {
    const author = await createUser({ name: "Anna Kowalska" });
    const visitor = new TestClient(baseUrl);
    // Twice each, so that the second answer comes from the cache.
    for (let i = 0; i < 2; i++) {
      expect(visibleText((await visitor.page("/posts")).html)).not.toContain("Twinning visit to Vilnius");
      expect(await (await fetch(`${baseUrl}/feed.atom`)).text()).not.toContain("Twinning visit to Vilnius");
    }
    const now = new Date().toISOString();
    await fromAnotherProcess(`INSERT INTO "Post" ("id", "authorId", "kind", "title", "body", "createdAt", "updatedAt") VALUES ($1, $2, 'update', $3, $4, $5, $6)`, [
      "cache-test-post",
      author.id,
      "Twinning visit to Vilnius",
      "Peers met the migration department.",
      now,
      now,
    ]);
    expect(visibleText((await visitor.page("/posts")).html)).toContain("Twinning visit to Vilnius");
    expect(await (await fetch(`${baseUrl}/feed.atom`)).text()).toContain("Twinning visit to Vilnius");
  });

  it("a Morning Coffee page and the public calendar feed show a new title written by another process", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: Spotlight on Moldova" });
    const visitor = new TestClient(baseUrl);
    for (let i = 0; i < 2; i++) {
      expect(visibleText((await visitor.page(`/sessions/${coffee.slug}`)).html)).toContain("Morning Coffee: Spotlight on Moldova");
      expect(await (await fetch(`${baseUrl}/calendar/public.ics`)).text()).toContain("Morning Coffee: Spotlight on Moldova");
    }
    await fromAnotherProcess(`UPDATE "MorningCoffee" SET "title" = $1, "updatedAt" = $2 WHERE "id" = $3`, [
      "Morning Coffee: Spotlight on Moldova and Armenia",
      new Date(Date.now() + 1_000).toISOString(),
      coffee.id,
    ]);
    expect(visibleText((await visitor.page(`/sessions/${coffee.slug}`)).html)).toContain("Morning Coffee: Spotlight on Moldova and Armenia");
    expect(await (await fetch(`${baseUrl}/calendar/public.ics`)).text()).toContain("Morning Coffee: Spotlight on Moldova and Armenia");
  });

  it("a Morning Coffee page shows a registration made by another process in its places left", async () => {
    const coffee = await createCoffee({ capacity: 5 });
    const visitor = new TestClient(baseUrl);
    for (let i = 0; i < 2; i++) expect(visibleText((await visitor.page(`/sessions/${coffee.slug}`)).html)).toContain("5 of 5 places left");
    const member = await createUser({ name: "Jonas Petrauskas" });
    const now = new Date().toISOString();
    await fromAnotherProcess(`INSERT INTO "CoffeeRegistration" ("id", "coffeeId", "userId", "status", "createdAt", "updatedAt", "queuedAt") VALUES ($1, $2, $3, 'registered', $4, $5, $6)`, [
      "cache-test-registration",
      coffee.id,
      member.id,
      now,
      now,
      now,
    ]);
    expect(visibleText((await visitor.page(`/sessions/${coffee.slug}`)).html)).toContain("4 of 5 places left");
    expect(await prisma.coffeeRegistration.count({ where: { coffeeId: coffee.id } })).toBe(1);
  });
});
