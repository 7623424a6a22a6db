/**
 * Scale-out: two app processes (production build) on the same database and the same Redis serve
 * one Morning Coffee. Runs when Redis is reachable (tests/run.ts); TEST_REDIS_URL overrides the address.
 */
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

const { collect, connected, createCoffee, createParticipant, qaSocket, request, waitUntil } = await import("#tests/factories/qa.ts");
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
