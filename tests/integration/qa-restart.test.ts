import { afterAll, describe, expect, it } from "vitest";
import type { QaQuestion, QaState } from "#app/modules/qa/events.ts";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { collect, connected, createCoffee, createParticipant, qaSocket, request, waitUntil, type QaClient } from "#tests/factories/qa.ts";
import { freePort, testContext } from "#tests/setup/test-env.ts";

// The production build in its own process, on this file's database, so it can be stopped and started again.
let app: AppProcess | null = null;
afterAll(async () => {
  await app?.stop();
});

/** What the browser hook does: keep the questions, and re-join whenever the connection was not recovered. */
function follow(socket: QaClient, sessionId: string) {
  const view = { questions: new Map<string, QaQuestion>(), joins: 0, recovered: 0 };
  socket.on("connect", () => {
    if (socket.recovered) return void view.recovered++;
    void request(socket, "qa:join", { sessionId }).then((ack) => {
      if (!ack.ok) return;
      view.joins++;
      for (const q of (ack as unknown as { state: QaState }).state.questions) view.questions.set(q.id, q);
    });
  });
  socket.on("qa:question", (q) => view.questions.set(q.id, q));
  return view;
}

describe("a server restart", () => {
  it("brings clients back and re-syncs them through qa:join, missing nothing asked meanwhile", async () => {
    const port = await freePort();
    const { databaseUrl } = testContext();
    const env = { SMTP_URL: "smtp://127.0.0.1:1", JOBS: "0" };
    app = await startAppProcess({ name: "qa-restart", port, databaseUrl, env });
    const coffee = await createCoffee();
    const listeners = await Promise.all(Array.from({ length: 5 }, () => createParticipant()));
    const asker = await createParticipant();
    const sockets = listeners.map((l) => qaSocket(app!.url, l.cookie));
    const views = sockets.map((s) => follow(s, coffee.id));
    await waitUntil(() => views.every((v) => v.joins === 1), { what: "everyone to join" });

    const askerSocket = qaSocket(app.url, asker.cookie);
    await connected(askerSocket);
    await request(askerSocket, "qa:join", { sessionId: coffee.id });
    const first = await request(askerSocket, "qa:ask", { sessionId: coffee.id, body: "Before the restart" });
    expect(first.ok).toBe(true);
    await waitUntil(() => views.every((v) => v.questions.size === 1), { what: "the first question everywhere" });

    await app.stop();
    await waitUntil(() => sockets.every((s) => !s.connected), { what: "everyone to notice the restart" });
    app = await startAppProcess({ name: "qa-restart", port, databaseUrl, env });

    // The asker comes back first and asks before the others have reconnected.
    await waitUntil(() => askerSocket.connected, { timeout: 10_000, what: "the asker to reconnect" });
    await request(askerSocket, "qa:join", { sessionId: coffee.id });
    const second = await request(askerSocket, "qa:ask", { sessionId: coffee.id, body: "Asked while you were reconnecting" });
    expect(second.ok).toBe(true);

    await waitUntil(() => views.every((v) => v.joins === 2), { timeout: 15_000, what: "everyone to re-join" });
    await waitUntil(() => views.every((v) => v.questions.size === 2), { what: "both questions everywhere" });
    for (const v of views) expect([...v.questions.values()].map((q) => q.body).sort()).toEqual(["Asked while you were reconnecting", "Before the restart"]);
    // A restart loses the in-memory recovery state: these clients re-synced rather than recovered.
    expect(views.every((v) => v.recovered === 0)).toBe(true);

    const live = collect(sockets[0], "qa:question");
    await request(askerSocket, "qa:ask", { sessionId: coffee.id, body: "After everyone is back" });
    await waitUntil(() => live.items.length === 1, { what: "live delivery after the restart" });
    for (const s of [...sockets, askerSocket]) s.disconnect();
    // Two app processes start here; on a busy machine each start takes a good part of 30 s.
  }, 90_000);
});
