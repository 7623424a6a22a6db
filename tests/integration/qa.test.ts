import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { QaQuestion, QaState } from "#app/modules/qa/events.ts";
import { prisma } from "#app/utils/db.server.ts";
import { collect, connected, createCoffee, createParticipant, designate, qaSocket, request, waitUntil, type QaClient } from "#tests/factories/qa.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
const open: QaClient[] = [];

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});

async function join(cookie: string | undefined, sessionId: string) {
  const socket = qaSocket(baseUrl, cookie);
  open.push(socket);
  await connected(socket);
  const ack = await request(socket, "qa:join", { sessionId });
  return { socket, ack, state: (ack as { state?: QaState }).state };
}

const question = (ack: unknown) => (ack as { question: QaQuestion }).question;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("joining a session's Q&A", () => {
  it("accepts the slug, answers with the id, and refuses people who are not verified members", async () => {
    const coffee = await createCoffee();
    const { cookie } = await createParticipant();
    const { ack, state } = await join(cookie, coffee.slug);
    expect(ack.ok).toBe(true);
    expect(state!.session.id).toBe(coffee.id);
    expect(state!.session.phase).toBe("live");
    expect(state!.role).toBe("member");

    const anonymous = await join(undefined, coffee.id);
    expect(anonymous.ack).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    const unverified = await createParticipant({ verified: false });
    expect((await join(unverified.cookie, coffee.id)).ack).toMatchObject({ ok: false, error: { code: "unverified" } });
    expect((await join(cookie, "no-such-session")).ack).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refuses a handshake from a foreign Origin", async () => {
    const { cookie } = await createParticipant();
    const socket = qaSocket(baseUrl, cookie, { origin: "https://evil.example" });
    open.push(socket);
    socket.io.reconnection(false);
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toMatch(/websocket error|Origin not allowed/i);
    expect(socket.connected).toBe(false);
  });
});

describe("asking and anonymity", () => {
  it("delivers a new question to everyone, hiding an anonymous author from all but organisers", async () => {
    const coffee = await createCoffee();
    const asker = await createParticipant({ name: "Ana Ionescu", country: "RO", institution: "General Inspectorate for Immigration" });
    const member = await createParticipant();
    const moderator = await createParticipant({ name: "Designated Moderator" });
    const organiser = await createParticipant({ role: "organiser" });
    await designate(coffee.id, moderator.user.id, "moderator");

    const a = await join(asker.cookie, coffee.id);
    const m = await join(member.cookie, coffee.id);
    const mod = await join(moderator.cookie, coffee.id);
    const org = await join(organiser.cookie, coffee.id);
    expect(mod.state!.role).toBe("moderator");
    expect(org.state!.role).toBe("organiser");
    const seen = [m, mod, org].map((x) => collect(x.socket, "qa:question"));

    const named = await request(a.socket, "qa:ask", { sessionId: coffee.id, body: "How do you measure labour-market impact?" });
    expect(named.ok).toBe(true);
    expect(question(named)).toMatchObject({ status: "approved", author: { name: "Ana Ionescu" }, anonymous: false, votes: 0, pinned: false, answer: null, sessionId: coffee.id });

    const anon = await request(a.socket, "qa:ask", { sessionId: coffee.id, body: "Is there guidance on return counselling?", anonymous: true });
    expect(question(anon).author).toBeNull();
    expect(question(anon).mine).toBe(true);

    await waitUntil(() => seen.every((s) => s.items.length === 2), { what: "both questions everywhere" });
    const [memberSaw, modSaw, orgSaw] = seen.map((s) => s.items.find((q) => q.anonymous)!);
    expect(memberSaw.author).toBeNull();
    expect(memberSaw.asker).toBeUndefined();
    expect(modSaw.author).toBeNull();
    expect(modSaw.asker).toEqual({ country: "RO", institution: null });
    expect(orgSaw.author).toEqual({ id: asker.user.id, name: "Ana Ionescu" });
    expect(orgSaw.asker).toEqual({ country: "RO", institution: "General Inspectorate for Immigration" });
    expect(seen[0].items.find((q) => !q.anonymous)!.author?.name).toBe("Ana Ionescu");

    // A fresh join (re-sync) applies the same rules.
    const again = await join(member.cookie, coffee.slug);
    expect(again.state!.questions.map((q) => q.author?.name ?? null).sort()).toEqual(["Ana Ionescu", null].sort());
  });

  it("takes questions before the session and keeps the archive read-only after it", async () => {
    const upcoming = await createCoffee({ startsAt: new Date(Date.now() + 86_400_000) });
    const past = await createCoffee({ startsAt: new Date(Date.now() - 5 * 3_600_000), durationMinutes: 60 });
    const { cookie, user } = await createParticipant();
    const before = await join(cookie, upcoming.id);
    expect(before.state!.session.phase).toBe("before");
    expect((await request(before.socket, "qa:ask", { sessionId: upcoming.id, body: "A question before we start" })).ok).toBe(true);

    const existing = await prisma.qaQuestion.create({ data: { coffeeId: past.id, authorId: user.id, body: "An archived question", status: "answered" } });
    const after = await join(cookie, past.id);
    expect(after.state!.session.phase).toBe("closed");
    expect(after.state!.questions.map((q) => q.body)).toEqual(["An archived question"]);
    expect(await request(after.socket, "qa:ask", { sessionId: past.id, body: "Too late?" })).toMatchObject({ ok: false, error: { code: "closed" } });
    expect(await request(after.socket, "qa:vote", { questionId: existing.id, value: 1 })).toMatchObject({ ok: false, error: { code: "closed" } });
  });
});

