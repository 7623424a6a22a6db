import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { admission } from "./admission.ts";

/** A real HTTP server whose GET /work/:n answers only when the test releases it. */
async function serverWith(options: Parameters<typeof admission>[0]) {
  const started: string[] = [];
  const waiting = new Map<string, () => void>();
  const app = express();
  app.use(admission(options));
  app.get("/work/:n", (req, res) => {
    started.push(req.params.n);
    waiting.set(req.params.n, () => res.send(`done ${req.params.n}`));
  });
  app.post("/form", (_req, res) => void res.send("saved"));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const release = (n: string) => waiting.get(n)!();
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { url, started, release, close };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

let closeServer: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeServer?.();
  closeServer = null;
});

describe("admission (first come, first served)", () => {
  it("runs at most N page requests at once and starts the others in arrival order", async () => {
    const s = await serverWith({ concurrency: 2 });
    closeServer = s.close;
    const responses: Promise<string>[] = [];
    for (const n of ["1", "2", "3", "4"]) {
      responses.push(fetch(`${s.url}/work/${n}`).then((r) => r.text()));
      await new Promise((r) => setTimeout(r, 20)); // a definite arrival order
    }
    await until(() => s.started.length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.started).toEqual(["1", "2"]); // 3 and 4 wait

    s.release("2");
    await until(() => s.started.length === 3);
    expect(s.started).toEqual(["1", "2", "3"]);
    s.release("1");
    await until(() => s.started.length === 4);
    s.release("3");
    s.release("4");
    expect(await Promise.all(responses)).toEqual(["done 1", "done 2", "done 3", "done 4"]);
  });

  it("does not hold requests with a body (forms, uploads)", async () => {
    const s = await serverWith({ concurrency: 1 });
    closeServer = s.close;
    const page = fetch(`${s.url}/work/1`).then((r) => r.text());
    await until(() => s.started.length === 1);
    const form = await fetch(`${s.url}/form`, { method: "POST", body: "a=1" });
    expect(await form.text()).toBe("saved");
    s.release("1");
    expect(await page).toBe("done 1");
  });

  it("answers 503 with Retry-After when the queue is full or the wait is too long", async () => {
    const s = await serverWith({ concurrency: 1, maxQueue: 1, maxWaitMs: 200 });
    closeServer = s.close;
    const first = fetch(`${s.url}/work/1`).then((r) => r.text());
    await until(() => s.started.length === 1);
    const queued = fetch(`${s.url}/work/2`);
    await new Promise((r) => setTimeout(r, 20));
    const refused = await fetch(`${s.url}/work/3`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.text()).toMatch(/busy/);

    await new Promise((r) => setTimeout(r, 300)); // request 2 has now waited longer than 200 ms
    s.release("1");
    expect(await first).toBe("done 1");
    expect((await queued).status).toBe(503);
    expect(s.started).toEqual(["1"]); // 2 and 3 never reached the app
  });

  it("frees the place of a client that leaves, waiting or being served", async () => {
    const s = await serverWith({ concurrency: 1 });
    closeServer = s.close;
    const served = new AbortController();
    const waiting = new AbortController();
    const first = fetch(`${s.url}/work/1`, { signal: served.signal }).catch(() => "left");
    await until(() => s.started.length === 1);
    const second = fetch(`${s.url}/work/2`, { signal: waiting.signal }).catch(() => "left");
    await new Promise((r) => setTimeout(r, 20));
    waiting.abort(); // leaves the queue
    served.abort(); // leaves while its request is in progress
    expect(await first).toBe("left");
    expect(await second).toBe("left");
    // Both places are free again: the next request is served at once, and the one that left never ran.
    const third = fetch(`${s.url}/work/3`).then((r) => r.text());
    await until(() => s.started.includes("3"));
    s.release("3");
    expect(await third).toBe("done 3");
    expect(s.started).toEqual(["1", "3"]);
  });
});
