/**
 * Notifications delivered: every domain writes the right notification in its own transaction
 * (never to the actor), the unread count reaches every open socket of that member after the
 * commit (and nobody else's), and /notifications groups by day, marks read and pages.
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { UNREAD_EVENT, type UnreadPayload } from "#app/modules/notifications/live.ts";
import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { createPostRow } from "#tests/factories/posts.ts";
import { waitUntil } from "#tests/factories/qa.ts";
import { createFocalPoint, profileForm } from "#tests/factories/roster.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
const open: Socket[] = [];

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

/** A browser tab's socket on the default namespace, recording every unread count it hears. */
async function tab(client: TestClient) {
  const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: { cookie: client.cookieHeader(), origin: baseUrl }, reconnection: false });
  open.push(socket);
  const counts: number[] = [];
  socket.on(UNREAD_EVENT, (p: UnreadPayload) => counts.push(p.count));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  // The user room is joined on connection; a round trip makes sure it is done.
  await new Promise((resolve) => socket.emit("session:whoami", resolve));
  return { socket, counts };
}

const rowsOf = (userId: string) => prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

function mention(user: { id: string; name: string }) {
  return `[@${user.name}](/roster/${user.id})`;
}

describe("each domain notifies the right member, never the actor", () => {
  it("replies: a comment tells the post's author, a reply tells the comment's author; a mention is told once", async () => {
    const author = await createUser({ name: "Paula Author" });
    const post = await createPostRow({ authorId: author.id, title: "Our new pilot" });
    const commenter = await signedIn({ name: "Carl Commenter" });
    const replier = await signedIn({ name: "Rita Replier" });

    expect((await commenter.client.post(`/posts/${post.id}`, { intent: "comment", body: "Well done." })).status).toBe(302);
    const comment = await prisma.postComment.findFirstOrThrow({ where: { postId: post.id, authorId: commenter.user.id } });
    expect((await replier.client.post(`/posts/${post.id}`, { intent: "comment", body: `Agreed, ${mention(author)}.`, parentId: comment.id })).status).toBe(302);
    // The post's author comments on their own post: nobody is told of their own action.
    const own = await new TestClient(baseUrl);
    await logInAs(own, author);
    expect((await own.post(`/posts/${post.id}`, { intent: "comment", body: "Thank you all." })).status).toBe(302);

    const toAuthor = await rowsOf(author.id);
    expect(toAuthor.map((n) => [n.kind, n.actorId, n.message])).toEqual([
      ["reply", commenter.user.id, "commented on your post"],
      ["mention", replier.user.id, null], // mentioned in the reply: one notification, the mention
    ]);
    const toCommenter = await rowsOf(commenter.user.id);
    expect(toCommenter.map((n) => [n.kind, n.actorId, n.message, n.subjectTitle])).toEqual([["reply", replier.user.id, "replied to your comment", "Our new pilot"]]);
    expect(toCommenter[0].subjectUrl).toMatch(new RegExp(`^/posts/${post.id}#comment-`));
    expect(await prisma.notification.count({ where: { userId: replier.user.id } })).toBe(0);

    // Deleting the reply withdraws what it caused.
    const reply = await prisma.postComment.findFirstOrThrow({ where: { postId: post.id, authorId: replier.user.id } });
    expect((await replier.client.post(`/posts/${post.id}`, { intent: "delete-comment", commentId: reply.id })).status).toBe(302);
    expect((await rowsOf(commenter.user.id)).length).toBe(0);
    expect((await rowsOf(author.id)).map((n) => n.kind)).toEqual(["reply"]);
  });

  it("reactions: one unread digest per target, updated while unread; un-reacting and own reactions tell nobody", async () => {
    const author = await signedIn({ name: "Rhea Reacted" });
    const post = await createPostRow({ authorId: author.user.id, title: "A tip on interpreters" });
    const a = await signedIn({ name: "Anna First" });
    const b = await signedIn({ name: "Bruno Second" });
    const react = (c: TestClient, reaction: string) => c.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction });

    expect((await react(a.client, "like")).status).toBe(302);
    expect((await react(a.client, "insight")).status).toBe(302);
    expect((await react(b.client, "like")).status).toBe(302);
    expect((await react(b.client, "like")).status).toBe(302); // taken back: no notification
    expect((await react(author.client, "love")).status).toBe(302); // own post
    let rows = await rowsOf(author.user.id);
    expect(rows.map((n) => [n.kind, n.actorId, n.message, n.readAt])).toEqual([["reaction", b.user.id, "3 new reactions", null]]);

    // Once read, the next reaction starts a new digest.
    expect((await author.client.post("/notifications", { intent: "all" })).status).toBe(302);
    expect((await react(b.client, "applause")).status).toBe(302);
    rows = await rowsOf(author.user.id);
    expect(rows.map((n) => [n.message, n.readAt === null])).toEqual([["3 new reactions", false], ["1 new reaction", true]]);
  });

  it("hiding a post withdraws the notifications about it and its comments, and the bell drops live", async () => {
    const author = await signedIn({ name: "Hilde Hidden" });
    const post = await createPostRow({ authorId: author.user.id, title: "Soon hidden" });
    const commenter = await signedIn();
    const reactor = await signedIn();
    expect((await commenter.client.post(`/posts/${post.id}`, { intent: "comment", body: "A comment." })).status).toBe(302);
    const comment = await prisma.postComment.findFirstOrThrow({ where: { postId: post.id } });
    expect((await reactor.client.post(`/posts/${post.id}`, { intent: "react", targetType: "comment", targetId: comment.id, reaction: "like" })).status).toBe(302);
    expect((await rowsOf(author.user.id)).map((n) => n.kind)).toEqual(["reply"]);
    expect((await rowsOf(commenter.user.id)).map((n) => n.kind)).toEqual(["reaction"]);
    const listening = await tab(commenter.client);

    const moderator = await signedIn({ role: "organiser" });
    expect((await moderator.client.post("/admin/moderation", { intent: "decide", targetType: "post", targetId: post.id, decision: "hide", reason: "Off topic" })).status).toBe(302);
    expect((await rowsOf(author.user.id)).map((n) => n.kind)).toEqual(["content_hidden"]);
    expect(await rowsOf(commenter.user.id)).toEqual([]);
    await waitUntil(() => listening.counts.at(-1) === 0, { what: "the commenter's bell to drop to 0" });
  });

  it("roster: Focal Points hear of a new application for their State; the applicant hears the decision", async () => {
    const focal = await createFocalPoint("HR", { name: "Hana Focal" });
    const otherFocal = await createFocalPoint("SI");
    const applicant = await signedIn({ name: "Ivo Applicant", country: "HR" });
    expect((await applicant.client.post("/settings/roster", profileForm({ memberState: "HR", language0: "hr" }))).status).toBe(302);
    const [told] = await rowsOf(focal.id);
    expect(told).toMatchObject({ kind: "member_state_activity", actorId: applicant.user.id, subjectTitle: "Ivo Applicant applied to the Expert Roster", message: "New roster application for Croatia" });
    expect(await prisma.notification.count({ where: { userId: otherFocal.id } })).toBe(0);

    const application = await prisma.rosterApplication.findFirstOrThrow({ where: { userId: applicant.user.id } });
    const focalClient = new TestClient(baseUrl);
    await logInAs(focalClient, focal);
    expect((await focalClient.post("/focal-points/HR", { applicationId: application.id, decision: "approve", reason: "" })).status).toBe(302);
    const decided = await rowsOf(applicant.user.id);
    expect(decided.map((n) => [n.kind, n.actorId, n.subjectTitle])).toEqual([["roster_decision", focal.id, "Your Expert Roster application was approved"]]);
  });

  it("posts for a Member State tell its Focal Points, not the author", async () => {
    const focal = await createFocalPoint("LV", { name: "Liga Focal" });
    const organiser = await signedIn({ role: "organiser" });
    const res = await organiser.client.post("/posts/new", { title: "Latvia joins a new Action", body: "Some text.", kind: "news", memberState: "LV" });
    expect(res.status).toBe(302);
    expect((await rowsOf(focal.id)).map((n) => [n.kind, n.subjectTitle, n.message])).toEqual([["member_state_activity", "Latvia joins a new Action", "New post for Latvia"]]);
    expect(await prisma.notification.count({ where: { userId: organiser.user.id } })).toBe(0);
  });

  it("a published Morning Coffee tells every member but the organiser who published it", async () => {
    const draft = await createCoffee({ status: "draft", title: "Morning Coffee: Spotlight on Moldova" });
    const reader = await createUser();
    const organiser = await signedIn({ role: "organiser" });
    expect((await organiser.client.post(`/sessions/${draft.slug}/edit`, { intent: "publish" })).status).toBe(302);
    expect((await rowsOf(reader.id)).map((n) => [n.kind, n.subjectTitle, n.subjectUrl])).toEqual([["coffee_new", "Morning Coffee: Spotlight on Moldova", `/sessions/${draft.slug}`]]);
    expect(await prisma.notification.count({ where: { userId: organiser.user.id, kind: "coffee_new" } })).toBe(0);
    const members = await prisma.user.count({ where: { deletedAt: null, emailVerifiedAt: { not: null } } });
    expect(await prisma.notification.count({ where: { kind: "coffee_new", subjectId: draft.id } })).toBe(members - 1);
  });
});

