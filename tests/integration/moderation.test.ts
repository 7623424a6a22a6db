import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createPostRow } from "#tests/factories/posts.ts";
import { createCoffee } from "#tests/factories/qa.ts";
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

const commentIdOf = (res: Response) => /#comment-(.+)$/.exec(res.headers.get("location") ?? "")![1]!;

describe("reports and the moderation queue", () => {
  it("hides a reported comment everywhere, tells the author why, withdraws its mentions and audits the decision", async () => {
    const post = await createPostRow({ title: "A post with a bad comment" });
    const mentioned = await createUser({ name: "Mia Mentioned" });
    const { user: author, client: authorClient } = await signedIn({ name: "Rude Commenter" });
    const res = await authorClient.post(`/posts/${post.id}`, { intent: "comment", body: `Offensive words [@Mia](/roster/${mentioned.id})` });
    const commentId = commentIdOf(res);
    expect(await prisma.notification.count({ where: { userId: mentioned.id, kind: "mention" } })).toBe(1);

    const { client: reporter } = await signedIn();
    const report = await reporter.post(`/posts/${post.id}`, { intent: "report", targetType: "comment", targetId: commentId, reason: "Insulting" });
    expect(report.status).toBe(302);
    const empty = await reporter.post(`/posts/${post.id}`, { intent: "report", targetType: "comment", targetId: commentId, reason: "" });
    expect(empty.status).toBe(400);
    expect(await prisma.report.count({ where: { targetId: commentId } })).toBe(1);

    const { client: organiser } = await signedIn({ role: "organiser" });
    const queue = visibleText((await organiser.page("/admin/moderation")).html);
    expect(queue).toContain("Offensive words");
    expect(queue).toContain("Insulting");
    expect((await reporter.get("/admin/moderation")).status).toBe(403);
    expect((await reporter.post("/admin/moderation", { intent: "decide", targetType: "comment", targetId: commentId, decision: "hide", reason: "x" })).status).toBe(403);

    const noReason = await organiser.post("/admin/moderation", { intent: "decide", targetType: "comment", targetId: commentId, decision: "hide", reason: "" });
    expect(noReason.status).toBe(400);
    expect(visibleText(await noReason.text())).toContain("Give the reason the author will read.");
    const hide = await organiser.post("/admin/moderation", { intent: "decide", targetType: "comment", targetId: commentId, decision: "hide", reason: "Personal attacks are not allowed" });
    expect(hide.status).toBe(302);

    const page = visibleText((await new TestClient(baseUrl).page(`/posts/${post.id}`)).html);
    expect(page).not.toContain("Offensive words");
    expect(page).toContain("Comments (0)");
    expect(await prisma.notification.count({ where: { userId: mentioned.id, kind: "mention" } })).toBe(0);
    const told = visibleText((await authorClient.page("/notifications")).html);
    expect(told).toContain("Personal attacks are not allowed");
    expect(await prisma.auditLog.count({ where: { action: "moderation.hide", targetId: commentId } })).toBe(1);
    expect(visibleText((await organiser.page("/admin/moderation")).html)).not.toContain("Offensive words");
    expect(author.id).toBeTruthy();
  });

  it("hides a reported post from the feed, its page, the home page and the Atom feed; restoring brings it back", async () => {
    const { user: author } = await signedIn({ name: "Hidden Author" });
    const post = await createPostRow({ authorId: author.id, title: "Misleading post about visas", body: "Wrong facts." });
    const anon = new TestClient(baseUrl);
    expect(visibleText((await anon.page("/posts")).html)).toContain("Misleading post about visas");
    const { client: reporter } = await signedIn();
    await reporter.post(`/posts/${post.id}`, { intent: "report", targetType: "post", reason: "False information" });
    const { client: organiser } = await signedIn({ role: "organiser" });
    expect((await organiser.post("/admin/moderation", { intent: "decide", targetType: "post", targetId: post.id, decision: "hide", reason: "Contains false information" })).status).toBe(302);

    expect(visibleText((await anon.page("/posts")).html)).not.toContain("Misleading post about visas");
    expect(visibleText((await anon.page("/")).html)).not.toContain("Misleading post about visas");
    expect((await anon.get(`/posts/${post.id}`)).status).toBe(404);
    expect((await reporter.get(`/posts/${post.id}`)).status).toBe(404);
    const atom = parseFeed(await (await fetch(`${baseUrl}/feed.atom`)).text());
    expect(atom.items.map((i) => i.title)).not.toContain("Misleading post about visas");
    expect(visibleText((await organiser.page(`/posts/${post.id}`)).html)).toContain("Hidden by a moderator");

    expect((await organiser.post("/admin/moderation", { intent: "decide", targetType: "post", targetId: post.id, decision: "restore", reason: "" })).status).toBe(302);
    expect((await anon.get(`/posts/${post.id}`)).status).toBe(200);
  });

  it("hides a reported Q&A question through the live Q&A's own moderation", async () => {
    const coffee = await createCoffee({ title: "Moderated coffee" });
    const { user: asker } = await signedIn();
    const question = await prisma.qaQuestion.create({ data: { coffeeId: coffee.id, authorId: asker.id, body: "An abusive question" } });
    const { client: reporter } = await signedIn();
    const res = await reporter.post("/report", { targetType: "question", targetId: question.id, reason: "Abusive", redirectTo: `/sessions/${coffee.slug}/qa` });
    expect(res.status).toBe(303);
    const { client: organiser } = await signedIn({ role: "organiser" });
    expect(visibleText((await organiser.page("/admin/moderation")).html)).toContain("An abusive question");
    await organiser.post("/admin/moderation", { intent: "decide", targetType: "question", targetId: question.id, decision: "hide", reason: "Abusive language" });
    expect((await prisma.qaQuestion.findUniqueOrThrow({ where: { id: question.id } })).status).toBe("hidden");
    expect(await prisma.auditLog.count({ where: { action: "qa.hide", targetId: question.id } })).toBe(1);
  });

  it("warns an author, and suspends one: logged out everywhere and unable to post until the end date", async () => {
    const { user: author, client: authorClient } = await signedIn({ role: "expert", name: "Suspended Sam" });
    const second = new TestClient(baseUrl);
    await logInAs(second, author);
    const post = await createPostRow({ title: "Thread for suspension" });
    const commentId = commentIdOf(await authorClient.post(`/posts/${post.id}`, { intent: "comment", body: "Spam spam spam" }));
    const { client: reporter } = await signedIn();
    await reporter.post(`/posts/${post.id}`, { intent: "report", targetType: "comment", targetId: commentId, reason: "Spam" });
    const { client: organiser } = await signedIn({ role: "organiser" });
    const bad = await organiser.post("/admin/moderation", { intent: "decide", targetType: "comment", targetId: commentId, decision: "suspend", reason: "Repeated spam", suspendDays: "0" });
    expect(bad.status).toBe(400);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: author.id }, select: { suspendedUntil: true } })).toEqual({ suspendedUntil: null });
    const ok = await organiser.post("/admin/moderation", { intent: "decide", targetType: "comment", targetId: commentId, decision: "suspend", reason: "Repeated spam", suspendDays: "7" });
    expect(ok.status).toBe(302);

    for (const c of [authorClient, second]) expect((await c.get("/settings")).headers.get("location")).toMatch(/^\/login/);
    expect(await prisma.session.count({ where: { userId: author.id } })).toBe(0);
    const { suspendedUntil } = await prisma.user.findUniqueOrThrow({ where: { id: author.id }, select: { suspendedUntil: true } });
    expect(suspendedUntil!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    const again = new TestClient(baseUrl);
    await logInAs(again, author);
    const attempt = await again.post("/posts/new", { title: "Back again", body: "x", kind: "update" });
    expect(attempt.status).toBe(400);
    expect(visibleText(await attempt.text())).toMatch(/suspended until \d{4}-\d\d-\d\d/);
    const comment = await again.post(`/posts/${post.id}`, { intent: "comment", body: "Still here" });
    expect(comment.status).toBe(429);
    expect(await prisma.post.count({ where: { title: "Back again" } })).toBe(0);
    expect(visibleText((await again.page("/notifications")).html)).toContain("Repeated spam");
    expect(await prisma.auditLog.count({ where: { action: "moderation.suspend_member", targetId: author.id } })).toBe(1);

    // Warn: hides and tells the author.
    const other = await signedIn({ name: "Warned Wendy" });
    const c2 = commentIdOf(await other.client.post(`/posts/${post.id}`, { intent: "comment", body: "Borderline" }));
    await reporter.post(`/posts/${post.id}`, { intent: "report", targetType: "comment", targetId: c2, reason: "Rude" });
    await organiser.post("/admin/moderation", { intent: "decide", targetType: "comment", targetId: c2, decision: "warn", reason: "Please stay courteous" });
    expect(await prisma.notification.findMany({ where: { userId: other.user.id }, select: { kind: true } })).toEqual(expect.arrayContaining([{ kind: "moderation_warning" }, { kind: "content_hidden" }]));
  });

  it("holds a new account's first post for review when the setting is on; publishing notifies the author", async () => {
    const { client: organiser } = await signedIn({ role: "organiser" });
    const bad = await organiser.post("/admin/moderation", { intent: "policy", expertsMayPost: "on", holdFirstPosts: "99" });
    expect(bad.status).toBe(400);
    expect((await organiser.post("/admin/moderation", { intent: "policy", expertsMayPost: "on", holdFirstPosts: "1" })).status).toBe(302);
    try {
      const { user, client } = await signedIn({ role: "expert", country: "IE" });
      const res = await client.post("/posts/new", { title: "My first tip", body: "Learn names.", kind: "tip" });
      const id = /\/posts\/(.+)$/.exec(res.headers.get("location") ?? "")![1]!;
      expect(visibleText((await new TestClient(baseUrl).page("/posts")).html)).not.toContain("My first tip");
      expect((await new TestClient(baseUrl).get(`/posts/${id}`)).status).toBe(404);
      expect(visibleText((await client.page(`/posts/${id}`)).html)).toContain("Waiting for review");
      expect(visibleText((await organiser.page("/admin/moderation")).html)).toContain("My first tip");
      expect((await organiser.post("/admin/moderation", { intent: "approve", postId: id })).status).toBe(302);
      expect(visibleText((await new TestClient(baseUrl).page("/posts")).html)).toContain("My first tip");
      expect(await prisma.notification.count({ where: { userId: user.id, kind: "post_approved" } })).toBe(1);
      // The second post is published at once.
      await client.post("/posts/new", { title: "My second tip", body: "Ask.", kind: "tip" });
      expect(visibleText((await new TestClient(baseUrl).page("/posts")).html)).toContain("My second tip");
    } finally {
      await prisma.communitySetting.deleteMany({});
    }
  });
});

describe("limits", () => {
  it("rate-limits commenting per member with a clear message", async () => {
    const post = await createPostRow({ title: "Busy thread" });
    const { client } = await signedIn();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await client.post(`/posts/${post.id}`, { intent: "comment", body: `Comment ${i}` })).status);
    expect(statuses.slice(0, 20).every((s) => s === 302)).toBe(true);
    expect(statuses[20]).toBe(429);
    const last = await client.post(`/posts/${post.id}`, { intent: "comment", body: "One more" });
    expect(visibleText(await last.text())).toMatch(/Too many attempts\. Please wait/);
    expect(await prisma.postComment.count({ where: { postId: post.id } })).toBe(20);
  });
});
