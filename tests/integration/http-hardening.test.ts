import http from "node:http";
import sharp from "sharp";
import { io as connect } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createExpert } from "#tests/factories/roster.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

/**
 * A POST whose body is sent with Transfer-Encoding: chunked (no Content-Length), as a streaming
 * client or an attacker would, chunk after chunk until the server answers or closes.
 */
function chunkedPost(path: string, { chunks, contentType, cookie = "" }: { chunks: Iterable<Buffer>; contentType: string; cookie?: string }) {
  return new Promise<{ status: number; body: string; sentBytes: number }>((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = http.request(`${baseUrl}${path}`, { method: "POST", headers: { "Content-Type": contentType, Origin: baseUrl, Cookie: cookie, "X-Forwarded-For": "10.9.9.9" } });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentBytes });
        req.destroy();
      });
    });
    // Once the server has answered and closed, further writes fail: that is the point.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        sentBytes += chunk.length;
        if (!req.write(chunk)) await new Promise((r) => ["drain", "close", "response"].forEach((e) => req.once(e, r)));
      }
      req.end();
    })().catch(reject);
  });
}

function* repeat(chunk: Buffer, totalBytes: number) {
  for (let sent = 0; sent < totalBytes; sent += chunk.length) yield chunk;
}

describe("redirect after log-in", () => {
  it("goes home for targets a browser would read as another site, and never answers 500", async () => {
    const user = await createUser();
    for (const [redirectTo, expected] of [
      ["/\t/evil.example", "/"],
      ["/\\evil.example", "/"],
      ["/.//evil.example", "/"],
      ["/x\r\nSet-Cookie: evil=1", "/xSet-Cookie:%20evil=1"],
      ["/roster?q=€ Ö", "/roster?q=%E2%82%AC%20%C3%96"],
      ["/sessions", "/sessions"],
    ]) {
      const client = new TestClient(baseUrl);
      const res = await client.post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo });
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      expect(res.headers.get("location")).toBe(expected);
      expect(client.cookies.has("evil")).toBe(false);
      // Signed in, the log-in page sends you on, to the same safe place.
      const again = await client.get(`/login?${new URLSearchParams({ redirectTo })}`);
      expect(again.status).toBe(302);
      expect(again.headers.get("location")).toBe(expected);
    }
    // The raw forms from the report, straight in the query string.
    const anonymous = await new TestClient(baseUrl).get("/login?redirectTo=/%09/evil.example%0d%0a%FF%C3");
    expect(anonymous.status).toBe(200);
  });
});

describe("request body cap (6 MB) on the bytes actually read", () => {
  it("answers 413 to a chunked body over the cap without logging in, stops reading and changes nothing", async () => {
    const user = await createUser();
    const queuedBefore = await prisma.mailOutbox.count();
    const rssBefore = process.memoryUsage().rss;
    const filler = Buffer.alloc(64 * 1024, "a");
    const body = [Buffer.from(`email=${encodeURIComponent(user.email)}&pad=`), ...repeat(filler, 150 * 1024 * 1024)];
    const res = await chunkedPost("/forgot-password", { chunks: body, contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(413);
    expect(res.body).toContain("The request is too large (at most 6 MB).");
    // The server stopped reading long before 150 MB, and did not keep what it read.
    expect(res.sentBytes).toBeLessThan(40 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(await prisma.mailOutbox.count()).toBe(queuedBefore);
    // And it goes on serving.
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it("still takes a normal upload sent in chunks", async () => {
    const expert = await createExpert({ memberState: "SI" });
    const client = new TestClient(baseUrl);
    await logInAs(client, expert);
    const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: { r: 20, g: 60, b: 160 } } }).png().toBuffer();
    const form = new FormData();
    form.set("intent", "photo");
    form.set("photo", new File([png], "me.png", { type: "image/png" }));
    const encoded = new Response(form);
    const bytes = Buffer.from(await encoded.arrayBuffer());
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096));
    const res = await chunkedPost("/settings/roster", { chunks, contentType: encoded.headers.get("content-type")!, cookie: client.cookieHeader() });
    expect(res.status).toBe(302);
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: expert.id } })).photoPath).not.toBeNull();
  });
});

describe("a malformed cookie from elsewhere on the host", () => {
  it("does not break pages, signed in or not", async () => {
    const anonymous = await fetch(`${baseUrl}/sessions`, { headers: { Cookie: "other=%FF" } });
    expect(anonymous.status).toBe(200);
    const user = await createUser({ name: "Maria Keller" });
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    const signedIn = await fetch(`${baseUrl}/settings`, { headers: { Cookie: `other=%FF; ${client.cookieHeader()}; broken=%E0%A4%A` } });
    expect(signedIn.status).toBe(200);
    expect(visibleText(await signedIn.text())).toContain("Maria Keller");
  });

  it("does not break the Socket.IO handshake", async () => {
    const user = await createUser({ name: "Jan Novak" });
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: { cookie: `other=%FF; ${client.cookieHeader()}`, origin: baseUrl }, reconnection: false, timeout: 5000 });
    try {
      const ack = (await socket.timeout(5000).emitWithAck("session:whoami")) as { ok: boolean; user: { name: string } | null };
      expect(ack).toMatchObject({ ok: true, user: { name: "Jan Novak" } });
    } finally {
      socket.disconnect();
    }
  });
});

describe("caching of personal pages", () => {
  it("sends Cache-Control: private, no-store on signed-in pages and token links; public pages stay cacheable", async () => {
    const user = await createUser();
    const client = new TestClient(baseUrl);
    for (const path of ["/", "/sessions"]) {
      expect((await client.get(path)).headers.get("cache-control") ?? "", path).not.toMatch(/no-store/);
    }
    await logInAs(client, user);
    for (const path of ["/", "/sessions", "/settings", "/roster"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    }
    const reset = await new TestClient(baseUrl).get("/reset-password?token=not-a-real-token");
    expect(reset.headers.get("cache-control")).toBe("private, no-store");
  });
});
