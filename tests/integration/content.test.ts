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

describe("shared content", () => {
  it("lists published Action Spotlights with the sessions that presented them, never drafts", async () => {
    const held = await createCoffee({ title: "Morning Coffee: Spotlights on Cameroon and Georgia", status: "held" });
    const draft = await createCoffee({ title: "Draft coffee", status: "draft" });
    await prisma.spotlight.create({
      data: { slug: "cameroon-test", title: "Action Spotlight: Cameroon", country: "CM", highlights: "A national migration policy drafted with peers.", status: "published", publishedAt: new Date(), coffees: { create: { coffeeId: held.id } } },
    });
    await prisma.spotlight.create({ data: { slug: "secret-draft", title: "Secret draft Spotlight", country: "GE", coffees: { create: { coffeeId: draft.id } } } });
    const text = visibleText((await new TestClient(baseUrl).page("/spotlights")).html);
    expect(text).toContain("Action Spotlight: Cameroon");
    expect(text).toContain("Cameroon");
    expect(text).toContain("A national migration policy drafted with peers.");
    expect(text).toContain("Morning Coffee: Spotlights on Cameroon and Georgia");
    expect(text).not.toContain("Secret draft Spotlight");
  });

  it("lists resources and shows the newest posts on the home page", async () => {
    const author = await createUser({ name: "Lucia Romano" });
    await prisma.post.create({ data: { authorId: author.id, kind: "resource", title: "Cultural agility: ten tips before a deployment", body: "# Tips\n\n**Listen first**, then share." } });
    await prisma.post.create({ data: { authorId: author.id, kind: "update", title: "News from the Azerbaijan V Action", body: "The partner ministry adopted the plan." } });
    const resources = visibleText((await new TestClient(baseUrl).page("/resources")).html);
    expect(resources).toContain("Cultural agility: ten tips before a deployment");
    expect(resources).toContain("Lucia Romano");
    expect(resources).toContain("Tips Listen first, then share.");
    expect(resources).not.toContain("News from the Azerbaijan V Action");
    const home = visibleText((await new TestClient(baseUrl).page("/")).html);
    expect(home).toContain("Latest from the network");
    expect(home).toContain("News from the Azerbaijan V Action");
    expect(home).toContain("Cultural agility: ten tips before a deployment");
  });

  it("shows a new post on the very next home page request, even one written by another process", async () => {
    const visitor = new TestClient(baseUrl);
    const before = visibleText((await visitor.page("/")).html);
    expect(before).not.toContain("Focal Point update from Tallinn");
    const author = await prisma.user.findFirstOrThrow({ where: { name: "Lucia Romano" } });
    // Another app process's commit: a separate connection, nothing in this process is told.
    const other = await otherConnection();
    try {
      const now = new Date().toISOString();
      await other.query(`INSERT INTO "Post" ("id", "authorId", "kind", "title", "body", "createdAt", "updatedAt") VALUES ($1, $2, 'update', $3, $4, $5, $6)`, [
        "post-from-another-process",
        author.id,
        "Focal Point update from Tallinn",
        "Three new experts joined.",
        now,
        now,
      ]);
    } finally {
      await other.close();
    }
    const after = visibleText((await visitor.page("/")).html);
    expect(after).toContain("Focal Point update from Tallinn");
  });

  it("tells search engines to keep to the public pages (robots.txt)", async () => {
    const res = await fetch(`${baseUrl}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await res.text()).split("\n");
    expect(lines).toContain("User-agent: *");
    for (const path of ["/admin", "/roster", "/settings", "/focal-points"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines.some((l) => /^Disallow: \/?$/.test(l) || l === "Disallow: /sessions")).toBe(false);
  });
});
