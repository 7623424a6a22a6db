/**
 * Live Q&A details testers reported: bad text in payloads, moderators who also speak, upvoting
 * one's own question, telling askers about hidden questions, counting people (not sockets), and
 * the presenter screen's join code and QR code.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { QaQuestion, QaState } from "#app/modules/qa/events.ts";
import { prisma } from "#app/utils/db.server.ts";
import { collect, connected, createCoffee, createParticipant, designate, qaSocket, request, sessionCookie, waitUntil, type QaClient } from "#tests/factories/qa.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
const open: QaClient[] = [];

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});

async function join(cookie: string, sessionId: string) {
  const socket = qaSocket(baseUrl, cookie);
  open.push(socket);
  await connected(socket);
  const ack = await request(socket, "qa:join", { sessionId });
  expect(ack.ok).toBe(true);
  return { socket, state: (ack as unknown as { state: QaState }).state };
}

const question = (ack: unknown) => (ack as { question: QaQuestion }).question;

/** A client whose requests carry this cookie (a participant made by the factories). */
function browserWith(cookie: string) {
  const client = new TestClient(baseUrl);
  const [name, value] = cookie.split("=");
  client.cookies.set(name, value);
  return client;
}

describe("text in socket payloads", () => {
  it("answers a lone surrogate with a validation error and stores nothing; strips NUL and bidi overrides", async () => {
    const coffee = await createCoffee();
    const { cookie } = await createParticipant();
    const { socket } = await join(cookie, coffee.id);
    const bad = await request(socket, "qa:ask", { sessionId: coffee.id, body: "Broken \uD800 text" });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(!bad.ok && bad.error.message).toMatch(/not valid text/);
    expect(await prisma.qaQuestion.count({ where: { coffeeId: coffee.id } })).toBe(0);

    const cleaned = await request(socket, "qa:ask", { sessionId: coffee.id, body: "  Visa\u0000 rules \u202Efor researchers?\u202C " });
    expect(question(cleaned).body).toBe("Visa rules for researchers?");
    const onlyControls = await request(socket, "qa:ask", { sessionId: coffee.id, body: "\u0000\u202E" });
    expect(onlyControls).toMatchObject({ ok: false, error: { code: "invalid", message: "body: Write a question" } });
  });
});

describe("who may answer and vote", () => {
  it("a moderator who is also a speaker can answer", async () => {
    const coffee = await createCoffee();
    const both = await createParticipant();
    await designate(coffee.id, both.user.id, "moderator");
    await designate(coffee.id, both.user.id, "speaker");
    const asker = await createParticipant();
    const { state, socket } = await join(both.cookie, coffee.id);
    expect(state).toMatchObject({ role: "moderator", canAnswer: true });
    const asked = question(await request((await join(asker.cookie, coffee.id)).socket, "qa:ask", { sessionId: coffee.id, body: "What changed in 2024?" }));
    const answered = await request(socket, "qa:answer", { questionId: asked.id, body: "The new framework." });
    expect(answered).toMatchObject({ ok: true, question: { status: "answered", answer: "The new framework." } });
    // Still a moderator too.
    expect(await request(socket, "qa:moderate", { questionId: asked.id, action: "pin" })).toMatchObject({ ok: true });
  });

  it("members cannot upvote their own question; others can; the page offers no upvote on one's own", async () => {
    const coffee = await createCoffee();
    const asker = await createParticipant();
    const other = await createParticipant();
    const { socket } = await join(asker.cookie, coffee.id);
    const mine = question(await request(socket, "qa:ask", { sessionId: coffee.id, body: "My own question about circular migration" }));
    const own = await request(socket, "qa:vote", { questionId: mine.id, value: 1 });
    expect(own).toMatchObject({ ok: false, error: { code: "own_question" } });
    expect(!own.ok && own.error.message).toMatch(/cannot upvote your own question/);
    expect((await prisma.qaQuestion.findUniqueOrThrow({ where: { id: mine.id } })).voteCount).toBe(0);
    expect(await request((await join(other.cookie, coffee.id)).socket, "qa:vote", { questionId: mine.id, value: 1 })).toMatchObject({ ok: true, votes: 1 });

    const askerPage = await browserWith(asker.cookie).page(`/sessions/${coffee.slug}/qa`);
    const otherPage = await browserWith(other.cookie).page(`/sessions/${coffee.slug}/qa`);
    expect(askerPage.html).toContain("My own question about circular migration");
    expect(askerPage.html).not.toMatch(/>\s*Upvote\s*</);
    expect(otherPage.html).toMatch(/Upvote/);
  });
});

describe("hidden questions", () => {
  it("tells the asker, on every socket of theirs, that a moderator hid their question; nobody else gets the notice", async () => {
    const coffee = await createCoffee();
    const asker = await createParticipant();
    const member = await createParticipant();
    const organiser = await createParticipant({ role: "organiser" });
    const a = await join(asker.cookie, coffee.id);
    const secondTab = await join(asker.cookie, coffee.id);
    const m = await join(member.cookie, coffee.id);
    const org = await join(organiser.cookie, coffee.id);
    const notices = [a, secondTab, m].map((x) => collect(x.socket, "qa:hidden"));
    const asked = question(await request(a.socket, "qa:ask", { sessionId: coffee.id, body: "Off-topic question" }));
    expect(await request(org.socket, "qa:moderate", { questionId: asked.id, action: "hide" })).toMatchObject({ ok: true });
    await waitUntil(() => notices[0].items.length === 1 && notices[1].items.length === 1, { what: "the asker's notices" });
    expect(notices[0].items[0]).toMatchObject({ sessionId: coffee.id, questionId: asked.id, body: "Off-topic question" });
    expect(notices[0].items[0].message).toMatch(/moderator hid your question/i);
    // A later event has reached the member, and still no notice.
    const pinned = collect(m.socket, "qa:pinned");
    const other = question(await request(m.socket, "qa:ask", { sessionId: coffee.id, body: "A fine question" }));
    await request(org.socket, "qa:moderate", { questionId: other.id, action: "pin" });
    await waitUntil(() => pinned.items.length === 1, { what: "the pin" });
    expect(notices[2].items).toEqual([]);
  });
});

