import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { collect, connected, createCoffee, qaSocket, request, sessionCookie, waitUntil, type QaClient } from "#tests/factories/qa.ts";
import { createPostRow } from "#tests/factories/posts.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

/** Reporting a Q&A question and a resource through the report page, and the moderation queue's decisions on them. */

let baseUrl: string;
const sockets: QaClient[] = [];
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

async function person(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% a guide\ntrailer<<>>\n%%EOF\n");

describe("reporting a Q&A question from the live Q&A page", () => {
  it("offers a Report link that works without JavaScript; hiding it from the queue removes it live from every Q&A client; restoring brings it back", async () => {
    const coffee = await createCoffee({ title: "Coffee with a reported question" });
    const asker = await person({ name: "Asking Anna" });
    const question = await prisma.qaQuestion.create({ data: { coffeeId: coffee.id, authorId: asker.user.id, body: "An insulting question for the speakers", status: "approved" } });
    const qaPath = `/sessions/${coffee.slug}/qa`;

    // A member who did not ask it sees a Report link on the Q&A page (plain HTML); the asker does not.
    const reporter = await person();
    const qaPage = (await reporter.client.page(qaPath)).html;
    const link = /<a[^>]*href="(\/report\?[^"]+)"[^>]*>Report<\/a>/.exec(qaPage)?.[1]?.replaceAll("&amp;", "&");
    expect(link).toBeDefined();
    expect(new URL(link!, baseUrl).searchParams.get("type")).toBe("question");
    expect(new URL(link!, baseUrl).searchParams.get("id")).toBe(question.id);
    expect((await asker.client.page(qaPath)).html).not.toMatch(/href="\/report\?/);

    // The report page shows the question (never its asker) and asks why.
    const form = visibleText((await reporter.client.page(link!)).html);
    expect(form).toContain("Report this q&a question");
    expect(form).toContain("An insulting question for the speakers");
    expect(form).not.toContain("Asking Anna");
    const empty = await reporter.client.post(link!, { targetType: "question", targetId: question.id, reason: "", redirectTo: qaPath });
    expect(empty.status).toBe(400);
    expect(visibleText(await empty.text())).toContain("Say briefly what is wrong");
    expect(await prisma.report.count({ where: { targetId: question.id } })).toBe(0);
    const sent = await reporter.client.post("/report", { targetType: "question", targetId: question.id, reason: "Insulting the speakers", redirectTo: qaPath });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(qaPath);
    expect(await prisma.report.count({ where: { targetId: question.id, status: "open" } })).toBe(1);

    // Someone follows the Q&A live while an organiser works the queue.
    const watcher = await createUser();
    const socket = qaSocket(baseUrl, await sessionCookie(watcher.id));
    sockets.push(socket);
    await connected(socket);
    const joined = (await request(socket, "qa:join", { sessionId: coffee.id })) as { state?: { questions: { id: string }[] } };
    expect(joined.state!.questions.map((q) => q.id)).toContain(question.id);
    const removed = collect(socket, "qa:removed");
    const updated = collect(socket, "qa:question");

    const organiser = await person({ role: "organiser" });
    expect(visibleText((await organiser.client.page("/admin/moderation")).html)).toContain("Insulting the speakers");
    const hide = await organiser.client.post("/admin/moderation", { intent: "decide", targetType: "question", targetId: question.id, decision: "hide", reason: "Insults are not allowed" });
    expect(hide.status).toBe(302);
    await waitUntil(() => removed.items.length === 1, { what: "the question removed from the live Q&A" });
    expect(removed.items[0]).toEqual({ questionId: question.id });
    expect(visibleText((await reporter.client.page(qaPath)).html)).not.toContain("An insulting question");
    expect(visibleText((await asker.client.page("/notifications")).html)).toContain("Insults are not allowed");

    const restore = await organiser.client.post("/admin/moderation", { intent: "decide", targetType: "question", targetId: question.id, decision: "restore", reason: "" });
    expect(restore.status).toBe(302);
    await waitUntil(() => updated.items.some((q) => q.id === question.id && q.status === "approved"), { what: "the restored question back in the live Q&A" });
    expect(visibleText((await reporter.client.page(qaPath)).html)).toContain("An insulting question for the speakers");
  });
});

