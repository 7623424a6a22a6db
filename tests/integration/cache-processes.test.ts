/**
 * Two app processes (production build) on one database, as when scaled: a write through process A
 * shows on the very next read through process B, whose page cache was warm. Runs on SQLite (one
 * file, data_version) and on PostgreSQL (the snapshot) with no message between the processes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";

let a: AppProcess;
let b: AppProcess;

beforeAll(async () => {
  const env = { JOBS: "0", SMTP_URL: process.env.SMTP_URL!, DATABASE_POOL_SIZE: "4" };
  [a, b] = await Promise.all([
    startAppProcess({ name: "cache-a", databaseUrl: process.env.DATABASE_URL!, env }),
    startAppProcess({ name: "cache-b", databaseUrl: process.env.DATABASE_URL!, env }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("caches across two processes", () => {
  it("a registration through process A shows in the places left on process B's next page", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: Spotlight on Kyrgyzstan", capacity: 5 });
    const reader = new TestClient(b.url);
    // Twice, so that B answers the second time from its cache.
    for (let i = 0; i < 2; i++) expect(visibleText((await reader.page(`/sessions/${coffee.slug}`)).html)).toContain("5 of 5 places left");

    const member = await createUser({ name: "Aigerim Bekova" });
    const writer = new TestClient(a.url);
    await logInAs(writer, member);
    const res = await writer.post(`/sessions/${coffee.slug}`, { intent: "register" });
    expect(res.status).toBeLessThan(400);

    expect(visibleText((await reader.page(`/sessions/${coffee.slug}`)).html)).toContain("4 of 5 places left");
  });

  it("a new post through process A shows on process B's home page and posts feed at once", async () => {
    const reader = new TestClient(b.url);
    for (let i = 0; i < 2; i++) {
      expect(visibleText((await reader.page("/")).html)).not.toContain("Return of experience from Dakar");
      expect(visibleText((await reader.page("/posts")).html)).not.toContain("Return of experience from Dakar");
    }
    const author = await createUser({ name: "Marta Nowak", role: "organiser" });
    const writer = new TestClient(a.url);
    await logInAs(writer, author);
    const res = await writer.post("/posts/new", { kind: "update", title: "Return of experience from Dakar", body: "The peer exchange ended with a joint plan." });
    expect(res.status).toBeLessThan(400);

    expect(visibleText((await reader.page("/")).html)).toContain("Return of experience from Dakar");
    expect(visibleText((await reader.page("/posts")).html)).toContain("Return of experience from Dakar");
  });
});
