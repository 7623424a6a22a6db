/**
 * The Q&A caches across processes (decision 133), shared by qa-cache-invalidation.test.ts (SQLite)
 * and qa-cache-invalidation-pg.test.ts (PostgreSQL): two app processes (production build) on one
 * database and one Redis, with every "ttl" cache kept for 10 minutes (CACHE_TTL_MS), so a client of
 * B can only see a change made through A because A's invalidation reached B, not because B's copy
 * aged out. Import it after DATABASE_URL is set: the factories write through this process's Prisma.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { connected, collect, createCoffee, createParticipant, qaSocket, request, sessionCookie, waitUntil, type QaClient } from "#tests/factories/qa.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { prisma } from "#app/utils/db.server.ts";

const TEN_MINUTES = String(10 * 60_000);

type Ack = Awaited<ReturnType<typeof request>>;
type JoinState = { session: { phase: string }; role: string; questions: { id: string; body: string }[] };

/**
 * Asks again until `check` holds, a few times within 5 s (far below the 10-minute TTL): the
 * invalidation travels through Redis after A's response, so B may hear of it a moment later. The
 * pauses grow (0.1, 0.2, 0.4 … s) so one person's joins stay under the Q&A rate limit.
 */
async function soon(ask: () => Promise<Ack>, check: (ack: Ack) => boolean, what: string): Promise<Ack> {
  let last: Ack | undefined;
  for (let wait = 100; wait <= 1600; wait *= 2) {
    last = await ask();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}`);
}

const stateOf = (ack: Ack) => (ack as unknown as { state?: JoinState }).state;

export function qaCacheInvalidationSuite({ engine, databaseUrl, env = {}, cleanUp }: { engine: string; databaseUrl: string; env?: Record<string, string>; cleanUp: () => Promise<void> }) {
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  let a: AppProcess;
  let b: AppProcess;
  const sockets: QaClient[] = [];

  beforeAll(async () => {
    const common = { REDIS_URL: redisUrl, JOBS: "0", SMTP_URL: "smtp://127.0.0.1:1", CACHE_TTL_MS: TEN_MINUTES, ...env };
    a = await startAppProcess({ name: "qa-cache-a", databaseUrl, env: common });
    b = await startAppProcess({ name: "qa-cache-b", databaseUrl, env: common });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    await prisma.$disconnect();
    await cleanUp();
  });

  async function socketOn(app: AppProcess, cookie: string) {
    const socket = qaSocket(app.url, cookie);
    sockets.push(socket);
    await connected(socket);
    return socket;
  }

  async function organiserOnA() {
    const organiser = await createUser({ role: "organiser" });
    const client = new TestClient(a.url);
    await logInAs(client, organiser);
    return { organiser, client };
  }

  describe(`Q&A caches across two processes with Redis (${engine}, TTLs of 10 minutes)`, () => {
    it("closing the Q&A on A: a client of B finds it closed at once", async () => {
      const coffee = await createCoffee();
      const { client } = await organiserOnA();
      const member = await createParticipant();
      const onB = await socketOn(b, member.cookie);
      // B has the session's facts in its cache: live.
      expect(stateOf(await request(onB, "qa:join", { sessionId: coffee.id }))?.session.phase).toBe("live");

      expect((await client.post(`/sessions/${coffee.slug}/edit`, { intent: "held" })).status).toBe(302);
      expect((await prisma.morningCoffee.findUniqueOrThrow({ where: { id: coffee.id } })).status).toBe("held");

      await soon(() => request(onB, "qa:join", { sessionId: coffee.id }), (ack) => stateOf(ack)?.session.phase === "closed", "the Q&A on B");
      expect(await request(onB, "qa:ask", { sessionId: coffee.id, body: "Still open?" })).toMatchObject({ ok: false, error: { code: "closed" } });
    });

    it("hiding a question on A: someone joining on B no longer gets it", async () => {
      const coffee = await createCoffee();
      const asker = await createParticipant();
      const askerOnA = await socketOn(a, asker.cookie);
      await request(askerOnA, "qa:join", { sessionId: coffee.id });
      const asked = (await request(askerOnA, "qa:ask", { sessionId: coffee.id, body: "Visible until a moderator hides it" })) as unknown as { ok: boolean; question: { id: string } };
      expect(asked.ok).toBe(true);

      // A listener on B loads B's cached question list, with the question in it.
      const listener = await createParticipant();
      const listenerOnB = await socketOn(b, listener.cookie);
      expect(stateOf(await request(listenerOnB, "qa:join", { sessionId: coffee.id }))?.questions.map((q) => q.id)).toEqual([asked.question.id]);
      const removed = collect(listenerOnB, "qa:removed");

      const organiser = await createUser({ role: "organiser" });
      const moderatorOnA = await socketOn(a, await sessionCookie(organiser.id));
      await request(moderatorOnA, "qa:join", { sessionId: coffee.id });
      expect(await request(moderatorOnA, "qa:moderate", { questionId: asked.question.id, action: "hide" })).toMatchObject({ ok: true });
      await waitUntil(() => removed.items.length === 1, { what: "the removal on B" });

      const latecomer = await createParticipant();
      const latecomerOnB = await socketOn(b, latecomer.cookie);
      await soon(() => request(latecomerOnB, "qa:join", { sessionId: coffee.id }), (ack) => stateOf(ack)?.questions.length === 0, "the question list on B");
    });

    it("changing the team on A: a member rejoining on B is a moderator at once, and a member again once removed", async () => {
      const coffee = await createCoffee();
      const { client } = await organiserOnA();
      const member = await createParticipant();
      const onB = await socketOn(b, member.cookie);
      const join = () => request(onB, "qa:join", { sessionId: coffee.id });
      // B has the (empty) team in its cache.
      expect(stateOf(await join())?.role).toBe("member");

      const added = await client.post(`/sessions/${coffee.slug}/qa`, { intent: "add-team", email: member.user.email, role: "moderator" });
      expect(added.status).toBe(302);
      await soon(join, (ack) => stateOf(ack)?.role === "moderator", "the role on B after being added");

      const row = await prisma.qaRole.findFirstOrThrow({ where: { coffeeId: coffee.id, userId: member.user.id } });
      expect((await client.post(`/sessions/${coffee.slug}/qa`, { intent: "remove-team", id: row.id })).status).toBe(302);
      await soon(join, (ack) => stateOf(ack)?.role === "member", "the role on B after being removed");
    });
  });
}