describe("reporting a resource", () => {
  it("hides a reported resource from the library, its page, its file and the featured shelf, tells the uploader why; restoring brings it back", async () => {
    const uploader = await person({ role: "focal_point", name: "Uploading Una" });
    const form = new FormData();
    for (const [k, v] of Object.entries({ topic: "Cultural agility", language: "en", title: "A misleading visa guide", summary: "Wrong advice on visas.", tags: "visas" })) form.set(k, v);
    form.set("file", new Blob([pdf], { type: "application/pdf" }), "guide.pdf");
    const created = await uploader.client.request("/resources/new", { method: "POST", body: form });
    expect(created.status).toBe(302);
    const url = created.headers.get("location")!;
    const id = url.split("/").at(-1)!;
    const organiser = await person({ role: "organiser" });
    await organiser.client.post(url, { intent: "feature" });

    const reader = await person();
    const library = () => reader.client.page("/resources").then((p) => visibleText(p.html));
    expect(await library()).toContain("A misleading visa guide");
    const page = (await reader.client.page(url)).html;
    expect(page).toContain(`href="/report?type=resource&amp;id=${id}&amp;redirectTo=%2Fresources%2F${id}"`);
    expect((await uploader.client.page(url)).html).not.toContain("/report?type=resource");
    expect((await reader.client.get(`${url}/file`)).status).toBe(200);

    const sent = await reader.client.post("/report", { targetType: "resource", targetId: id, reason: "The visa advice is wrong", redirectTo: url });
    expect(sent.status).toBe(303);
    const queue = visibleText((await organiser.client.page("/admin/moderation")).html);
    expect(queue).toContain("A misleading visa guide");
    expect(queue).toContain("The visa advice is wrong");
    const noReason = await organiser.client.post("/admin/moderation", { intent: "decide", targetType: "resource", targetId: id, decision: "hide", reason: "" });
    expect(noReason.status).toBe(400);
    expect((await prisma.resource.findUniqueOrThrow({ where: { id } })).hiddenAt).toBeNull();
    expect((await organiser.client.post("/admin/moderation", { intent: "decide", targetType: "resource", targetId: id, decision: "hide", reason: "Outdated and wrong visa advice" })).status).toBe(302);

    expect(await library()).not.toContain("A misleading visa guide");
    expect(visibleText((await reader.client.page("/resources?tag=visas")).html)).not.toContain("A misleading visa guide");
    expect((await reader.client.get(url)).status).toBe(404);
    expect((await new TestClient(baseUrl).get(url)).status).toBe(404);
    expect((await reader.client.get(`${url}/file`)).status).toBe(404);
    expect((await uploader.client.get(url)).status).toBe(404);
    expect(visibleText((await organiser.client.page(url)).html)).toContain("Hidden by a moderator: Outdated and wrong visa advice");
    expect(visibleText((await uploader.client.page("/notifications")).html)).toContain("Outdated and wrong visa advice");
    // The queue keeps it under "Hidden after reports", to restore.
    const afterHide = visibleText((await organiser.client.page("/admin/moderation")).html);
    expect(afterHide).toContain("Hidden after reports (1)");
    expect(afterHide).toContain("Restore resource: A misleading visa guide");
    // Nobody can report it again while it is hidden.
    expect(visibleText((await reader.client.page(`/report?type=resource&id=${id}`)).html)).toContain("This is no longer there.");

    expect((await organiser.client.post("/admin/moderation", { intent: "decide", targetType: "resource", targetId: id, decision: "restore", reason: "" })).status).toBe(302);
    expect(await library()).toContain("A misleading visa guide");
    expect((await reader.client.get(url)).status).toBe(200);
    expect((await reader.client.get(`${url}/file`)).status).toBe(200);
  });

  it("refuses a report of your own resource or of something that does not exist, and changes nothing", async () => {
    const uploader = await person({ role: "organiser" });
    const resource = await prisma.resource.create({ data: { title: "Own resource", body: "Text", topic: "Cultural agility", createdById: uploader.user.id } });
    const own = await uploader.client.post(`/report?type=resource&id=${resource.id}`, { targetType: "resource", targetId: resource.id, reason: "Testing myself" });
    expect(own.status).toBe(400);
    expect(visibleText(await own.text())).toContain("You cannot report your own writing");
    const member = await person();
    expect((await member.client.get("/report?type=nonsense&id=x")).status).toBe(404);
    const missing = await member.client.post("/report?type=resource&id=no-such-resource", { targetType: "resource", targetId: "no-such-resource", reason: "Gone" });
    expect(missing.status).toBe(400);
    expect(await prisma.report.count({ where: { targetType: "resource", targetId: { in: [resource.id, "no-such-resource"] } } })).toBe(0);
  });
});