describe("pre-moderation and moderation", () => {
  it("shows pending questions only to moderators until one approves them", async () => {
    const coffee = await createCoffee({ qaMode: "moderated" });
    const asker = await createParticipant({ country: "PT" });
    const member = await createParticipant();
    const organiser = await createParticipant({ role: "organiser" });
    const a = await join(asker.cookie, coffee.id);
    const m = await join(member.cookie, coffee.id);
    const o = await join(organiser.cookie, coffee.id);
    const memberSaw = collect(m.socket, "qa:question");
    const organiserSaw = collect(o.socket, "qa:question");

    const asked = await request(a.socket, "qa:ask", { sessionId: coffee.id, body: "Pending until approved?" });
    expect(question(asked).status).toBe("pending");
    await waitUntil(() => organiserSaw.items.length === 1, { what: "the moderator to see the pending question" });
    expect(organiserSaw.items[0]).toMatchObject({ status: "pending", asker: { country: "PT" } });
    await sleep(200);
    expect(memberSaw.items).toHaveLength(0);
    expect((await join(member.cookie, coffee.id)).state!.questions).toHaveLength(0);
    // The asker sees their own question waiting, nobody else does.
    expect((await join(asker.cookie, coffee.id)).state!.questions.map((q) => q.status)).toEqual(["pending"]);
    // Others cannot vote on it, or even learn it exists.
    expect(await request(m.socket, "qa:vote", { questionId: question(asked).id, value: 1 })).toMatchObject({ ok: false, error: { code: "not_found" } });

    expect(await request(m.socket, "qa:moderate", { questionId: question(asked).id, action: "approve" })).toMatchObject({ ok: false });
    const approved = await request(o.socket, "qa:moderate", { questionId: question(asked).id, action: "approve" });
    expect(question(approved).status).toBe("approved");
    await waitUntil(() => memberSaw.items.length === 1, { what: "the approved question to reach members" });
    expect(memberSaw.items[0]).toMatchObject({ id: question(asked).id, status: "approved" });

    const removed = collect(m.socket, "qa:removed");
    expect((await request(o.socket, "qa:moderate", { questionId: question(asked).id, action: "hide" })).ok).toBe(true);
    await waitUntil(() => removed.items.length === 1, { what: "qa:removed" });
    expect(removed.items[0]).toEqual({ questionId: question(asked).id });

    const audit = await prisma.auditLog.findMany({ where: { targetId: question(asked).id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["qa.approve", "qa.hide"]);
    expect(audit[0].actorId).toBe(organiser.user.id);
  });

  it("lets moderators pin one question at a time, speakers answer, and members do neither", async () => {
    const coffee = await createCoffee();
    const member = await createParticipant();
    const moderator = await createParticipant();
    const speaker = await createParticipant({ name: "Speaker Person" });
    await designate(coffee.id, moderator.user.id, "moderator");
    await designate(coffee.id, speaker.user.id, "speaker");
    const m = await join(member.cookie, coffee.id);
    const mod = await join(moderator.cookie, coffee.id);
    const sp = await join(speaker.cookie, coffee.id);
    expect(sp.state!.role).toBe("speaker");
    const pins = collect(m.socket, "qa:pinned");

    const q1 = question(await request(m.socket, "qa:ask", { sessionId: coffee.id, body: "First question" }));
    const q2 = question(await request(m.socket, "qa:ask", { sessionId: coffee.id, body: "Second question" }));

    expect(await request(m.socket, "qa:moderate", { questionId: q1.id, action: "pin" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await request(sp.socket, "qa:moderate", { questionId: q1.id, action: "pin" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(question(await request(mod.socket, "qa:moderate", { questionId: q1.id, action: "pin" })).pinned).toBe(true);
    expect(question(await request(mod.socket, "qa:moderate", { questionId: q2.id, action: "pin" })).pinned).toBe(true);
    await waitUntil(() => pins.items.length === 2, { what: "two qa:pinned" });
    expect(pins.items.map((p) => p.questionId)).toEqual([q1.id, q2.id]);
    expect(await prisma.qaQuestion.count({ where: { coffeeId: coffee.id, pinned: true } })).toBe(1);

    expect(await request(m.socket, "qa:answer", { questionId: q2.id, body: "I know this" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const answered = await request(sp.socket, "qa:answer", { questionId: q2.id, body: "We publish an evaluation each year." });
    expect(question(answered)).toMatchObject({ status: "answered", answer: "We publish an evaluation each year." });
    expect(await request(mod.socket, "qa:moderate", { questionId: q2.id, action: "approve" })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(question(await request(mod.socket, "qa:moderate", { questionId: q2.id, action: "reopen" })).status).toBe("approved");
    expect(await prisma.auditLog.count({ where: { targetId: q2.id } })).toBe(3);
  });
});

describe("votes", () => {
  it("counts one vote per member, coalesces broadcasts and converges to the database", async () => {
    const coffee = await createCoffee();
    const watcher = await createParticipant();
    const w = await join(watcher.cookie, coffee.id);
    const q = question(await request(w.socket, "qa:ask", { sessionId: coffee.id, body: "Vote for me" }));
    const broadcasts = collect(w.socket, "qa:votes");

    const voters = await Promise.all(Array.from({ length: 12 }, () => createParticipant()));
    const sockets = await Promise.all(voters.map((v) => join(v.cookie, coffee.id)));
    const started = Date.now();
    const acks = await Promise.all(sockets.map((s) => request(s.socket, "qa:vote", { questionId: q.id, value: 1 })));
    expect(acks.every((a) => a.ok)).toBe(true);
    // Voting twice does not count twice; withdrawing does.
    expect(await request(sockets[0].socket, "qa:vote", { questionId: q.id, value: 1 })).toMatchObject({ ok: true, votes: 12 });
    expect(await request(sockets[1].socket, "qa:vote", { questionId: q.id, value: 0 })).toMatchObject({ ok: true, votes: 11 });
    expect(await request(sockets[2].socket, "qa:vote", { questionId: q.id, value: 0 })).toMatchObject({ ok: true, votes: 10 });

    const truth = await prisma.qaVote.count({ where: { questionId: q.id } });
    expect(truth).toBe(10);
    expect((await prisma.qaQuestion.findUniqueOrThrow({ where: { id: q.id } })).voteCount).toBe(10);
    await waitUntil(() => broadcasts.items.at(-1)?.counts[q.id] === truth, { what: "the last broadcast to equal the database" });
    const elapsed = Date.now() - started;
    // 15 votes, but at most one broadcast per 250 ms window (plus one).
    expect(broadcasts.items.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    expect(broadcasts.items.length).toBeLessThan(15);
    expect((await join(voters[0].cookie, coffee.id)).state!.myVotes).toEqual([q.id]);
    expect((await join(voters[1].cookie, coffee.id)).state!.myVotes).toEqual([]);
  });
});

describe("limits and bad input", () => {
  it("answers too many events with a rate-limit error and oversize questions with a clear error", async () => {
    const coffee = await createCoffee();
    const { cookie } = await createParticipant();
    const { socket } = await join(cookie, coffee.id);
    const long = await request(socket, "qa:ask", { sessionId: coffee.id, body: "x".repeat(501) });
    expect(long).toMatchObject({ ok: false, error: { code: "too_long" } });
    if (!long.ok) expect(long.error.message).toMatch(/at most 500 characters/);
    const acks = await Promise.all(Array.from({ length: 12 }, (_, i) => request(socket, "qa:ask", { sessionId: coffee.id, body: `Question ${i}` })));
    const limited = acks.filter((a) => !a.ok && a.error.code === "rate_limited");
    expect(limited.length).toBeGreaterThan(0);
    if (!limited[0].ok) expect(limited[0].error.message).toMatch(/too fast/);
    // 10 points per 3 s in total (1 oversize + 8 accepted): nothing over the limit was written.
    expect(await prisma.qaQuestion.count({ where: { coffeeId: coffee.id } })).toBe(12 - limited.length);
    expect(12 - limited.length).toBeLessThanOrEqual(8);
  });

  it("answers malformed payloads with an error ack and keeps serving", async () => {
    const coffee = await createCoffee();
    const { cookie } = await createParticipant();
    const { socket } = await join(cookie, coffee.id);
    const raw = socket.timeout(3000) as unknown as { emitWithAck(e: string, ...p: unknown[]): Promise<{ ok: boolean; error?: { code: string } }> };
    for (const payload of ["garbage", null, 42, [], { questionId: 5, value: 1 }, { questionId: "x", value: 2 }]) {
      const ack = await raw.emitWithAck("qa:vote", payload);
      expect(ack).toMatchObject({ ok: false, error: { code: "invalid" } });
    }
    const second = await createParticipant();
    const raw2 = (await join(second.cookie, coffee.id)).socket.timeout(3000) as unknown as typeof raw;
    expect(await raw2.emitWithAck("qa:ask", { sessionId: coffee.id, body: { $gt: "" } })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await raw2.emitWithAck("qa:moderate", { questionId: "x", action: "delete" })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await raw2.emitWithAck("qa:ask", { sessionId: coffee.id, body: "fine", extra: true })).toMatchObject({ ok: false, error: { code: "invalid" } });
    // No acknowledgement callback at all: nothing breaks.
    (socket as unknown as { emit(e: string, p: unknown): void }).emit("qa:ask", { sessionId: coffee.id, body: "no ack" });
    const other = await createParticipant();
    const again = await join(other.cookie, coffee.id);
    expect(again.ack.ok).toBe(true);
    expect(socket.connected).toBe(true);
  });
});

describe("presence and leaving", () => {
  it("counts the people in a session and stops sending to someone who left", async () => {
    const coffee = await createCoffee();
    const [one, two, asker] = await Promise.all([createParticipant(), createParticipant(), createParticipant()]);
    const a = await join(one.cookie, coffee.id);
    const presence = collect(a.socket, "qa:presence");
    const b = await join(two.cookie, coffee.slug);
    await waitUntil(() => presence.items.at(-1)?.count === 2, { what: "a presence count of 2" });
    expect(presence.items.at(-1)).toEqual({ sessionId: coffee.id, count: 2 });

    const seen = collect(b.socket, "qa:question");
    expect(await request(b.socket, "qa:leave", { sessionId: coffee.slug })).toEqual({ ok: true });
    await waitUntil(() => presence.items.at(-1)?.count === 1, { what: "a presence count of 1" });
    const c = await join(asker.cookie, coffee.id);
    await request(c.socket, "qa:ask", { sessionId: coffee.id, body: "Only for those still here" });
    await sleep(200);
    expect(seen.items).toHaveLength(0);
  });
});

describe("reconnecting", () => {
  it("recovers a dropped connection without missing a question asked meanwhile", async () => {
    const coffee = await createCoffee();
    const listener = await createParticipant();
    const asker = await createParticipant();
    const l = await join(listener.cookie, coffee.id);
    const a = await join(asker.cookie, coffee.id);
    const seen = collect(l.socket, "qa:question");
    await request(a.socket, "qa:ask", { sessionId: coffee.id, body: "Before the drop" });
    await waitUntil(() => seen.items.length === 1);

    const reconnected = new Promise<void>((resolve) => l.socket.once("connect", () => resolve()));
    l.socket.io.engine.close(); // the network drops; the client reconnects by itself
    await request(a.socket, "qa:ask", { sessionId: coffee.id, body: "While you were away" });
    await reconnected;
    expect(l.socket.recovered).toBe(true);
    await waitUntil(() => seen.items.length === 2, { what: "the missed question after recovery" });
    expect(seen.items.map((q) => q.body)).toEqual(["Before the drop", "While you were away"]);
  });
});
