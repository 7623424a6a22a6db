/**
 * Scale-out as operators run it: nginx (docs/deploy/nginx.conf) in front of two app processes
 * that share one PostgreSQL database and one Redis. Runs when Redis and PostgreSQL are reachable
 * and nginx is installed (tests/run.ts). The database is new for each run, copied from the scale
 * project's migrated template (tests/setup/global-setup-scale.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaQuestion, QaState } from "#app/modules/qa/events.ts";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { startMailCatcher, type MailCatcher } from "#tests/setup/mail-catcher.ts";
import { startNginx, upstreamPortOf, type Nginx } from "#tests/setup/nginx.ts";
import { createTestDatabase, dropDatabase, PG_SCALE_TEMPLATE, postgresUrl } from "#tests/setup/postgres.ts";

const database = await createTestDatabase("mieux_pg_nginx_", PG_SCALE_TEMPLATE);
const databaseUrl = postgresUrl(database);
Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "4", LOG_LEVEL: "silent", SEED_DEMO: "0" });
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const { collect, connected, createCoffee: createLiveCoffee, createParticipant, qaSocket, request, waitUntil } = await import("#tests/factories/qa.ts");
const { createCoffee, registerDirectly } = await import("#tests/factories/coffee.ts");
const { TestClient } = await import("#tests/setup/http-client.ts");
const { prisma } = await import("#app/utils/db.server.ts");
type QaClient = import("#tests/factories/qa.ts").QaClient;

let mail: MailCatcher;
let apps: AppProcess[] = [];
let nginx: Nginx;
const sockets: QaClient[] = [];
/** Reminders already due when both processes start: their first job passes race for them. */
let dueReminders: { coffeeId: string; emails: string[] };

beforeAll(async () => {
  mail = await startMailCatcher();
  // Registrations made an hour ago for a session in 30 minutes, with a reminder 60 minutes before.
  const coffee = await createCoffee({ startsAt: new Date(Date.now() + 30 * 60_000), reminderOffsets: "60" });
  const people = await Promise.all(Array.from({ length: 8 }, () => createParticipant()));
  for (const p of people) await registerDirectly(coffee.id, p.user.id, "registered", new Date(Date.now() - 60 * 60_000));
  dueReminders = { coffeeId: coffee.id, emails: people.map((p) => p.user.email) };
  // Both processes run the background jobs, as in production: each email must still go out once.
  const env = { REDIS_URL: redisUrl, SMTP_URL: mail.url, TRUST_PROXY: "1", DATABASE_POOL_SIZE: "8" };
  apps = await Promise.all([startAppProcess({ name: "nginx-a", databaseUrl, env }), startAppProcess({ name: "nginx-b", databaseUrl, env })]);
  nginx = await startNginx(apps.map((a) => a.port));
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await nginx?.stop();
  await Promise.all(apps.map((a) => a.stop()));
  await mail?.close();
  await prisma.$disconnect();
  await dropDatabase(database);
});

async function joinOn(url: string, cookie: string, sessionId: string) {
  const socket = qaSocket(url, cookie);
  sockets.push(socket);
  await connected(socket);
  expect(await request(socket, "qa:join", { sessionId })).toMatchObject({ ok: true });
  return socket;
}

/** What the browser hook does: keep every question seen, re-join when the connection was not recovered. */
function follow(socket: QaClient, sessionId: string) {
  const view = { questions: new Map<string, QaQuestion>(), joins: 0 };
  socket.on("connect", () => {
    if (socket.recovered) return;
    void request(socket, "qa:join", { sessionId }).then((ack) => {
      if (!ack.ok) return;
      view.joins++;
      for (const q of (ack as unknown as { state: QaState }).state.questions) view.questions.set(q.id, q);
    });
  });
  socket.on("qa:question", (q) => view.questions.set(q.id, q));
  return view;
}

