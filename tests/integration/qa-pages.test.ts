import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { collect, connected, createCoffee, createParticipant, qaSocket, request, waitUntil } from "#tests/factories/qa.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

/** A browser without JavaScript, logged in as a new participant. */
async function browser(overrides: Parameters<typeof createParticipant>[0] = {}) {
  const { user, cookie } = await createParticipant(overrides);
  const client = new TestClient(baseUrl);
  const [name, value] = cookie.split("=");
  client.cookies.set(name, value);
  return { user, cookie, client };
}

describe("the Q&A page without JavaScript", () => {
  it("asks and votes with plain forms, and live participants receive both", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: Azerbaijan V" });
    const asker = await browser({ name: "Lena Novak" });
    const watcher = await createParticipant();
    const socket = qaSocket(baseUrl, watcher.cookie);
    await connected(socket);
    await request(socket, "qa:join", { sessionId: coffee.id });
    const questions = collect(socket, "qa:question");
    const votes = collect(socket, "qa:votes");

    const page = await asker.client.page(`/sessions/${coffee.slug}/qa`);
    expect(page.res.status).toBe(200);
    expect(visibleText(page.html)).toContain("Q&A: Morning Coffee: Azerbaijan V");
    expect(visibleText(page.html)).toContain("No questions yet");

    const posted = await asker.client.post(`/sessions/${coffee.slug}/qa?sort=newest`, { intent: "ask", body: "What did the data-collection Action change?" });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toBe(`/sessions/${coffee.slug}/qa?sort=newest`);
    await waitUntil(() => questions.items.length === 1, { what: "the question over the socket" });
    expect(questions.items[0]).toMatchObject({ body: "What did the data-collection Action change?", author: { name: "Lena Novak" } });

    const after = await asker.client.page(`/sessions/${coffee.slug}/qa`);
    expect(visibleText(after.html)).toContain("What did the data-collection Action change?");

    const voter = await browser();
    const questionId = questions.items[0].id;
    expect((await voter.client.post(`/sessions/${coffee.slug}/qa`, { intent: "vote", questionId, value: "1" })).status).toBe(302);
    expect((await voter.client.post(`/sessions/${coffee.slug}/qa`, { intent: "vote", questionId, value: "1" })).status).toBe(302);
    expect(await prisma.qaVote.count({ where: { questionId } })).toBe(1);
    await waitUntil(() => votes.items.at(-1)?.counts[questionId] === 1, { what: "the vote count broadcast" });
    const voterHtml = (await voter.client.page(`/sessions/${coffee.slug}/qa`)).html;
    expect(visibleText(voterHtml)).toMatch(/1 vote/);
    expect(voterHtml).toContain('aria-pressed="true"');
    // Someone who has not voted sees the toggle off; the asker sees none on their own question.
    expect((await (await browser()).client.page(`/sessions/${coffee.slug}/qa`)).html).toContain('aria-pressed="false"');
    expect((await asker.client.page(`/sessions/${coffee.slug}/qa`)).html).not.toContain("aria-pressed");
    socket.disconnect();
  });

  it("sorts by top votes or by newest, pinned first, and filters by the asker's Member State for moderators", async () => {
    const coffee = await createCoffee();
    const fr = await createParticipant({ country: "FR" });
    const it_ = await createParticipant({ country: "IT" });
    const at = (m: number) => new Date(Date.now() - m * 60_000);
    await prisma.qaQuestion.createMany({
      data: [
        { coffeeId: coffee.id, authorId: fr.user.id, body: "Older but popular", voteCount: 7, createdAt: at(30) },
        { coffeeId: coffee.id, authorId: it_.user.id, body: "Newest with few votes", voteCount: 1, createdAt: at(1) },
        { coffeeId: coffee.id, authorId: it_.user.id, body: "Pinned right now", voteCount: 0, pinned: true, createdAt: at(20) },
      ],
    });
    const { client } = await browser();
    const order = (html: string) => ["Older but popular", "Newest with few votes", "Pinned right now"].sort((a, b) => html.indexOf(a) - html.indexOf(b));
    expect(order((await client.page(`/sessions/${coffee.slug}/qa`)).html)).toEqual(["Pinned right now", "Older but popular", "Newest with few votes"]);
    expect(order((await client.page(`/sessions/${coffee.slug}/qa?sort=newest`)).html)).toEqual(["Pinned right now", "Newest with few votes", "Older but popular"]);

    const organiser = await browser({ role: "organiser" });
    const filtered = visibleText((await organiser.client.page(`/sessions/${coffee.slug}/qa?state=FR`)).html);
    expect(filtered).toContain("Older but popular");
    expect(filtered).not.toContain("Newest with few votes");
    // Members cannot filter by State (they never see where askers come from).
    expect(visibleText((await client.page(`/sessions/${coffee.slug}/qa?state=FR`)).html)).toContain("Newest with few votes");
  });

  it("keeps the typed question and explains the problem when it is too long", async () => {
    const coffee = await createCoffee();
    const { client } = await browser();
    const res = await client.post(`/sessions/${coffee.slug}/qa`, { intent: "ask", body: "A".repeat(501) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(visibleText(html)).toContain("A question can be at most 500 characters");
    expect(html).toContain("A".repeat(501));
    expect(await prisma.qaQuestion.count({ where: { coffeeId: coffee.id } })).toBe(0);
  });

  it("shows pending questions only to moderators, who approve them with a form", async () => {
    const coffee = await createCoffee({ qaMode: "moderated" });
    const asker = await browser();
    const other = await browser();
    const organiser = await browser({ role: "organiser" });
    await asker.client.post(`/sessions/${coffee.slug}/qa`, { intent: "ask", body: "Awaiting a moderator", anonymous: "on" });
    expect(visibleText((await asker.client.page(`/sessions/${coffee.slug}/qa`)).html)).toContain("Only you and the moderators can see it");
    expect(visibleText((await other.client.page(`/sessions/${coffee.slug}/qa`)).html)).not.toContain("Awaiting a moderator");
    const orgPage = visibleText((await organiser.client.page(`/sessions/${coffee.slug}/qa`)).html);
    expect(orgPage).toContain("Awaiting approval (1)");
    expect(orgPage).toContain(asker.user.name);

    const q = await prisma.qaQuestion.findFirstOrThrow({ where: { coffeeId: coffee.id } });
    // A member cannot moderate through the form either.
    await other.client.post(`/sessions/${coffee.slug}/qa`, { intent: "moderate", questionId: q.id, action: "approve" });
    expect((await prisma.qaQuestion.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("pending");
    await organiser.client.post(`/sessions/${coffee.slug}/qa`, { intent: "moderate", questionId: q.id, action: "approve" });
    const otherPage = visibleText((await other.client.page(`/sessions/${coffee.slug}/qa`)).html);
    expect(otherPage).toContain("Awaiting a moderator");
    expect(otherPage).toContain("Anonymous");
    expect(otherPage).not.toContain(asker.user.name);
  });

  it("sends people who are not logged in to the log-in page and hides drafts", async () => {
    const coffee = await createCoffee();
    const res = await new TestClient(baseUrl).get(`/sessions/${coffee.slug}/qa`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
    const draft = await createCoffee({ status: "draft" });
    const { client } = await browser();
    expect((await client.get(`/sessions/${draft.slug}/qa`)).status).toBe(404);
    expect((await client.get(`/sessions/no-such-session/qa`)).status).toBe(404);
  });
});

describe("the Q&A team", () => {
  it("lets organisers designate a moderator by email, and removing them stops pending questions reaching them", async () => {
    const coffee = await createCoffee({ qaMode: "moderated" });
    const organiser = await browser({ role: "organiser" });
    const helper = await createParticipant({ email: `helper-${Date.now()}@example.org` });
    const asker = await createParticipant();

    const member = await browser();
    await member.client.post(`/sessions/${coffee.slug}/qa`, { intent: "add-team", email: helper.user.email, role: "moderator" });
    expect(await prisma.qaRole.count({ where: { coffeeId: coffee.id } })).toBe(0);

    const missing = await organiser.client.post(`/sessions/${coffee.slug}/qa`, { intent: "add-team", email: "nobody@example.org", role: "moderator" });
    expect(missing.status).toBe(400);
    expect(visibleText(await missing.text())).toContain("No member has that email address");
    expect((await organiser.client.post(`/sessions/${coffee.slug}/qa`, { intent: "add-team", email: helper.user.email, role: "moderator" })).status).toBe(302);
    expect(visibleText((await organiser.client.page(`/sessions/${coffee.slug}/qa`)).html)).toContain(`${helper.user.name} (moderator)`);

    const socket = qaSocket(baseUrl, helper.cookie);
    await connected(socket);
    expect(await request(socket, "qa:join", { sessionId: coffee.id })).toMatchObject({ ok: true, state: { role: "moderator" } });
    const seen = collect(socket, "qa:question");
    const askerSocket = qaSocket(baseUrl, asker.cookie);
    await connected(askerSocket);
    await request(askerSocket, "qa:ask", { sessionId: coffee.id, body: "First pending" });
    await waitUntil(() => seen.items.length === 1, { what: "the moderator to see the pending question" });

    const role = await prisma.qaRole.findFirstOrThrow({ where: { coffeeId: coffee.id } });
    expect((await organiser.client.post(`/sessions/${coffee.slug}/qa`, { intent: "remove-team", id: role.id })).status).toBe(302);
    await request(askerSocket, "qa:ask", { sessionId: coffee.id, body: "Second pending" });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.items.map((q) => q.body)).toEqual(["First pending"]);
    expect(await request(socket, "qa:moderate", { questionId: seen.items[0].id, action: "approve" })).toMatchObject({ ok: false });
    expect(await prisma.auditLog.count({ where: { action: { in: ["qa.role.add", "qa.role.remove"] }, targetId: helper.user.id } })).toBe(2);
    socket.disconnect();
    askerSocket.disconnect();
  });
});

describe("after the session", () => {
  it("exports questions as CSV for organisers only, and turns answered questions into a post", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: legal migration" });
    const asker = await createParticipant({ name: "Piet de Vries", country: "NL" });
    await prisma.qaQuestion.create({ data: { coffeeId: coffee.id, authorId: asker.user.id, body: "=HYPERLINK(\"x\")", status: "approved", anonymous: true } });
    const answered = await prisma.qaQuestion.create({ data: { coffeeId: coffee.id, authorId: asker.user.id, body: "How are Talent Partnerships evaluated?", status: "answered", answer: "Through **joint** reviews <script>alert(1)</script>", voteCount: 3 } });

    const member = await browser();
    expect((await member.client.get(`/sessions/${coffee.slug}/qa.csv`)).status).toBe(403);
    const organiser = await browser({ role: "organiser" });
    const csv = await organiser.client.get(`/sessions/${coffee.slug}/qa.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("id,asked_at,status,pinned,votes,anonymous,author");
    expect(text).toContain("Piet de Vries");
    expect(text).toContain("Netherlands");
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);

    // Members cannot publish.
    await member.client.post(`/sessions/${coffee.slug}/qa`, { intent: "publish", kind: "resource", questionId: answered.id });
    expect(await prisma.post.count({ where: { coffeeId: coffee.id } })).toBe(0);

    const res = await organiser.client.post(`/sessions/${coffee.slug}/qa`, { intent: "publish", kind: "resource", questionId: answered.id });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/posts\//);
    const post = await prisma.post.findFirstOrThrow({ where: { coffeeId: coffee.id } });
    expect(post).toMatchObject({ kind: "resource", sourceQuestionId: answered.id });
    const page = await member.client.page(location);
    expect(page.res.status).toBe(200);
    const seen = visibleText(page.html);
    expect(seen).toContain("How are Talent Partnerships evaluated?");
    expect(seen).toContain("Piet de Vries");
    expect(page.html).not.toContain("<script>alert(1)</script>");
    expect(await prisma.auditLog.count({ where: { action: "qa.publish", targetId: post.id } })).toBe(1);
  });
});
