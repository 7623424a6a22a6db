/**
 * Open sockets follow their login session: when it ends or the account's role changes, every
 * socket of that session (or user) is re-authorised at once, on one process here
 * (tests/scale/qa-redis.test.ts covers two processes through Redis).
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { suspendUser } from "#app/modules/admin/users.server.ts";
import { issueEmailToken } from "#app/modules/auth/email-tokens.server.ts";
import type { QaQuestion, QaState } from "#app/modules/qa/events.ts";
import { prisma } from "#app/utils/db.server.ts";
import { collect, connected, createCoffee, createParticipant, qaSocket, request, waitUntil, type QaClient } from "#tests/factories/qa.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
const open: (QaClient | Socket)[] = [];

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});

/** A socket that only listens after joining, like a presenter's or a passive reader's tab. */
async function joined(cookie: string, sessionId: string) {
  const socket = qaSocket(baseUrl, cookie);
  socket.io.reconnection(false);
  open.push(socket);
  const reasons: string[] = [];
  socket.on("disconnect", (reason) => reasons.push(reason));
  await connected(socket);
  const ack = await request(socket, "qa:join", { sessionId });
  expect(ack.ok).toBe(true);
  return { socket, reasons, state: (ack as unknown as { state: QaState }).state };
}

/** An organiser logged in through the form, in a live session's Q&A, and a member who asks anonymously. */
async function organiserInQa() {
  const coffee = await createCoffee();
  const organiser = await createUser({ role: "organiser" });
  const client = new TestClient(baseUrl);
  await logInAs(client, organiser);
  const cookie = client.cookieHeader();
  const live = await joined(cookie, coffee.id);
  expect(live.state.role).toBe("organiser");
  const asker = await createParticipant({ name: "Ana Ionescu", institution: "General Inspectorate for Immigration" });
  const askerSocket = (await joined(asker.cookie, coffee.id)).socket;
  const questions = collect(live.socket, "qa:question");
  const ask = async (body: string) => {
    const ack = await request(askerSocket, "qa:ask", { sessionId: coffee.id, body, anonymous: true });
    expect(ack.ok).toBe(true);
    return (ack as unknown as { question: QaQuestion }).question;
  };
  // Before any change the organiser's socket sees who asked anonymously.
  await ask("Before: who asks this?");
  await waitUntil(() => questions.items.length === 1, { what: "the first question" });
  expect(questions.items[0].author?.name).toBe("Ana Ionescu");
  return { coffee, organiser, client, cookie, live, questions, ask };
}

/** The old socket was ended by the server and hears nothing more; a new one with the same cookie cannot join. */
async function expectCutOff(setup: Awaited<ReturnType<typeof organiserInQa>>) {
  await waitUntil(() => setup.live.reasons.includes("io server disconnect"), { what: "the server to end the socket" });
  await setup.ask("After: asked once the session ended");
  const again = qaSocket(baseUrl, setup.cookie);
  open.push(again);
  await connected(again);
  expect(await request(again, "qa:join", { sessionId: setup.coffee.id })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  expect(setup.questions.items.map((q) => q.body)).toEqual(["Before: who asks this?"]);
}

describe("a login session's end reaches its open sockets at once", () => {
  it("log-out ends that session's sockets (Q&A and default namespace), and only that session's", async () => {
    const setup = await organiserInQa();
    const whoami = connect(baseUrl, { transports: ["websocket"], extraHeaders: { cookie: setup.cookie, origin: baseUrl }, reconnection: false });
    open.push(whoami);
    await new Promise((resolve) => whoami.once("connect", () => resolve(null)));
    const defaultReasons: string[] = [];
    whoami.on("disconnect", (reason) => defaultReasons.push(reason));
    // The same organiser on another device keeps going.
    const otherDevice = new TestClient(baseUrl);
    await logInAs(otherDevice, setup.organiser);
    const other = await joined(otherDevice.cookieHeader(), setup.coffee.id);
    const otherQuestions = collect(other.socket, "qa:question");

    expect((await setup.client.post("/logout", {})).status).toBe(302);
    await expectCutOff(setup);
    await waitUntil(() => defaultReasons.includes("io server disconnect"), { what: "the default-namespace socket to end" });
    await waitUntil(() => otherQuestions.items.length === 1, { what: "the other device's question" });
    expect(otherQuestions.items[0].author?.name).toBe("Ana Ionescu");
    expect(other.reasons).toEqual([]);
  });

  it("sign-out everywhere ends every socket of the account", async () => {
    const setup = await organiserInQa();
    const secondTab = await joined(setup.cookie, setup.coffee.id);
    expect((await setup.client.post("/settings/sessions", { intent: "everywhere" })).status).toBe(302);
    await expectCutOff(setup);
    await waitUntil(() => secondTab.reasons.includes("io server disconnect"), { what: "the second tab's socket to end" });
  });

  it("a password reset ends every socket of the account", async () => {
    const setup = await organiserInQa();
    const token = await issueEmailToken(prisma, { userId: setup.organiser.id, purpose: "reset_password" });
    const stranger = new TestClient(baseUrl);
    const res = await stranger.post(`/reset-password?token=${token}`, { token, password: "a fresh passphrase for 2027", confirmPassword: "a fresh passphrase for 2027" });
    expect(res.status).toBe(302);
    await expectCutOff(setup);
  });

  it("deleting the account ends its sockets", async () => {
    const setup = await organiserInQa();
    const res = await setup.client.post("/settings/privacy", { confirm: "DELETE", password: TEST_PASSWORD });
    expect(res.status).toBe(302);
    await expectCutOff(setup);
  });

  it("suspension ends every session and socket of the account", async () => {
    const setup = await organiserInQa();
    const result = await suspendUser(setup.organiser.id, new Date(Date.now() + 7 * 86_400_000));
    expect(result.ok).toBe(true);
    await expectCutOff(setup);
    expect(await prisma.session.count({ where: { userId: setup.organiser.id } })).toBe(0);
    expect(await prisma.auditLog.findFirst({ where: { action: "user.suspend", targetId: setup.organiser.id } })).not.toBeNull();
  });
});

describe("a role change reaches open sockets at once", () => {
  it("a demoted organiser's socket is ended; reconnected, it joins as a member and sees no anonymous author", async () => {
    const setup = await organiserInQa();
    const admin = await createUser({ role: "admin" });
    const adminClient = new TestClient(baseUrl);
    await logInAs(adminClient, admin);
    const res = await adminClient.post("/admin/users", { userId: setup.organiser.id, role: "member" });
    expect(res.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: setup.organiser.id } })).role).toBe("member");

    await waitUntil(() => setup.live.reasons.includes("io server disconnect"), { what: "the server to end the socket" });
    const again = qaSocket(baseUrl, setup.cookie);
    open.push(again);
    await connected(again);
    const ack = await request(again, "qa:join", { sessionId: setup.coffee.id });
    expect(ack.ok).toBe(true);
    expect((ack as unknown as { state: QaState }).state.role).toBe("member");
    const heard = collect(again, "qa:question");
    await setup.ask("After the demotion");
    await waitUntil(() => heard.items.length === 1, { what: "the question as a member sees it" });
    expect(heard.items[0].author).toBeNull();
    expect(heard.items[0].asker).toBeUndefined();
    expect(await request(again, "qa:moderate", { questionId: heard.items[0].id, action: "hide" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(setup.questions.items.map((q) => q.body)).toEqual(["Before: who asks this?"]);
  });
});