describe("two processes behind nginx", () => {
  it("serves pages and live Q&A through the load balancer", async () => {
    const res = await fetch(`${nginx.url}/sessions`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Morning Coffee");
    const coffee = await createLiveCoffee();
    const { cookie } = await createParticipant();
    const socket = qaSocket(nginx.url, cookie);
    sockets.push(socket);
    await connected(socket);
    expect(await request(socket, "qa:join", { sessionId: coffee.id })).toMatchObject({ ok: true });
  });

  it("delivers a question asked on one process to clients on the other, and votes on both converge to the stored count", async () => {
    const [a, b] = apps;
    const coffee = await createLiveCoffee();
    const asker = await createParticipant();
    const onA = await joinOn(a.url, asker.cookie, coffee.id);
    const listenerOnB = await joinOn(b.url, (await createParticipant()).cookie, coffee.id);
    const heardOnB = collect(listenerOnB, "qa:question");
    expect(await request(onA, "qa:ask", { sessionId: coffee.id, body: "Asked on A, heard on B" })).toMatchObject({ ok: true });
    await waitUntil(() => heardOnB.items.length === 1, { what: "the question on B" });
    expect(heardOnB.items[0].body).toBe("Asked on A, heard on B");
    const questionId = heardOnB.items[0].id;

    // Ten voters on each process vote at once; everyone sees the count the database holds.
    const countsOnA = collect(onA, "qa:votes");
    const countsOnB = collect(listenerOnB, "qa:votes");
    const voters = await Promise.all(Array.from({ length: 20 }, () => createParticipant()));
    const voterSockets = await Promise.all(voters.map((v, i) => joinOn(i % 2 ? b.url : a.url, v.cookie, coffee.id)));
    const acks = await Promise.all(voterSockets.map((s) => request(s, "qa:vote", { questionId, value: 1 })));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const stored = await prisma.qaQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { voteCount: true } });
    expect(stored.voteCount).toBe(20);
    expect(await prisma.qaVote.count({ where: { questionId } })).toBe(20);
    const last = (c: typeof countsOnA) => c.items.filter((v) => questionId in v.counts).at(-1)?.counts[questionId];
    await waitUntil(() => last(countsOnA) === 20 && last(countsOnB) === 20, { timeout: 10_000, what: "the stored count on both processes" });
  });

  it("holds a rate limit hit on one process on the other", async () => {
    const [a, b] = apps;
    const coffee = await createLiveCoffee();
    const { cookie } = await createParticipant();
    const onA = await joinOn(a.url, cookie, coffee.id);
    const onB = await joinOn(b.url, cookie, coffee.id);
    // 9 events per 3 s per person: 2 joins and 7 questions on A use them up.
    const fromA = [];
    for (let i = 0; i < 7; i++) fromA.push(await request(onA, "qa:ask", { sessionId: coffee.id, body: `From A number ${i}` }));
    expect(fromA.every((r) => r.ok)).toBe(true);
    expect(await request(onA, "qa:ask", { sessionId: coffee.id, body: "One too many on A" })).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(await request(onB, "qa:ask", { sessionId: coffee.id, body: "Then straight to B" })).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(await prisma.qaQuestion.count({ where: { coffeeId: coffee.id } })).toBe(7);
  });

  it("sends each reminder exactly once while both processes run the jobs", async () => {
    const remindersFor = (email: string) => mail.messages.filter((m) => m.to.includes(email) && /reminder|starts/i.test(m.subject));
    await waitUntil(() => dueReminders.emails.every((e) => remindersFor(e).length >= 1), { timeout: 30_000, what: "a reminder for everyone" });
    await new Promise((r) => setTimeout(r, 3_000)); // room for a duplicate to arrive, if there were one
    for (const email of dueReminders.emails) expect(remindersFor(email), email).toHaveLength(1);
    const claims = await prisma.coffeeReminderClaim.count({ where: { registration: { coffeeId: dueReminders.coffeeId } } });
    expect(claims).toBe(dueReminders.emails.length);
  });

  it("sends each invite exactly once while both processes queue and deliver mail", async () => {
    const coffee = await createCoffee();
    const people = await Promise.all(Array.from({ length: 8 }, () => createParticipant()));
    // nginx keeps one client address on one process (hash $remote_addr): half register through
    // nginx, half straight on the other process, so both queue invites and both outbox workers run.
    const viaNginx = await upstreamPortOf(nginx.url);
    const other = apps.find((a) => a.port !== viaNginx)!;
    await Promise.all(
      people.map(async (p, i) => {
        const client = new TestClient(i % 2 ? other.url : nginx.url);
        const [name, ...value] = p.cookie.split("=");
        client.cookies.set(name, value.join("="));
        expect((await client.post(`/sessions/${coffee.slug}`, { intent: "register" })).status).toBe(302);
      }),
    );
    expect(await prisma.coffeeRegistration.count({ where: { coffeeId: coffee.id, status: "registered" } })).toBe(8);
    const invitesFor = (email: string) => mail.messages.filter((m) => m.to.includes(email) && m.calendars.some((c) => c.method === "REQUEST"));
    await waitUntil(() => people.every((p) => invitesFor(p.user.email).length >= 1), { timeout: 30_000, what: "an invite for everyone" });
    await new Promise((r) => setTimeout(r, 3_000)); // room for a duplicate to arrive, if there were one
    for (const p of people) expect(invitesFor(p.user.email), p.user.email).toHaveLength(1);
  });

  it("moves the clients of a killed process to the other one, and they miss no question", async () => {
    const coffee = await createLiveCoffee();
    const listeners = await Promise.all(Array.from({ length: 12 }, () => createParticipant()));
    const victimPort = await upstreamPortOf(nginx.url);
    const victim = apps.find((a) => a.port === victimPort)!;
    const survivor = apps.find((a) => a !== victim)!;
    expect(victim).toBeDefined();

    const clients = listeners.map((l) => qaSocket(nginx.url, l.cookie));
    sockets.push(...clients);
    const views = clients.map((s) => follow(s, coffee.id));
    await waitUntil(() => views.every((v) => v.joins === 1), { timeout: 15_000, what: "everyone to join through nginx" });

    // Questions keep coming from someone on the other process, before, during and after the kill.
    const asker = await createParticipant();
    const askerSocket = qaSocket(survivor.url, asker.cookie);
    sockets.push(askerSocket);
    await connected(askerSocket);
    await request(askerSocket, "qa:join", { sessionId: coffee.id });
    let n = 0;
    // One question every 400 ms: under the per-person limit of about 3 events a second.
    const ask = async () => {
      expect(await request(askerSocket, "qa:ask", { sessionId: coffee.id, body: `Question number ${++n} under load` })).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 400));
    };
    for (let i = 0; i < 5; i++) await ask();
    await waitUntil(() => views.every((v) => v.questions.size === 5), { what: "the first questions everywhere" });

    process.kill(victim.pid, "SIGKILL");
    for (let i = 0; i < 10; i++) await ask();
    await waitUntil(() => views.every((v) => v.joins >= 2), { timeout: 30_000, what: "everyone to come back through nginx" });
    for (let i = 0; i < 5; i++) await ask();

    const stored = await prisma.qaQuestion.findMany({ where: { coffeeId: coffee.id }, select: { id: true, body: true } });
    expect(stored).toHaveLength(20);
    await waitUntil(() => views.every((v) => v.questions.size === 20), { timeout: 10_000, what: "all 20 questions on every client" }).catch((error: Error) => {
      const missing = views.map((v) => stored.filter((q) => !v.questions.has(q.id)).map((q) => q.body.replace(/\D+/g, " ").trim()).join(",") || "none");
      throw new Error(`${error.message}; missing per client: ${missing.join(" | ")}`);
    });
    for (const v of views) expect([...v.questions.keys()].sort()).toEqual(stored.map((q) => q.id).sort());
    expect(await upstreamPortOf(nginx.url)).toBe(survivor.port);
    apps = apps.filter((a) => a !== victim);
  });
});