describe("a moderation decision is one transaction", () => {
  /**
   * A real database failure, no mock: a trigger that refuses a notification of `kind` for
   * `userId`, on either engine. Returns what removes it.
   */
  async function refuseNotifications(userId: string, kind: string) {
    if (testContext().engine === "postgres") {
      await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_notification() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER test_refuse_notification BEFORE INSERT ON "Notification" FOR EACH ROW WHEN (NEW."userId" = '${userId}' AND NEW."kind" = '${kind}') EXECUTE FUNCTION test_refuse_notification()`,
      );
      return async () => void (await prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_notification ON "Notification"`));
    }
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_notification BEFORE INSERT ON "Notification" WHEN NEW."userId" = '${userId}' AND NEW."kind" = '${kind}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    return async () => void (await prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_notification`));
  }

  it.each([
    ["hide", "content_hidden"],
    ["suspend", "suspended"],
  ] as const)("a %s whose last step (telling the author) fails leaves nothing half-done; the same decision then goes through", async (decision, failingKind) => {
    const author = await person({ name: `Author of a ${decision}` });
    const post = await createPostRow({ authorId: author.user.id, title: `Reported post (${decision})` });
    const commenter = await person();
    expect((await commenter.client.post(`/posts/${post.id}`, { intent: "comment", body: "A comment on it." })).status).toBe(302);
    const reporter = await person();
    expect((await reporter.client.post(`/posts/${post.id}`, { intent: "report", targetType: "post", reason: "Off topic" })).status).toBe(302);
    const moderator = await person({ role: "organiser" });
    const form = { intent: "decide", targetType: "post", targetId: post.id, decision, reason: "Off topic for the network", suspendDays: "3" };
    const before = { notifications: await prisma.notification.count({ where: { userId: author.user.id } }) };
    expect(before.notifications).toBe(1); // the comment

    const restore = await refuseNotifications(author.user.id, failingKind);
    try {
      const failed = await moderator.client.post("/admin/moderation", form);
      expect(failed.status).toBe(500);
    } finally {
      await restore();
    }
    // Nothing of the decision happened: the post is readable, its report open, its notifications
    // kept, no audit entry; a suspension's account change and ended sessions are undone too.
    expect((await reporter.client.get(`/posts/${post.id}`)).status).toBe(200);
    expect(await prisma.post.findUniqueOrThrow({ where: { id: post.id }, select: { hiddenAt: true } })).toEqual({ hiddenAt: null });
    expect(await prisma.report.findMany({ where: { targetId: post.id }, select: { status: true } })).toEqual([{ status: "open" }]);
    expect(await prisma.notification.count({ where: { userId: author.user.id } })).toBe(before.notifications);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: "moderation." }, OR: [{ targetId: post.id }, { targetId: author.user.id }] } })).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: author.user.id }, select: { suspendedUntil: true } })).toEqual({ suspendedUntil: null });
    expect((await author.client.get("/settings")).status).toBe(200);

    // The same decision, without the injected failure, does all of it.
    expect((await moderator.client.post("/admin/moderation", form)).status).toBe(302);
    expect((await reporter.client.get(`/posts/${post.id}`)).status).toBe(404);
    expect(await prisma.report.findMany({ where: { targetId: post.id }, select: { status: true } })).toEqual([{ status: decision === "hide" ? "hidden" : "suspended" }]);
    expect((await prisma.notification.findMany({ where: { userId: author.user.id }, orderBy: { createdAt: "asc" }, select: { kind: true } })).map((n) => n.kind).sort()).toEqual(
      decision === "hide" ? ["content_hidden"] : ["content_hidden", "suspended"],
    );
    if (decision === "suspend") expect((await author.client.get("/settings")).status).toBe(302);
  });
});
