import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

function open(headers: Record<string, string>) {
  const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: headers, reconnection: false, timeout: 5000 });
  sockets.push(socket);
  return socket;
}

const whoami = (socket: Socket) => socket.timeout(5000).emitWithAck("session:whoami") as Promise<{ ok: boolean; user: { id: string; name: string } | null }>;

describe("Socket.IO handshake", () => {
  it("knows the logged-in user from the same session cookie as the pages", async () => {
    const user = await createUser({ name: "Lena Fischer" });
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    const socket = open({ cookie: client.cookieHeader(), origin: baseUrl });
    expect(await whoami(socket)).toEqual({ ok: true, user: { id: user.id, name: "Lena Fischer", role: "member" } });
  });

  it("treats a socket without a valid session as anonymous", async () => {
    const socket = open({ cookie: "mieux_session=forged-token-value", origin: baseUrl });
    expect(await whoami(socket)).toEqual({ ok: true, user: null });
  });

  it("refuses a handshake from another site's page", async () => {
    const socket = open({ origin: "https://evil.example" });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toMatch(/websocket error|Origin not allowed|xhr poll error/i);
    expect(socket.connected).toBe(false);
  });

  it("stops recognising a socket's user once they log out everywhere (new connections)", async () => {
    const user = await createUser();
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    const cookie = client.cookieHeader();
    await client.post("/settings/sessions", { intent: "everywhere" });
    const socket = open({ cookie, origin: baseUrl });
    expect((await whoami(socket)).user).toBeNull();
  });
});