describe("people here", () => {
  it("counts one account's 40 sockets as one person", { timeout: 60_000 }, async () => {
    const coffee = await createCoffee();
    const busy = await createParticipant();
    const other = await createParticipant();
    const first = await join(busy.cookie, coffee.id);
    const presence = collect(first.socket, "qa:presence");
    const cookies = await Promise.all(Array.from({ length: 39 }, () => sessionCookie(busy.user.id)));
    // Joins count against the account's rate limit (9 events per 3 s): the tabs retry, as the page does on reconnect.
    for (const cookie of cookies) {
      const socket = qaSocket(baseUrl, cookie);
      open.push(socket);
      await connected(socket);
      for (;;) {
        const ack = await request(socket, "qa:join", { sessionId: coffee.id });
        if (ack.ok) break;
        expect(ack.error.code).toBe("rate_limited");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    await join(other.cookie, coffee.id);
    await waitUntil(() => presence.items.at(-1)?.count === 2, { what: "two people here" });
    expect(presence.items.every((p) => p.count <= 2)).toBe(true);
    const late = await join(other.cookie, coffee.id);
    expect(late.state.presence).toBe(2);
  });
});

describe("join code and QR code", () => {
  it("publishing a Morning Coffee gives it its join code; opening the presenter screen (a GET) never writes one", async () => {
    const draft = await createCoffee({ status: "draft" });
    const organiser = await createParticipant({ role: "organiser" });
    const client = browserWith(organiser.cookie);
    await client.page(`/sessions/${draft.slug}/present`);
    expect((await prisma.morningCoffee.findUniqueOrThrow({ where: { id: draft.id } })).joinCode).toBeNull();
    const published = await client.post(`/sessions/${draft.slug}/edit`, { intent: "publish" });
    expect(published.status).toBe(302);
    const { joinCode, status } = await prisma.morningCoffee.findUniqueOrThrow({ where: { id: draft.id } });
    expect(status).toBe("published");
    expect(joinCode).toMatch(/^[A-Z2-9]{6}$/);
    const page = await client.page(`/sessions/${draft.slug}/present`);
    expect(page.html).toContain(`data-testid="join-code">${joinCode}<`);
  });

  it("the presenter screen shows a QR code of the Q&A page and a join code that leads there", async () => {
    const coffee = await createCoffee();
    const organiser = await createParticipant({ role: "organiser" });
    // A session published before codes came with publication: opening the screen writes nothing,
    // the presenter asks for a code with a POST.
    const before = await browserWith(organiser.cookie).page(`/sessions/${coffee.slug}/present`);
    expect(before.res.status).toBe(200);
    expect(before.html).not.toContain('data-testid="join-code"');
    expect(before.html).toContain("Show a join code");
    expect((await prisma.morningCoffee.findUniqueOrThrow({ where: { id: coffee.id } })).joinCode).toBeNull();
    const made = await browserWith(organiser.cookie).post(`/sessions/${coffee.slug}/present`, {});
    expect(made.status).toBe(303);
    const page = await browserWith(organiser.cookie).page(`/sessions/${coffee.slug}/present`);
    expect(page.res.status).toBe(200);
    const code = /data-testid="join-code">([A-Z2-9]{6})</.exec(page.html)?.[1];
    expect(code).toBeDefined();
    expect(page.html).toMatch(/role="img" aria-label="QR code that opens the Q&amp;A at [^"]+\/sessions\/[^"]+\/qa"/);
    expect(page.html).toMatch(/<svg[^>]*viewBox/);
    expect(page.html).toContain(`Join code: ${code!.split("").join(" ")}`);
    // The same code on a second visit: printed slides keep working.
    const again = await browserWith(organiser.cookie).page(`/sessions/${coffee.slug}/present`);
    expect(again.html).toContain(`data-testid="join-code">${code}<`);

    const anyone = new TestClient(baseUrl);
    const direct = await anyone.request(`/j/${code}`);
    expect(direct.status).toBe(302);
    expect(direct.headers.get("location")).toBe(`/sessions/${coffee.slug}/qa`);
    const typed = await anyone.request(`/j?code=${encodeURIComponent(` ${code!.toLowerCase().slice(0, 3)}-${code!.toLowerCase().slice(3)} `)}`);
    expect(typed.headers.get("location")).toBe(`/sessions/${coffee.slug}/qa`);
    const wrong = await anyone.page("/j/ZZZZZZ");
    expect(wrong.res.status).toBe(404);
    expect(wrong.html).toContain("No Morning Coffee has the join code");
    const form = await anyone.page("/j");
    expect(form.res.status).toBe(200);
    expect(form.html).toContain("Join code");
  });
});