describe("the reaction digest under concurrency", () => {
  it("members reacting to one post at the same moment leave its author exactly one unread digest with the right count, and each reaction reaches the email hook", async () => {
    const N = 8;
    const author = await signedIn({ name: "Ada Popular" });
    // "At once" for reactions: every reaction goes through notify()'s email hook.
    await prisma.emailPreference.create({ data: { userId: author.user.id, kind: "reaction", delivery: "immediate" } });
    const post = await createPostRow({ authorId: author.user.id, title: "A tip everyone likes" });
    const reactors = await Promise.all(Array.from({ length: N }, (_, i) => signedIn({ name: `Reactor ${i + 1}` })));
    const listening = await tab(author.client);

    const responses = await Promise.all(reactors.map((r) => r.client.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction: "like" })));
    expect(responses.map((r) => r.status)).toEqual(Array(N).fill(302));
    expect(await prisma.reaction.count({ where: { targetType: "post", targetId: post.id } })).toBe(N);

    const unread = await prisma.notification.findMany({ where: { userId: author.user.id, readAt: null } });
    expect(unread.map((n) => [n.kind, n.subjectId, n.message])).toEqual([["reaction", post.id, `${N} new reactions`]]);
    expect(reactors.map((r) => r.user.id)).toContain(unread[0].actorId);
    // One email per reaction, the last naming them all.
    expect(await prisma.mailOutbox.count({ where: { to: author.user.email, kind: "notification_reaction" } })).toBe(N);
    await testContext().mail.waitFor((m) => m.to.includes(author.user.email) && m.text.includes(`${N} new reactions`));
    // The bell settles on the one digest.
    await waitUntil(() => listening.counts.at(-1) === 1, { what: "the author's bell to show 1" });

    // Once read, the next reaction starts a new digest; the read one keeps its count.
    expect((await author.client.post("/notifications", { intent: "all" })).status).toBe(302);
    const late = await signedIn();
    expect((await late.client.post(`/posts/${post.id}`, { intent: "react", targetType: "post", targetId: post.id, reaction: "insight" })).status).toBe(302);
    const rows = await prisma.notification.findMany({ where: { userId: author.user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((n) => [n.message, n.readAt === null])).toEqual([
      [`${N} new reactions`, false],
      ["1 new reaction", true],
    ]);
  });
});

