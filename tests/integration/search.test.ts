import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { decide } from "#app/modules/moderation/reports.server.ts";
import { addComment } from "#app/modules/posts/comments.server.ts";
import { PostInputSchema } from "#app/modules/posts/posts.schema.ts";
import { createPost, deletePost, updatePost } from "#app/modules/posts/posts.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { reindexAll } from "#app/modules/search/indexers.server.ts";
import { insertDocuments, MAX_CANDIDATES, PAGE_SIZE, search, type SearchDocument, type SearchViewer } from "#app/modules/search/search.server.ts";
import { databaseKind, prisma } from "#app/utils/db.server.ts";
import { createExpert, createFocalPoint } from "#tests/factories/roster.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { otherConnection } from "#tests/setup/other-connection.ts";
import { ROOT } from "#tests/setup/paths.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const sessionUser = (u: { id: string; email: string; name: string; role: string; country: string | null; institution: string | null }): SessionUser => ({
  ...u,
  role: u.role as Role,
  emailVerified: true,
});

async function viewerFor(user: Awaited<ReturnType<typeof createUser>> | null): Promise<SearchViewer> {
  if (!user) return { user: null, roster: null };
  return { user: { id: user.id, emailVerified: !!user.emailVerifiedAt }, roster: user.emailVerifiedAt ? await rosterViewer(sessionUser(user)) : null };
}

const anonymous: SearchViewer = { user: null, roster: null };
let organiser: Awaited<ReturnType<typeof createUser>>;
let member: Awaited<ReturnType<typeof createUser>>;

async function post(title: string, body: string, visibility: "public" | "members" = "public") {
  const input = PostInputSchema.parse({ title, body, kind: "update", visibility });
  const result = await createPost({ id: organiser.id, role: "organiser" }, input, null);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}

async function ids(viewer: SearchViewer, q: string, type?: "post" | "comment" | "expert") {
  return (await search(viewer, { q, type })).hits.map((h) => h.id);
}

beforeAll(async () => {
  organiser = await createUser({ role: "organiser", name: "Olga Organiser" });
  member = await createUser({ role: "member" });
});

