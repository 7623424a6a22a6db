import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";

let app: AppProcess;
beforeAll(async () => {
  app = await startAppProcess({ name: "shutdown" });
}, 90_000);
afterAll(async () => {
  await app?.stop();
});

describe("graceful shutdown with keep-alive connections", () => {
  it("finishes a request in flight on a keep-alive connection after SIGTERM, and refuses new connections", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // A first request opens the keep-alive connection.
    const first = await new Promise<number>((resolve, reject) => {
      http.get(`${app.url}/healthz`, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      }).on("error", reject);
    });
    expect(first).toBe(200);

    // A slow request on the same connection: its body is still arriving when SIGTERM comes.
    let socketReused = false;
    const req = http.request(`${app.url}/forgot-password`, { method: "POST", agent, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url } });
    req.on("socket", (s) => (socketReused = (s as unknown as { _httpMessage?: unknown; bytesWritten: number }).bytesWritten > 0));
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
    });
    req.write("email=slow.reader%40example.org");
    await new Promise((r) => setTimeout(r, 300)); // the server has the request and is reading its body
    const exited = app.stop();

    // New connections are refused once the server stops listening.
    await expect.poll(() => fetch(`${app.url}/healthz`).then(() => "up", () => "refused"), { timeout: 10_000, interval: 100 }).toBe("refused");

    // The request that arrived before SIGTERM still gets its whole answer.
    req.end("&pad=1");
    const { status, body } = await answered;
    expect(socketReused).toBe(true);
    expect(status).toBe(200);
    expect(body).toContain("slow.reader@example.org");
    expect(await exited).toBe(0);
    agent.destroy();
  });
});