describe("one way to notify", () => {
  it("notify() refuses a plain prisma.$transaction and the client itself, writing nothing; transactionWithNotifications() is the way", async () => {
    const member = await createUser();
    const input = { userId: member.id, kind: "mention" as const, subject: { url: "/posts", title: "Refused" } };
    await expect(prisma.$transaction((tx) => notify(input, tx))).rejects.toThrow(/transactionWithNotifications/);
    await expect(notify(input, prisma)).rejects.toThrow(/transactionWithNotifications/);
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(0);
    await transactionWithNotifications((tx) => notify(input, tx));
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(1);
  });
});

describe("live unread counts over Socket.IO", () => {
  it("two tabs of one member both get the count after a mention over HTTP; another member hears nothing; mark all read sends 0 to both", async () => {
    const jana = await signedIn({ name: "Jana Mentioned" });
    const other = await signedIn({ name: "Otto Other" });
    const writer = await signedIn({ role: "organiser", name: "Wanda Writer" });
    const [one, two, otto] = [await tab(jana.client), await tab(jana.client), await tab(other.client)];

    expect((await writer.client.post("/posts/new", { title: "Thanks to our experts", body: `Thank you ${mention(jana.user)}.`, kind: "update" })).status).toBe(302);
    await waitUntil(() => one.counts.includes(1) && two.counts.includes(1), { what: "both tabs to hear 1 unread" });

    const post = await prisma.post.findFirstOrThrow({ where: { title: "Thanks to our experts" } });
    const postOfJana = await createPostRow({ authorId: jana.user.id, title: "Jana's update" });
    expect((await writer.client.post(`/posts/${postOfJana.id}`, { intent: "comment", body: "Good to read." })).status).toBe(302);
    await waitUntil(() => one.counts.at(-1) === 2 && two.counts.at(-1) === 2, { what: "both tabs to hear 2 unread after a reply" });
    expect(post.id).toBeTruthy();

    // The page load shows the same count in the bell, without JavaScript.
    const page = await jana.client.page("/posts");
    expect(page.html).toContain('aria-label="Notifications, 2 unread"');

    expect((await jana.client.post("/notifications", { intent: "all" })).status).toBe(302);
    await waitUntil(() => one.counts.at(-1) === 0 && two.counts.at(-1) === 0, { what: "both tabs to hear 0" });
    expect(otto.counts).toEqual([]);
  });

  it("following a notification marks it read and the count drops on the other tabs", async () => {
    const member = await signedIn();
    const writer = await signedIn({ role: "organiser" });
    const listening = await tab(member.client);
    expect((await writer.client.post("/posts/new", { title: "Followed", body: `Hello ${mention(member.user)}.`, kind: "update" })).status).toBe(302);
    await waitUntil(() => listening.counts.at(-1) === 1, { what: "1 unread" });
    const [n] = await rowsOf(member.user.id);
    const follow = await member.client.get(`/notifications/${n.id}`);
    expect(follow.status).toBe(302);
    expect(follow.headers.get("location")).toBe(n.subjectUrl);
    await waitUntil(() => listening.counts.at(-1) === 0, { what: "0 unread" });
    // Someone else's notification is not theirs to open.
    expect((await writer.client.get(`/notifications/${n.id}`)).status).toBe(404);
  });

  it("a signed-out page has no bell", async () => {
    const page = await new TestClient(baseUrl).page("/posts");
    expect(page.html).not.toContain("Notifications, ");
  });
});