describe("one search over everything", () => {
  it("ignores accents and case, matches the start of a word, and stems English", async () => {
    const id = await post("Mobilité des talents in Wallonia", "How labour migration partnerships deployed twelve experts.");
    for (const q of ["Mobilite", "MOBILITÉ", "mobilité", "mobi", "migr", "Migration", "deploying", "partnership", "wallon talent"]) {
      expect(await ids(anonymous, q), q).toContain(id);
    }
    expect(await ids(anonymous, "mobilite nonexistentword")).not.toContain(id);
  });

  it("ranks a title match above a body match and highlights matches safely", async () => {
    const inBody = await post("A note on border work", "Remarks about quokkabridges and other things, mentioned once in passing.");
    const inTitle = await post("Quokkabridges: a guide", "Compare 2 < 3 & keep <b>bold</b> as text.");
    const result = await search(anonymous, { q: "quokkabridges" });
    expect(result.hits.map((h) => h.id)).toEqual([inTitle, inBody]);
    expect(result.hits[0]!.titleHtml).toBe("<mark>Quokkabridges</mark>: a guide");
    const scripted = await search(anonymous, { q: "quokkabridges compare" });
    expect(scripted.hits[0]!.snippetHtml).toContain("&lt;");
    expect(scripted.hits[0]!.snippetHtml).not.toContain("<b>");
  });

  it("never breaks on query syntax: quotes, operators, stars, minus signs and NUL", async () => {
    for (const q of ['"', "AND OR NOT", "*", "-migration", "mig*", "a:b & !c | (d", "\u0000", "NEAR(a b)", "title:x", "''", "😀", "   "]) {
      await expect(search(anonymous, { q }), JSON.stringify(q)).resolves.toBeTruthy();
    }
  });

  it("keeps members-only posts from visitors and hidden comments from everyone", async () => {
    const membersOnly = await post("Zyxwvut members briefing", "For members of the network only.", "members");
    const viewer = await viewerFor(member);
    expect(await ids(anonymous, "zyxwvut")).toEqual([]);
    expect(await ids(viewer, "zyxwvut")).toEqual([membersOnly]);

    const onPublic = await post("Comment host post", "A public post to comment on.");
    const added = await addComment({ id: member.id, role: "member" }, onPublic, { body: "Plinkerton remarks in a comment." });
    if (!added.ok) throw new Error(added.error.message);
    expect(await ids(anonymous, "plinkerton", "comment")).toEqual([added.value.id]);
    const hidden = await decide(sessionUser(organiser), { targetType: "comment", targetId: added.value.id, decision: "hide", reason: "Off topic" });
    expect(hidden.ok).toBe(true);
    for (const who of [anonymous, viewer, await viewerFor(organiser)]) expect(await ids(who, "plinkerton")).toEqual([]);
    const restored = await decide(sessionUser(organiser), { targetType: "comment", targetId: added.value.id, decision: "restore", reason: "" });
    expect(restored.ok).toBe(true);
    expect(await ids(anonymous, "plinkerton")).toEqual([added.value.id]);
  });

  it("finds a restricted profile only for those the roster rule lets see it", async () => {
    const open = await createExpert({ name: "Quillon Openprofile", memberState: "BE" });
    const restricted = await createExpert({ name: "Quillon Restricted", memberState: "SI", visibility: "organisers_and_focal_points" });
    const otherExpert = await createExpert({ memberState: "FR" });
    const focalSi = await createFocalPoint("SI");
    const focalFr = await createFocalPoint("FR");
    expect(await ids(anonymous, "quillon")).toEqual([]);
    expect((await ids(await viewerFor(member), "quillon")).sort()).toEqual([open.id]);
    expect((await ids(await viewerFor(otherExpert), "quillon")).sort()).toEqual([open.id]);
    expect((await ids(await viewerFor(focalFr), "quillon")).sort()).toEqual([open.id]);
    expect((await ids(await viewerFor(focalSi), "quillon")).sort()).toEqual([open.id, restricted.id].sort());
    expect((await ids(await viewerFor(organiser), "quillon")).sort()).toEqual([open.id, restricted.id].sort());
    expect(await ids(await viewerFor(restricted), "quillon restricted")).toEqual([restricted.id]);
  });

  it("keeps the index in step with edits, hiding and deletion", async () => {
    const id = await post("Gravelwind consultation", "First text.");
    expect(await ids(anonymous, "gravelwind")).toEqual([id]);
    const edited = await updatePost({ id: organiser.id, role: "organiser" }, id, PostInputSchema.parse({ title: "Harrowdale consultation", body: "Second text.", kind: "update" }), null);
    expect(edited.ok).toBe(true);
    expect(await ids(anonymous, "gravelwind")).toEqual([]);
    expect(await ids(anonymous, "harrowdale")).toEqual([id]);

    expect((await decide(sessionUser(organiser), { targetType: "post", targetId: id, decision: "hide", reason: "Needs checking" })).ok).toBe(true);
    expect(await ids(await viewerFor(organiser), "harrowdale")).toEqual([]);
    expect((await decide(sessionUser(organiser), { targetType: "post", targetId: id, decision: "restore", reason: "" })).ok).toBe(true);
    expect(await ids(anonymous, "harrowdale")).toEqual([id]);

    expect((await deletePost({ id: organiser.id, role: "organiser" }, id)).ok).toBe(true);
    expect(await ids(await viewerFor(organiser), "harrowdale")).toEqual([]);
  });

  it("serves /search with type filters, a count, highlighted results and an empty state", async () => {
    const id = await post("Trellisfar field notes", "Trellisfar appears here too.");
    const client = new TestClient(baseUrl);
    const page = await client.page("/search?q=trellisf");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("<mark>Trellisfar</mark>");
    expect(page.html).toContain(`href="/posts/${id}"`);
    const text = visibleText(page.html);
    expect(text).toContain("1 result for “trellisf”");
    expect(text).toContain("Posts (1)");
    const filtered = visibleText((await client.page("/search?q=trellisf&type=expert")).html);
    expect(filtered).toContain("Nothing found");
    const markup = await client.page("/search?q=%22%3Cxqzt%3E");
    expect(visibleText(markup.html)).toContain("Nothing found");
    expect(markup.html).not.toContain("<xqzt>");
    // Members see members-only results once logged in.
    await post("Trellisfar members notes", "Members only.", "members");
    expect(visibleText((await client.page("/search?q=trellisfar")).html)).toContain("1 result");
    await logInAs(client, member);
    expect(visibleText((await client.page("/search?q=trellisfar")).html)).toContain("2 results");
  });

  it("rebuilds the whole index from the command line (search:reindex)", async () => {
    const id = await post("Brambleton rebuild check", "Text.");
    // Written beside the app: the index does not know it until a rebuild.
    await prisma.post.update({ where: { id }, data: { title: "Cobbleford rebuild check" } });
    expect(await ids(anonymous, "cobbleford")).toEqual([]);
    const out = execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["server/cli.ts", "search:reindex"], { cwd: ROOT, encoding: "utf8", env: process.env });
    expect(out).toMatch(/Indexed \d+ documents/);
    expect(await ids(anonymous, "cobbleford")).toEqual([id]);
    expect(await ids(anonymous, "brambleton")).toEqual([]);
  });

  it("lets two rebuilds run at once (two processes starting on an empty index) without colliding", async () => {
    const id = await post("Quillhaven concurrent rebuild", "Text.");
    const [a, b] = await Promise.all([reindexAll(), reindexAll()]);
    expect(a.post).toBeGreaterThan(0);
    expect(b.post).toBe(a.post);
    expect(await ids(anonymous, "quillhaven")).toEqual([id]);
  });

  it("finds English word forms alike on both engines: deployments and deployed meet, policies finds policy", async () => {
    const deployed = await post("Fernwick mission report", "Twelve experts were deployed to the ministry.");
    const deployments = await post("Fernwick planning", "Three deployments are planned for the spring.");
    const policy = await post("Fernwick guidance", "A national policy on return and reintegration.");
    for (const q of ["fernwick deployments", "fernwick deployed", "fernwick deploying", "fernwick deploy"]) {
      expect((await ids(anonymous, q)).sort(), q).toEqual([deployed, deployments].sort());
    }
    expect(await ids(anonymous, "fernwick policies")).toEqual([policy]);
    expect(await ids(anonymous, "fernwick policy")).toEqual([policy]);
  });

  it("keeps a content write that commits while the index is being rebuilt (a deleted post stays out, an edit is found)", async () => {
    const deleted = await post("Wrenfield rebuild race", "Text.");
    const edited = await post("Tallowmere rebuild race", "Text.");
    const organiserActor = { id: organiser.id, role: "organiser" as const };
    const write = () =>
      Promise.all([deletePost(organiserActor, deleted), updatePost(organiserActor, edited, PostInputSchema.parse({ title: "Pellbrook rebuild race", body: "Text.", kind: "update" }), null)]);
    if (databaseKind() === "postgres") {
      // Hold the rebuild after it has read the posts (it reads the expert profiles last), then let
      // the two writes start and wait, then let the rebuild finish: the writes commit after it.
      const blocker = await otherConnection();
      const waiting = async (n: number) => {
        for (let i = 0; ; i++) {
          const [row] = await blocker.query<{ n: string }>(`SELECT count(DISTINCT pid) AS n FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
          if (Number(row!.n) >= n) return;
          if (i > 2000) throw new Error(`expected ${n} sessions waiting for a lock`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "ExpertProfile" IN ACCESS EXCLUSIVE MODE`);
      const rebuild = reindexAll();
      await waiting(1);
      const writes = write();
      await waiting(3);
      await blocker.query("COMMIT");
      await blocker.close();
      const [, [removed, changed]] = await Promise.all([rebuild, writes]);
      expect(removed.ok && changed.ok).toBe(true);
    } else {
      // SQLite lets one transaction write at a time: the writes queue behind the rebuild.
      const [, [removed, changed]] = await Promise.all([reindexAll(), write()]);
      expect(removed.ok && changed.ok).toBe(true);
    }
    for (const who of [anonymous, await viewerFor(organiser)]) {
      expect(await ids(who, "wrenfield")).toEqual([]);
      expect(await ids(who, "tallowmere")).toEqual([]);
      expect(await ids(who, "pellbrook")).toEqual([edited]);
    }
  });

  it("ranks at most MAX_CANDIDATES matches, says there are more, and pages through the same set every time", async () => {
    const docs = Array.from({ length: MAX_CANDIDATES + 150 }, (_, i): SearchDocument => ({
      type: i % 10 === 0 ? "expert" : "post",
      id: `cap-${i}`,
      title: `Note ${i}`,
      body: `Glimmerquay ${"filler ".repeat(i % 7)}`,
      url: `/cap/${i}`,
      audience: i % 10 === 0 ? "profile" : i % 3 === 0 ? "members" : "public",
      ...(i % 10 === 0 ? { profile: { userId: `cap-${i}`, memberState: "BE", status: "active", visibility: i % 20 === 0 ? "organisers_and_focal_points" : "network" } } : {}),
    }));
    await prisma.$transaction((tx) => insertDocuments(tx, docs), { timeout: 60_000 });
    const viewer = await viewerFor(member);
    const first = await search(viewer, { q: "glimmerquay" });
    expect(first.more).toBe(true);
    expect(first.total).toBeLessThanOrEqual(MAX_CANDIDATES);
    expect(first.total).toBeGreaterThan(MAX_CANDIDATES * 0.9);
    // The restricted profiles never show, and a member sees members-only posts but a visitor does not.
    const seen = new Set<string>();
    for (let page = 1; page <= first.pages; page++) {
      const again = await search(viewer, { q: "glimmerquay", page });
      for (const h of again.hits) {
        expect(seen.has(h.id), `${h.id} twice`).toBe(false);
        seen.add(h.id);
      }
    }
    expect(seen.size).toBe(first.total);
    expect([...seen].some((id) => Number(id.slice(4)) % 20 === 0)).toBe(false);
    expect((await search(viewer, { q: "glimmerquay", page: 2 })).hits.map((h) => h.id)).toEqual((await search(viewer, { q: "glimmerquay", page: 2 })).hits.map((h) => h.id));
    const visitor = await search(anonymous, { q: "glimmerquay", type: "post" });
    expect(visitor.hits.length).toBe(PAGE_SIZE);
    for (let page = 1; page <= visitor.pages; page++) {
      for (const h of (await search(anonymous, { q: "glimmerquay", type: "post", page })).hits) expect(Number(h.id.slice(4)) % 3 === 0 || Number(h.id.slice(4)) % 10 === 0, h.id).toBe(false);
    }
  });
});
