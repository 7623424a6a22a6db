import type { NextFunction, Request, Response } from "express";

type Waiting = { since: number; res: Response; start: () => void; cancelled: () => boolean };

/**
 * First come, first served for page and data requests (GET/HEAD): at most `concurrency` are in
 * progress at once and the rest wait in arrival order. A page request takes many asynchronous steps
 * (session, loaders, rendering, writing); with 50 in flight they interleave, and an unlucky request
 * waits behind all the others at every step. In turn, each waits once.
 * Requests with a body (forms, uploads) are not held: a slow upload must not block pages. A request
 * that would wait longer than `maxWaitMs`, or find `maxQueue` ahead of it, gets 503 + Retry-After.
 * A client that leaves while waiting gives up its place; one that leaves while served frees its slot.
 */
export function admission({ concurrency = 4, maxQueue = 2_000, maxWaitMs = 15_000 } = {}) {
  let running = 0;
  let queue: Waiting[] = [];
  let head = 0;

  function drain() {
    while (running < concurrency && head < queue.length) {
      const next = queue[head++];
      if (next.cancelled()) continue;
      if (Date.now() - next.since > maxWaitMs) busy(next.res);
      else next.start();
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let state: "waiting" | "running" | "done" = "waiting";
    // Listen from arrival: a connection closed while waiting must not be started (its 'close' has passed).
    const end = () => {
      const wasRunning = state === "running";
      state = "done";
      if (wasRunning) {
        running--;
        drain();
      }
    };
    res.once("finish", end);
    res.once("close", end);
    const start = () => {
      if (state !== "waiting") return;
      if (req.socket.destroyed) {
        state = "done";
        return;
      }
      state = "running";
      running++;
      next();
    };
    if (running < concurrency && head === queue.length) return start();
    if (queue.length - head >= maxQueue) return busy(res);
    queue.push({ since: Date.now(), res, start, cancelled: () => state !== "waiting" || req.socket.destroyed });
  };
}

function busy(res: Response) {
  res.status(503).set("Retry-After", "5").type("text/plain").send("The server is busy. Please try again in a few seconds.");
}