describe("the notifications page", () => {
  it("groups by day, marks unread, marks one read, and pages beyond 50", async () => {
    const { user, client } = await signedIn();
    const now = Date.now();
    const at = (msAgo: number, title: string) =>
      prisma.notification.create({ data: { userId: user.id, kind: "coffee_new", subjectUrl: "/sessions", subjectTitle: title, createdAt: new Date(now - msAgo) } });
    const today = await at(1000, "Today's coffee");
    await at(24 * 3600_000, "Yesterday's coffee");
    await at(5 * 24 * 3600_000, "An older coffee");
    const page = await client.page("/notifications");
    const text = visibleText(page.html);
    expect(text).toContain("3 unread");
    const headings = [...page.html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings.slice(0, 2)).toEqual(["Today", "Yesterday"]);
    expect(headings[2]).toMatch(/^\w+day, \d{1,2} \w+ \d{4}$/);
    expect(text.indexOf("Today's coffee")).toBeLessThan(text.indexOf("Yesterday's coffee"));
    expect(text).toContain("Unread");

    expect((await client.post("/notifications", { intent: "read", id: today.id })).status).toBe(302);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: today.id } })).readAt).not.toBeNull();
    expect(visibleText((await client.page("/notifications")).html)).toContain("2 unread");
    // Someone else's id changes nothing.
    const stranger = await signedIn();
    expect((await stranger.client.post("/notifications", { intent: "read", id: today.id })).status).toBe(302);

    await prisma.notification.createMany({ data: Array.from({ length: 55 }, (_, i) => ({ userId: user.id, kind: "coffee_new", subjectUrl: "/sessions", subjectTitle: `Bulk ${i}`, createdAt: new Date(now - 10 * 24 * 3600_000 - i * 1000) })) });
    const first = await client.page("/notifications");
    const older = /href="(\/notifications\?before=[^"]+)"/.exec(first.html)?.[1];
    expect(older).toBeTruthy();
    expect((first.html.match(/data-notification=/g) ?? []).length).toBe(50);
    const second = await client.page(older!.replaceAll("&amp;", "&"));
    expect((second.html.match(/data-notification=/g) ?? []).length).toBe(8);
    expect(visibleText(second.html)).toContain("Bulk 54");
  });
});
