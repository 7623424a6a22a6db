/**
 * Scale-out as operators run it: nginx (docs/deploy/nginx.conf) in front of two app processes
 * that share one database and one Redis. Runs when Redis is reachable and nginx is installed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaQuestion, QaState } from "#app/modules/qa/events.ts";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { startMailCatcher, type MailCatcher } from "#tests/setup/mail-catcher.ts";
import { startNginx, upstreamPortOf, type Nginx } from "#tests/setup/nginx.ts";
import { BASE_DB, TMP } from "#tests/setup/paths.ts";

const dbFile = path.join(TMP, `nginx-${crypto.randomUUID()}.db`);
fs.copyFileSync(BASE_DB, dbFile);
const databaseUrl = `file:${dbFile}`;
Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", SEED_DEMO: "0" });
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const { connected, createCoffee: createLiveCoffee, createParticipant, qaSocket, request, waitUntil } = await import("#tests/factories/qa.ts");
const { createCoffee, registerDirectly } = await import("#tests/factories/coffee.ts");
const { prisma } = await import("#app/utils/db.server.ts");
type QaClient = import("#tests/factories/qa.ts").QaClient;

let mail: MailCatcher;
let apps: AppProcess[] = [];
let nginx: Nginx;
const sockets: QaClient[] = [];

beforeAll(async () => {
  mail = await startMailCatcher();
  // Both processes run the background jobs, as in production: each email must still go out once.
  const env = { REDIS_URL: redisUrl, SMTP_URL: mail.url, TRUST_PROXY: "1" };
  apps = [await startAppProcess({ name: "nginx-a", databaseUrl, env }), await startAppProcess({ name: "nginx-b", databaseUrl, env })];
  nginx = await startNginx(apps.map((a) => a.port));
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await nginx?.stop();
  await Promise.all(apps.map((a) => a.stop()));
  await mail?.close();
  await prisma.$disconnect();
});

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

    const stored = await prisma.qaQuestion.findMany({ where: { coffeeId: coffee.id }, select: { id: true } });
    expect(stored).toHaveLength(20);
    await waitUntil(() => views.every((v) => v.questions.size === 20), { timeout: 10_000, what: "all 20 questions on every client" });
    for (const v of views) expect([...v.questions.keys()].sort()).toEqual(stored.map((q) => q.id).sort());
    expect(await upstreamPortOf(nginx.url)).toBe(survivor.port);
    apps = apps.filter((a) => a !== victim);
  });

  it("sends each invite and each reminder exactly once while both processes run the jobs", async () => {
    // Start both processes' jobs on work that is already due: registrations made an hour ago for a
    // session in 30 minutes, with a reminder 60 minutes before.
    const coffee = await createCoffee({ startsAt: new Date(Date.now() + 30 * 60_000), reminderOffsets: "60" });
    const people = await Promise.all(Array.from({ length: 8 }, () => createParticipant()));
    for (const p of people) await registerDirectly(coffee.id, p.user.id, "registered", new Date(Date.now() - 60 * 60_000));
    const remindersFor = (email: string) => mail.messages.filter((m) => m.to.includes(email) && /reminder|starts/i.test(m.subject));
    await waitUntil(() => people.every((p) => remindersFor(p.user.email).length >= 1), { timeout: 90_000, what: "a reminder for everyone" });
    await new Promise((r) => setTimeout(r, 3_000)); // room for a duplicate to arrive, if there were one
    for (const p of people) expect(remindersFor(p.user.email), p.user.email).toHaveLength(1);
    const claims = await prisma.coffeeReminderClaim.count({ where: { registration: { coffeeId: coffee.id } } });
    expect(claims).toBe(8);
  });
});
