import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createPostRow, makeFocalPoint } from "#tests/factories/posts.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

async function publish(client: TestClient, form: Record<string, string>) {
  const res = await client.post("/posts/new", { title: "A post title", body: "Some text.", kind: "update", ...form });
  const location = res.headers.get("location") ?? "";
  return { res, id: /^\/posts\/([^/?#]+)$/.exec(location)?.[1] ?? null, html: res.status === 302 ? "" : await res.text() };
}

describe("who may post", () => {
  it("lets organisers post any kind for any Member State", async () => {
    const { client } = await signedIn({ role: "organiser", name: "Olga Organiser" });
    for (const kind of ["update", "publication", "tip", "news"]) {
      const { res, id } = await publish(client, { kind, title: `Organiser ${kind}`, memberState: "FR" });
      expect(res.status, kind).toBe(302);
      expect(id).toBeTruthy();
    }
  });

  it("lets a Focal Point post for their own Member State only, and requires it", async () => {
    const { user, client } = await signedIn({ role: "focal_point", country: "PL", name: "Piotr Focal" });
    await makeFocalPoint(user.id, "PL");
    const own = await publish(client, { title: "News from Poland", memberState: "PL", kind: "news" });
    expect(own.res.status).toBe(302);
    const other = await publish(client, { title: "News from Germany", memberState: "DE" });
    expect(other.res.status).toBe(403);
    expect(visibleText(other.html)).toContain("Focal Points post for their own Member State only.");
    expect(other.html).toContain('value="News from Germany"'); // the input is kept
    const none = await publish(client, { title: "No state" });
    expect(none.res.status).toBe(403);
    expect(await prisma.post.count({ where: { authorId: user.id } })).toBe(1);
  });

  it("lets experts post updates and tips but not publications, unless an organiser turns expert posting off", async () => {
    const { user, client } = await signedIn({ role: "expert", country: "AT" });
    expect((await publish(client, { kind: "tip", title: "Listen first" })).res.status).toBe(302);
    const pub = await publish(client, { kind: "publication", title: "A study" });
    expect(pub.res.status).toBe(403);
    expect(visibleText(pub.html)).toContain("Experts can post updates and cultural-agility tips.");
    await prisma.communitySetting.create({ data: { key: "posting-policy", value: JSON.stringify({ expertsMayPost: false, holdFirstPosts: 0 }) } });
    try {
      expect((await publish(client, { kind: "update", title: "Blocked" })).res.status).toBe(403);
      expect((await client.get("/posts/new")).status).toBe(403);
    } finally {
      await prisma.communitySetting.delete({ where: { key: "posting-policy" } });
    }
    expect(await prisma.post.count({ where: { authorId: user.id } })).toBe(1);
  });

  it("refuses members and anonymous visitors, and bad input changes nothing", async () => {
    const { client } = await signedIn({ role: "member" });
    expect((await client.get("/posts/new")).status).toBe(403);
    expect((await publish(client, { title: "Member post" })).res.status).toBe(403);
    const anon = await new TestClient(baseUrl).post("/posts/new", { title: "Anon", body: "x", kind: "update" });
    expect(anon.status).toBe(302);
    expect(anon.headers.get("location")).toMatch(/^\/login/);
    const { client: organiser } = await signedIn({ role: "organiser" });
    const bad = await publish(organiser, { title: "", kind: "essay", memberState: "US" });
    expect(bad.res.status).toBe(400);
    const text = visibleText(bad.html);
    expect(text).toContain("Give the post a title");
    expect(text).toContain("Choose what kind of post this is.");
    expect(text).toContain("Choose an EU Member State.");
    expect(await prisma.post.count({ where: { title: { in: ["Member post", "Anon", ""] } } })).toBe(0);
  });
});

describe("markdown safety", () => {
  const hostile: [string, string, RegExp[]][] = [
    ["script tag", "Hello <script>alert('x')</script> world", [/<script>alert/]],
    ["img onerror", 'Look <img src=x onerror="alert(1)">', [/onerror/, /<img/]],
    ["javascript: link", "[click me](javascript:alert(1))", [/javascript:/i, /href="javascript/i]],
    ["encoded javascript: link", "[click](jav&#x61;script:alert(1))", [/href="jav/i]],
    ["data: link", "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", [/href="data:/i]],
    ["nested HTML", "<div><p><iframe src='https://evil.example'></iframe><b onclick='x()'>b</b></p></div>", [/<iframe/, /onclick/]],
    ["markdown image beacon", "![pixel](https://tracker.example/p.gif)", [/<img[^>]*tracker/]],
  ];

  it.each(hostile)("renders %s without raw HTML or unsafe links", async (_name, body, forbidden) => {
    const { client } = await signedIn({ role: "organiser" });
    const { id } = await publish(client, { title: `Hostile ${_name}`, body });
    expect(id).toBeTruthy();
    const html = (await client.page(`/posts/${id}`)).html;
    const article = html.slice(html.indexOf("</h1>"), html.indexOf('id="comments-heading"'));
    for (const pattern of forbidden) expect(article).not.toMatch(pattern);
  });

  it("marks external links nofollow ugc noopener and keeps the text of dropped links", async () => {
    const { client } = await signedIn({ role: "organiser" });
    const { id } = await publish(client, { title: "Links", body: "[ICMPD](https://www.icmpd.org) and [bad](javascript:alert(1))" });
    const html = (await client.page(`/posts/${id}`)).html;
    expect(html).toContain('<a href="https://www.icmpd.org" rel="nofollow ugc noopener">ICMPD</a>');
    expect(visibleText(html)).toContain("ICMPD and bad");
  });

  it("refuses a 100 KB body with a message and accepts one just under the limit", async () => {
    const { client } = await signedIn({ role: "organiser" });
    const big = await publish(client, { title: "Huge", body: "a".repeat(100 * 1024) });
    expect(big.res.status).toBe(400);
    expect(visibleText(big.html)).toContain("Keep the post under 20,000 characters.");
    const fine = await publish(client, { title: "Long but fine", body: "word ".repeat(3_900) });
    expect(fine.res.status).toBe(302);
  });
});

describe("feed and post page", () => {
  it("shows public posts to anonymous visitors and hides members-only ones from them", async () => {
    const { client } = await signedIn({ role: "organiser", name: "Feed Organiser" });
    const pub = await publish(client, { title: "Public news from Lisbon", memberState: "PT", kind: "news", tags: "Diaspora, labour migration" });
    const members = await publish(client, { title: "Members-only note from Riga", memberState: "LV", visibility: "members" });
    const anon = new TestClient(baseUrl);
    const feed = visibleText((await anon.page("/posts")).html);
    expect(feed).toContain("Public news from Lisbon");
    expect(feed).not.toContain("Members-only note from Riga");
    expect((await anon.get(`/posts/${members.id}`)).status).toBe(404);
    expect((await anon.get(`/posts/${pub.id}`)).status).toBe(200);
    const { client: member } = await signedIn();
    const memberFeed = visibleText((await member.page("/posts")).html);
    expect(memberFeed).toContain("Members-only note from Riga");
    expect(memberFeed).toContain("Members only");
  });

  it("filters by kind, Member State, Action, thematic area and tag from the URL", async () => {
    const { client } = await signedIn({ role: "organiser" });
    const action = await prisma.action.create({ data: { code: "Filter Action I", slug: "filter-action-i", title: "T", partnerCountry: "GE", region: "EU Neighbourhood", thematicArea: "Legal migration and mobility" } });
    const body = new URLSearchParams({ title: "Tip on Georgian mobility", body: "Ask first.", kind: "tip", memberState: "CZ", actionId: action.id, tags: "mobility, Field-notes" });
    body.append("thematicAreas", "Legal migration and mobility");
    const res = await client.request("/posts/new", { method: "POST", body });
    expect(res.status).toBe(302);
    await publish(client, { title: "Unrelated publication", kind: "publication", memberState: "SK" });
    const anon = new TestClient(baseUrl);
    const match = "Tip on Georgian mobility";
    for (const query of ["kind=tip", "memberState=CZ", `action=${action.id}`, `area=${encodeURIComponent("Legal migration and mobility")}`, "tag=field-notes"]) {
      const text = visibleText((await anon.page(`/posts?${query}`)).html);
      expect(text, query).toContain(match);
      expect(text, query).not.toContain("Unrelated publication");
    }
    expect(visibleText((await anon.page("/posts?kind=publication")).html)).not.toContain(match);
  });

  it("pages with a cursor, newest first, without repeating or skipping posts", async () => {
    const start = Date.UTC(2020, 0, 1);
    const rows = Array.from({ length: 45 }, (_, i) => ({ kind: "news", title: `Paged news ${String(i).padStart(2, "0")}`, body: "x", memberState: "MT", createdAt: new Date(start + Math.floor(i / 3) * 60_000) }));
    await prisma.post.createMany({ data: rows });
    const anon = new TestClient(baseUrl);
    const seen: string[] = [];
    let url: string | null = "/posts?memberState=MT";
    while (url) {
      const html: string = (await anon.page(url)).html;
      seen.push(...[...visibleText(html).matchAll(/Paged news (\d\d)/g)].map((m) => m[1]!));
      const link = /<a[^>]*rel="next"[^>]*>/.exec(html)?.[0];
      url = link ? /href="([^"]+)"/.exec(link)![1]!.replace(/&amp;/g, "&") : null;
      expect(url ?? "").not.toMatch(/offset|page=/);
    }
    const expected = rows.map((r, i) => ({ i, t: r.createdAt.getTime() })).sort((a, b) => b.t - a.t).map((r) => String(r.i).padStart(2, "0"));
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    // Within one timestamp the order is by id; across timestamps it is newest first.
    expect(seen.map((s) => Math.floor(Number(s) / 3))).toEqual(expected.map((s) => Math.floor(Number(s) / 3)));
  });

  it("keeps an edit history shown as 'edited', lets only the author edit, and deletes softly (moderators restore)", async () => {
    const { user, client } = await signedIn({ role: "expert", country: "BE" });
    const { id } = await publish(client, { title: "First title", body: "First text." });
    const edit = await client.post(`/posts/${id}/edit`, { title: "Second title", body: "Second text.", kind: "update" });
    expect(edit.status).toBe(302);
    const page = visibleText((await client.page(`/posts/${id}`)).html);
    expect(page).toContain("Second title");
    expect(page).toContain("edited");
    expect(page).toContain("Edited: see earlier versions (1)");
    expect(page).toContain("First text.");
    const { client: other } = await signedIn({ role: "expert" });
    expect((await other.post(`/posts/${id}/edit`, { title: "Hijack", body: "x", kind: "update" })).status).toBe(403);
    expect((await other.post(`/posts/${id}`, { intent: "delete-post" })).status).toBe(403);
    expect((await client.post(`/posts/${id}`, { intent: "delete-post" })).status).toBe(302);
    expect((await new TestClient(baseUrl).get(`/posts/${id}`)).status).toBe(404);
    expect(visibleText((await new TestClient(baseUrl).page("/posts")).html)).not.toContain("Second title");
    expect(await prisma.post.findUnique({ where: { id: id! }, select: { authorId: true } })).toEqual({ authorId: user.id });
    expect((await client.post(`/posts/${id}`, { intent: "restore-post" })).status).toBe(403);
    const { client: organiser } = await signedIn({ role: "organiser" });
    expect((await organiser.post(`/posts/${id}`, { intent: "restore-post" })).status).toBe(302);
    expect((await new TestClient(baseUrl).get(`/posts/${id}`)).status).toBe(200);
  });

  it("lets organisers pin up to three posts to the top of the feed, and nobody else", async () => {
    await prisma.post.updateMany({ data: { pinnedAt: null } });
    const { client: organiser } = await signedIn({ role: "organiser" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await createPostRow({ title: `Pinnable ${i}`, createdAt: new Date(Date.UTC(2019, 0, 1 + i)) })).id);
    const { client: author } = await signedIn({ role: "expert" });
    expect((await author.post(`/posts/${ids[0]}`, { intent: "pin" })).status).toBe(403);
    for (const id of ids.slice(0, 3)) expect((await organiser.post(`/posts/${id}`, { intent: "pin" })).status).toBe(302);
    const fourth = await organiser.post(`/posts/${ids[3]}`, { intent: "pin" });
    expect(fourth.status).toBe(400);
    expect(visibleText(await fourth.text())).toContain("At most 3 posts can be pinned");
    const feed = visibleText((await new TestClient(baseUrl).page("/posts")).html);
    // Old posts (2019) are at the top because they are pinned.
    expect(feed.indexOf("Pinnable 0")).toBeGreaterThan(-1);
    expect(feed.indexOf("Pinnable 2")).toBeLessThan(feed.indexOf("Paged news"));
    expect(feed).not.toContain("Pinnable 3");
    expect(await prisma.auditLog.count({ where: { action: "post.pin" } })).toBe(3);
    await prisma.post.updateMany({ data: { pinnedAt: null } });
  });
});

describe("comments, reactions and mentions", () => {
  it("takes comments and one level of replies; a reply to a reply joins the thread", async () => {
    const post = await createPostRow({ title: "Commentable" });
    const { client } = await signedIn({ name: "Clara Commenter" });
    const first = await client.post(`/posts/${post.id}`, { intent: "comment", body: "Great **news**" });
    expect(first.status).toBe(302);
    const commentId = /#comment-(.+)$/.exec(first.headers.get("location") ?? "")![1]!;
    const reply = await client.post(`/posts/${post.id}`, { intent: "comment", body: "A reply", parentId: commentId });
    const replyId = /#comment-(.+)$/.exec(reply.headers.get("location") ?? "")![1]!;
    await client.post(`/posts/${post.id}`, { intent: "comment", body: "A reply to the reply", parentId: replyId });
    const rows = await prisma.postComment.findMany({ where: { postId: post.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.parentId)).toEqual([null, commentId, commentId]);
    const page = visibleText((await new TestClient(baseUrl).page(`/posts/${post.id}`)).html);
    expect(page).toContain("Comments (3)");
    expect(page).toContain("Clara Commenter");
    const empty = await client.post(`/posts/${post.id}`, { intent: "comment", body: "   " });
    expect(empty.status).toBe(400);
    expect(visibleText(await empty.text())).toContain("Write a comment.");
    const anon = await new TestClient(baseUrl).post(`/posts/${post.id}`, { intent: "comment", body: "spam" });
    expect(anon.headers.get("location")).toMatch(/^\/login/);
    expect(await prisma.postComment.count({ where: { postId: post.id } })).toBe(3);
  });

  it("lets authors edit a comment within 15 minutes only, and delete it", async () => {
    const post = await createPostRow({ title: "Edit window" });
    const { client } = await signedIn();
    const res = await client.post(`/posts/${post.id}`, { intent: "comment", body: "Typo hre" });
    const id = /#comment-(.+)$/.exec(res.headers.get("location") ?? "")![1]!;
    expect((await client.post(`/posts/${post.id}`, { intent: "edit-comment", commentId: id, body: "Typo here" })).status).toBe(302);
    expect((await prisma.postComment.findUniqueOrThrow({ where: { id } })).body).toBe("Typo here");
    const { client: other } = await signedIn();
    expect((await other.post(`/posts/${post.id}`, { intent: "edit-comment", commentId: id, body: "Mine now" })).status).toBe(403);
    expect((await other.post(`/posts/${post.id}`, { intent: "delete-comment", commentId: id })).status).toBe(403);
    await prisma.postComment.update({ where: { id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    const late = await client.post(`/posts/${post.id}`, { intent: "edit-comment", commentId: id, body: "Too late" });
    expect(late.status).toBe(400);
    expect(visibleText(await late.text())).toContain("Comments can be edited for 15 minutes after posting.");
    expect((await client.post(`/posts/${post.id}`, { intent: "delete-comment", commentId: id })).status).toBe(302);
    expect(visibleText((await client.page(`/posts/${post.id}`)).html)).not.toContain("Typo here");
  });

  it("toggles one reaction of each kind per member and shows counts, labels and who reacted", async () => {
    const post = await createPostRow({ title: "Reactable" });
    const { client: a } = await signedIn({ name: "Ana Reactor" });
    const { client: b } = await signedIn({ name: "Bo Reactor" });
    for (const c of [a, b]) expect((await c.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction: "insight" })).status).toBe(302);
    await a.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction: "like" });
    await a.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction: "like" }); // toggled back off
    const html = (await a.page(`/posts/${post.id}`)).html;
    const text = visibleText(html);
    expect(text).toContain("Insightful 2");
    expect(text).toContain("Like 0");
    expect(text).toContain("Insightful: Ana Reactor, Bo Reactor");
    expect(html).toMatch(/aria-pressed="true"[^>]*>(?:(?!<\/button>).)*Insightful/s);
    const bad = await a.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction: "angry" });
    expect(bad.status).toBe(400);
    expect(await prisma.reaction.count({ where: { targetId: post.id } })).toBe(2);
  });

  it("turns an @mention into a profile link and a notification row for the mentioned member", async () => {
    const mentioned = await createUser({ name: "Marta Mentioned" });
    const { user: author, client } = await signedIn({ role: "organiser", name: "Author Ann" });
    const search = await client.get("/members/search?q=marta");
    expect(await search.json()).toEqual({ members: [{ id: mentioned.id, name: "Marta Mentioned" }] });
    expect((await new TestClient(baseUrl).get("/members/search?q=marta")).status).toBe(302);
    const { id } = await publish(client, { title: "Thanks to the team", body: `Thank you [@Marta Mentioned](/roster/${mentioned.id}) for the session.` });
    const html = (await client.page(`/posts/${id}`)).html;
    expect(html).toContain(`<a href="/roster/${mentioned.id}">@Marta Mentioned</a>`);
    const rows = await prisma.notification.findMany({ where: { userId: mentioned.id } });
    expect(rows).toMatchObject([{ kind: "mention", actorId: author.id, subjectUrl: `/posts/${id}`, subjectTitle: "Thanks to the team", readAt: null }]);
    // Mentioned again in an edit: not notified twice; mentioned in a comment: notified.
    await client.post(`/posts/${id}/edit`, { title: "Thanks to the team", body: `Thank you again [@Marta Mentioned](/roster/${mentioned.id}).`, kind: "update" });
    await client.post(`/posts/${id}`, { intent: "comment", body: `cc [@Marta](/roster/${mentioned.id})` });
    expect(await prisma.notification.count({ where: { userId: mentioned.id } })).toBe(2);
    const inbox = new TestClient(baseUrl);
    await logInAs(inbox, mentioned);
    expect(visibleText((await inbox.page("/notifications")).html)).toContain("Author Ann mentioned you in Thanks to the team");
  });
});

describe("Atom feed", () => {
  it("is Atom 1.0 of public posts and Spotlights a feed reader can parse, with permalink, author, updated and HTML summary", async () => {
    const author = await createUser({ name: "Atom Author" });
    const pub = await createPostRow({ authorId: author.id, title: "Atom public post", body: "Hello **bold** <script>alert(1)</script>" });
    await createPostRow({ authorId: author.id, title: "Atom members-only post", visibility: "members" });
    await createPostRow({ authorId: author.id, title: "Atom held post", status: "held" });
    const res = await fetch(`${baseUrl}/feed.atom`);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("atom");
    expect(feed.meta.version).toBe("1.0");
    const item = feed.items.find((i) => i.title === "Atom public post")!;
    expect(item).toBeTruthy();
    expect(item.url).toBe(`${baseUrl}/posts/${pub.id}`);
    expect(item.id).toBe(`${baseUrl}/posts/${pub.id}`);
    expect(item.authors.map((a) => a.name)).toEqual(["Atom Author"]);
    expect(item.updated?.toISOString()).toBe(pub.createdAt.toISOString());
    expect(item.description).toContain("<strong>bold</strong>");
    expect(item.description).not.toContain("<script>");
    const titles = feed.items.map((i) => i.title);
    expect(titles).not.toContain("Atom members-only post");
    expect(titles).not.toContain("Atom held post");
  });
});

describe("the feed's New post button", () => {
  /** What the reader sees on /posts, and whether the form it links to opens for them. */
  async function buttonAndForm(client: TestClient) {
    const feed = await client.page("/posts");
    expect(feed.res.status).toBe(200);
    return { button: feed.html.includes('href="/posts/new"'), form: (await client.get("/posts/new")).status };
  }

  it("is shown exactly to those whose new-post form opens, for every role, designation and expert policy", async () => {
    const readers = {
      member: await signedIn({ role: "member" }),
      "member holding a Focal Point designation": await signedIn({ role: "member", country: "LV" }),
      expert: await signedIn({ role: "expert" }),
      "expert holding a Focal Point designation": await signedIn({ role: "expert", country: "LT" }),
      "Focal Point": await signedIn({ role: "focal_point" }),
      organiser: await signedIn({ role: "organiser" }),
      admin: await signedIn({ role: "admin" }),
    };
    await makeFocalPoint(readers["member holding a Focal Point designation"].user.id, "LV");
    await makeFocalPoint(readers["expert holding a Focal Point designation"].user.id, "LT");
    const expected = (expertsMayPost: boolean) => ({
      member: false,
      "member holding a Focal Point designation": true,
      expert: expertsMayPost,
      "expert holding a Focal Point designation": true,
      "Focal Point": true,
      organiser: true,
      admin: true,
    });
    for (const expertsMayPost of [true, false]) {
      if (!expertsMayPost) await prisma.communitySetting.create({ data: { key: "posting-policy", value: JSON.stringify({ expertsMayPost, holdFirstPosts: 0 }) } });
      try {
        for (const [who, { client }] of Object.entries(readers)) {
          const seen = await buttonAndForm(client);
          const may = expected(expertsMayPost)[who as keyof typeof readers];
          expect(seen, `${who}, experts may post: ${expertsMayPost}`).toEqual({ button: may, form: may ? 200 : 403 });
        }
      } finally {
        await prisma.communitySetting.deleteMany({ where: { key: "posting-policy" } });
      }
    }
    expect(visibleText((await new TestClient(baseUrl).page("/posts")).html)).not.toContain("New post");
  });

  it("follows a role change at the next page, and a suspended member who sees it still cannot post", async () => {
    const { user, client } = await signedIn({ role: "member" });
    expect((await buttonAndForm(client)).button).toBe(false);
    await prisma.user.update({ where: { id: user.id }, data: { role: "expert" } });
    expect(await buttonAndForm(client)).toEqual({ button: true, form: 200 });
    await prisma.user.update({ where: { id: user.id }, data: { suspendedUntil: new Date(Date.now() + 7 * 86_400_000) } });
    const attempt = await publish(client, { kind: "tip", title: "Posted while suspended" });
    expect(attempt.res.status).toBe(400);
    expect(visibleText(attempt.html)).toMatch(/suspended until \d{4}-\d\d-\d\d/);
    expect(await prisma.post.count({ where: { authorId: user.id } })).toBe(0);
  });
});
