/**
 * Scale-out: two app processes (production build) on the same database and the same Redis serve
 * one Morning Coffee. Runs when Redis is reachable (tests/run.ts); TEST_REDIS_URL overrides the address.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { BASE_DB, TMP } from "#tests/setup/paths.ts";

// This project has no per-file test environment: give this file its own copy of the migrated database.
const dbFile = path.join(TMP, `scale-${crypto.randomUUID()}.db`);
fs.copyFileSync(BASE_DB, dbFile);
Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "silent", SEED_DEMO: "0" });
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const { collect, connected, createCoffee, createParticipant, qaSocket, request, sessionCookie, waitUntil } = await import("#tests/factories/qa.ts");
const { createUser, logInAs, TEST_PASSWORD } = await import("#tests/factories/users.ts");
const { TestClient } = await import("#tests/setup/http-client.ts");
type QaClient = import("#tests/factories/qa.ts").QaClient;

let a: AppProcess;
let b: AppProcess;
const sockets: QaClient[] = [];

beforeAll(async () => {
  const env = { REDIS_URL: redisUrl, JOBS: "0", SMTP_URL: "smtp://127.0.0.1:1" };
  a = await startAppProcess({ name: "scale-a", databaseUrl: `file:${dbFile}`, env });
  b = await startAppProcess({ name: "scale-b", databaseUrl: `file:${dbFile}`, env });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([a?.stop(), b?.stop()]);
  const { prisma } = await import("#app/utils/db.server.ts");
  await prisma.$disconnect();
});

async function joinOn(app: AppProcess, cookie: string, sessionId: string) {
  const socket = qaSocket(app.url, cookie);
  sockets.push(socket);
  await connected(socket);
  const ack = await request(socket, "qa:join", { sessionId });
  expect(ack.ok).toBe(true);
  return socket;
}

describe("two app processes behind one Redis", () => {
  it("delivers questions, votes and presence to clients connected to the other process", async () => {
    const coffee = await createCoffee();
    const asker = await createParticipant();
    const listener = await createParticipant();
    const voter = await createParticipant();
    const onA = await joinOn(a, asker.cookie, coffee.id);
    const onB = await joinOn(b, listener.cookie, coffee.id);
    const questions = collect(onB, "qa:question");
    const presence = collect(onA, "qa:presence");

    const asked = await request(onA, "qa:ask", { sessionId: coffee.id, body: "Asked on A, read on B" });
    expect(asked.ok).toBe(true);
    await waitUntil(() => questions.items.length === 1, { what: "the question on the other process" });
    expect(questions.items[0].body).toBe("Asked on A, read on B");

    const votesOnA = collect(onA, "qa:votes");
    const voterOnB = await joinOn(b, voter.cookie, coffee.id);
    const questionId = questions.items[0].id;
    expect(await request(voterOnB, "qa:vote", { questionId, value: 1 })).toMatchObject({ ok: true, votes: 1 });
    await waitUntil(() => votesOnA.items.some((v) => v.counts[questionId] === 1), { what: "the vote count on the other process" });

    // Three sockets in the room, two on B and one on A: A's clients hear the total.
    await waitUntil(() => presence.items.at(-1)?.count === 3, { timeout: 15_000, what: "presence counted across processes" });
  });

  it("shares each person's rate limit between the processes", async () => {
    const coffee = await createCoffee();
    const { cookie } = await createParticipant();
    const onA = await joinOn(a, cookie, coffee.id);
    const onB = await joinOn(b, cookie, coffee.id);
    const fromA = [];
    for (let i = 0; i < 5; i++) fromA.push(await request(onA, "qa:ask", { sessionId: coffee.id, body: `From A ${i}` }));
    const fromB = [];
    for (let i = 0; i < 5; i++) fromB.push(await request(onB, "qa:ask", { sessionId: coffee.id, body: `From B ${i}` }));
    // 9 events per 3 s per person: 2 joins + 10 questions exceed it, whichever process they reach.
    expect(fromA.every((r) => r.ok)).toBe(true);
    const limited = fromB.filter((r) => !r.ok && r.error.code === "rate_limited");
    expect(limited.length).toBeGreaterThanOrEqual(3);
  });
});

/** Runs `npm run cli -- …` as an operator would, against the same database and Redis. */
function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, REDIS_URL: redisUrl, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("a session's end or a role change on one process reaches sockets on the other", () => {
  /** An organiser logged in on A, listening on B (passive), and a member asking anonymously on A. */
  async function organiserListeningOnB() {
    const coffee = await createCoffee();
    const organiser = await createUser({ role: "organiser" });
    const client = new TestClient(a.url);
    await logInAs(client, organiser);
    const cookie = client.cookieHeader();
    const socket = qaSocket(b.url, cookie);
    socket.io.reconnection(false);
    sockets.push(socket);
    const reasons: string[] = [];
    socket.on("disconnect", (reason) => reasons.push(reason));
    await connected(socket);
    expect(await request(socket, "qa:join", { sessionId: coffee.id })).toMatchObject({ ok: true, state: { role: "organiser" } });
    const asker = await createParticipant({ name: "Ana Ionescu" });
    const askerOnA = await joinOn(a, asker.cookie, coffee.id);
    const heard = collect(socket, "qa:question");
    const ask = (body: string) => request(askerOnA, "qa:ask", { sessionId: coffee.id, body, anonymous: true });
    await ask("Before the change");
    await waitUntil(() => heard.items.length === 1, { what: "the question on B" });
    expect(heard.items[0].author?.name).toBe("Ana Ionescu");
    const endedOnB = () => waitUntil(() => reasons.includes("io server disconnect"), { what: "B to end the socket" });
    /** A new socket on B with the same cookie: refused, or joined in the role the account has now. */
    const rejoin = async () => {
      const again = qaSocket(b.url, cookie);
      sockets.push(again);
      await connected(again);
      return { socket: again, ack: await request(again, "qa:join", { sessionId: coffee.id }) };
    };
    return { coffee, organiser, client, heard, ask, endedOnB, rejoin };
  }

  it("log-out on A", async () => {
    const s = await organiserListeningOnB();
    expect((await s.client.post("/logout", {})).status).toBe(302);
    await s.endedOnB();
    expect((await s.rejoin()).ack).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("sign-out everywhere on A", async () => {
    const s = await organiserListeningOnB();
    expect((await s.client.post("/settings/sessions", { intent: "everywhere" })).status).toBe(302);
    await s.endedOnB();
    expect((await s.rejoin()).ack).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("account deletion on A", async () => {
    const s = await organiserListeningOnB();
    expect((await s.client.post("/settings/privacy", { confirm: "DELETE", password: TEST_PASSWORD })).status).toBe(302);
    await s.endedOnB();
    expect((await s.rejoin()).ack).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("suspension from a third process (as the CLI would, through Redis)", async () => {
    const s = await organiserListeningOnB();
    const { startHeadlessSockets } = await import("#server/socket/headless.ts");
    const { suspendUser } = await import("#app/modules/admin/users.server.ts");
    const headless = await startHeadlessSockets({ REDIS_URL: redisUrl } as never);
    try {
      expect((await suspendUser(s.organiser.id, new Date(Date.now() + 86_400_000))).ok).toBe(true);
    } finally {
      await headless?.close();
    }
    await s.endedOnB();
    expect((await s.rejoin()).ack).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("role change by an admin on A, and by the CLI: the socket on B rejoins as a member", async () => {
    const s = await organiserListeningOnB();
    const admin = await createUser({ role: "admin" });
    const adminClient = new TestClient(a.url);
    await logInAs(adminClient, admin);
    expect((await adminClient.post("/admin/users", { userId: s.organiser.id, role: "member" })).status).toBe(302);
    await s.endedOnB();
    const member = await s.rejoin();
    expect(member.ack).toMatchObject({ ok: true, state: { role: "member" } });
    const heard = collect(member.socket, "qa:question");
    await s.ask("After the demotion");
    await waitUntil(() => heard.items.length === 1, { what: "the question as a member sees it" });
    expect(heard.items[0].author).toBeNull();

    // The CLI runs in its own process without a Socket.IO server; through Redis it still reaches B.
    const reasons: string[] = [];
    member.socket.on("disconnect", (reason) => reasons.push(reason));
    member.socket.io.reconnection(false);
    const result = await cli("user:role", s.organiser.email, "organiser");
    expect(result.output).toContain("is now organiser");
    expect(result.code).toBe(0);
    await waitUntil(() => reasons.includes("io server disconnect"), { what: "the CLI's change to end the socket on B" });
    expect((await s.rejoin()).ack).toMatchObject({ ok: true, state: { role: "organiser" } });
  });
});

describe("vote counts across processes", () => {
  it("shows clients on both processes the stored count, sent at most 4 times a second across the cluster", async () => {
    const coffee = await createCoffee();
    const onA = await joinOn(a, (await createParticipant()).cookie, coffee.id);
    const onB = await joinOn(b, (await createParticipant()).cookie, coffee.id);
    const asked = await request(onA, "qa:ask", { sessionId: coffee.id, body: "Which count do you see?" });
    const questionId = (asked as unknown as { question: { id: string } }).question.id;
    expect(questionId).toBeTruthy();
    const heard = [onA, onB].map((socket) => {
      const times: number[] = [];
      const counts: number[] = [];
      socket.on("qa:votes", (v) => {
        if (!(questionId in v.counts)) return;
        times.push(Date.now());
        counts.push(v.counts[questionId]);
      });
      return { times, counts };
    });

    // 40 voters, half on each process, one vote every 50 ms for 2 seconds: both processes have
    // new votes to send at every turn.
    const voters = await Promise.all(Array.from({ length: 40 }, () => createParticipant()));
    const voterSockets = await Promise.all(voters.map((v, i) => joinOn(i % 2 ? b : a, v.cookie, coffee.id)));
    const acks = await Promise.all(
      voterSockets.map(async (socket, i) => {
        await new Promise((r) => setTimeout(r, i * 50));
        return request(socket, "qa:vote", { questionId, value: 1 });
      }),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const { prisma } = await import("#app/utils/db.server.ts");
    const stored = (await prisma.qaQuestion.findUniqueOrThrow({ where: { id: questionId } })).voteCount;
    expect(stored).toBe(40);
    await waitUntil(() => heard.every((h) => h.counts.at(-1) === stored), { timeout: 10_000, what: "the stored count on both processes" });
    await new Promise((r) => setTimeout(r, 1_000)); // nothing more, nothing different, comes after it
    for (const h of heard) {
      expect(h.counts.at(-1)).toBe(stored);
      // At most one send per 250 ms for the whole cluster: n sends span at least (n − 1) × 250 ms
      // (one more allowed for delivery jitter). Each process sending on its own pace gives about twice that.
      const spanSeconds = (h.times.at(-1)! - h.times[0]) / 1000;
      expect(h.times.length, `${h.times.length} sends in ${spanSeconds} s`).toBeLessThanOrEqual(Math.floor(spanSeconds * 4) + 2);
    }
  });
});

describe("presence across processes", () => {
  it("counts one person once, however many sockets they have open on either process", async () => {
    const coffee = await createCoffee();
    const busy = await createUser();
    const cookies = await Promise.all([1, 2, 3, 4, 5].map(() => sessionCookie(busy.id)));
    const first = await joinOn(a, cookies[0], coffee.id);
    const presence = collect(first, "qa:presence");
    for (const cookie of cookies.slice(1, 3)) await joinOn(a, cookie, coffee.id);
    for (const cookie of cookies.slice(3)) await joinOn(b, cookie, coffee.id);
    const other = await createParticipant();
    await joinOn(b, other.cookie, coffee.id);
    // Five sockets of one account plus one of another: two people.
    await waitUntil(() => presence.items.at(-1)?.count === 2, { timeout: 15_000, what: "two people counted across processes" });
    expect(presence.items.every((p) => p.count <= 2)).toBe(true);
  });
});
