import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee, registerDirectly } from "#tests/factories/coffee.ts";
import { connected, createParticipant, qaSocket, request, type QaClient } from "#tests/factories/qa.ts";
import { createUser } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

/**
 * Read-then-write rules under real concurrent requests. The integration-pg project runs this file
 * on PostgreSQL too, where transactions really do run side by side (SQLite has one writer).
 */
let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function signedIn(role: "member" | "organiser" | "admin" = "member", name?: string) {
  const { user, cookie } = await createParticipant({ role, ...(name ? { name } : {}) });
  const client = new TestClient(baseUrl);
  const eq = cookie.indexOf("=");
  client.cookies.set(cookie.slice(0, eq), cookie.slice(eq + 1));
  return { user, cookie, client };
}

const places = async (coffeeId: string) => {
  const rows = await prisma.coffeeRegistration.groupBy({ by: ["status"], where: { coffeeId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
};

describe("Morning Coffee places", () => {
  it("gives 20 members registering at once exactly 3 places and a waitlist of 17; one leaving promotes exactly one", async () => {
    const coffee = await createCoffee({ capacity: 3 });
    const members = await Promise.all(Array.from({ length: 20 }, () => signedIn()));
    const responses = await Promise.all(members.map((m) => m.client.post(`/sessions/${coffee.slug}`, { intent: "register" })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(302));
    expect(await places(coffee.id)).toEqual({ registered: 3, waitlisted: 17 });

    const inside = await prisma.coffeeRegistration.findFirstOrThrow({ where: { coffeeId: coffee.id, status: "registered" }, select: { userId: true } });
    const leaver = members.find((m) => m.user.id === inside.userId)!;
    // The member leaving and two more arriving at the same moment: still 3 places taken.
    const late = await Promise.all([signedIn(), signedIn()]);
    const more = await Promise.all([leaver.client.post(`/sessions/${coffee.slug}`, { intent: "unregister" }), ...late.map((m) => m.client.post(`/sessions/${coffee.slug}`, { intent: "register" }))]);
    expect(more.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await places(coffee.id)).toEqual({ registered: 3, waitlisted: 18, cancelled: 1 });
    // The first in the queue moved up, not a late arrival.
    const lateIds = late.map((m) => m.user.id);
    const registered = await prisma.coffeeRegistration.findMany({ where: { coffeeId: coffee.id, status: "registered" }, select: { userId: true } });
    expect(registered.filter((r) => lateIds.includes(r.userId))).toEqual([]);
  });

  it("keeps one registration when a member double-submits, and one feedback when they send it twice at once", async () => {
    const coffee = await createCoffee({ capacity: 5 });
    const m = await signedIn();
    const twice = await Promise.all([1, 2].map(() => m.client.post(`/sessions/${coffee.slug}`, { intent: "register" })));
    expect(twice.map((r) => r.status)).toEqual([302, 302]);
    expect(await places(coffee.id)).toEqual({ registered: 1 });

    const past = await createCoffee({ startsAt: new Date(Date.now() - 3 * 60 * 60 * 1000) });
    await registerDirectly(past.id, m.user.id);
    const sent = await Promise.all(["4", "5"].map((rating) => m.client.post(`/sessions/${past.slug}`, { intent: "feedback", rating, comment: "" })));
    expect(sent.map((r) => r.status)).toEqual([302, 302]);
    expect(await prisma.coffeeFeedback.count({ where: { coffeeId: past.id, userId: m.user.id } })).toBe(1);
  });
});

describe("live Q&A", () => {
  it("keeps one pinned question when moderators pin different questions at the same moment", async () => {
    const coffee = await createCoffee();
    const moderators = await Promise.all([1, 2, 3, 4].map(() => signedIn("organiser")));
    const sockets: QaClient[] = moderators.map((m) => qaSocket(baseUrl, m.cookie));
    try {
      await Promise.all(sockets.map((s) => connected(s)));
      await Promise.all(sockets.map((s) => request(s, "qa:join", { sessionId: coffee.id })));
      const questions = await Promise.all(
        [1, 2, 3, 4].map((i) => prisma.qaQuestion.create({ data: { coffeeId: coffee.id, body: `Question ${i} about labour migration?`, status: "approved" } })),
      );
      for (let round = 0; round < 3; round++) {
        const acks = await Promise.all(sockets.map((s, i) => request(s, "qa:moderate", { questionId: questions[i].id, action: "pin" })));
        expect(acks.every((a) => a.ok)).toBe(true);
        expect(await prisma.qaQuestion.count({ where: { coffeeId: coffee.id, pinned: true } })).toBe(1);
        await prisma.qaQuestion.updateMany({ where: { coffeeId: coffee.id }, data: { pinned: false } });
      }
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  it("counts every vote when 30 members vote on one question at once", async () => {
    const coffee = await createCoffee();
    const question = await prisma.qaQuestion.create({ data: { coffeeId: coffee.id, body: "How do you share data between ministries?", status: "approved" } });
    const voters = await Promise.all(Array.from({ length: 30 }, () => signedIn()));
    const sockets = voters.map((v) => qaSocket(baseUrl, v.cookie));
    try {
      await Promise.all(sockets.map((s) => connected(s)));
      await Promise.all(sockets.map((s) => request(s, "qa:join", { sessionId: coffee.id })));
      const acks = await Promise.all(sockets.map((s) => request(s, "qa:vote", { questionId: question.id, value: 1 })));
      expect(acks.every((a) => a.ok)).toBe(true);
      const row = await prisma.qaQuestion.findUniqueOrThrow({ where: { id: question.id }, select: { voteCount: true } });
      expect(row.voteCount).toBe(30);
      expect(await prisma.qaVote.count({ where: { questionId: question.id } })).toBe(30);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });
});

describe("admin user search", () => {
  it("matches names, institutions and emails whatever their case, on either engine", async () => {
    const { client } = await signedIn("admin");
    const target = await createUser({ name: "Marguerite Castellane", institution: "Direction générale des étrangers", email: `m.castellane.${Date.now()}@interieur.example` });
    for (const q of ["marguerite castellane", "MARGUERITE", "DIRECTION générale", "M.Castellane"]) {
      const page = visibleText((await client.page(`/admin/users?q=${encodeURIComponent(q)}`)).html);
      expect(page, q).toContain(target.name);
    }
    expect(visibleText((await client.page(`/admin/users?q=${encodeURIComponent("castellanez")}`)).html)).not.toContain(target.name);
  });
});
