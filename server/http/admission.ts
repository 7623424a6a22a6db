import type { NextFunction, Request, Response } from "express";

type Waiting = { res: Response; since: number; start: () => void };

/**
 * First come, first served for page and data requests (GET/HEAD): at most `concurrency` are in
 * progress at once and the rest wait in arrival order. A page request takes many asynchronous steps
 * (session, loaders, rendering, writing); with 50 in flight they interleave, and an unlucky request
 * waits behind all the others at every step, so p99 ran 5–6× the median. In turn, each waits once.
 * Requests with a body (forms, uploads) are not held: a slow upload must not block pages. A request
 * that would wait longer than `maxWaitMs`, or find `maxQueue` ahead of it, gets 503 + Retry-After.
 */
export function admission({ concurrency = 4, maxQueue = 2_000, maxWaitMs = 15_000 } = {}) {
  let running = 0;
  let queue: Waiting[] = [];
  let head = 0;

  function drain() {
    while (running < concurrency && head < queue.length) {
      const next = queue[head++];
      if (next.res.destroyed || next.res.headersSent) continue; // the client left while waiting
      if (Date.now() - next.since > maxWaitMs) {
        busy(next.res);
        continue;
      }
      next.start();
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const start = () => {
      running++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        running--;
        drain();
      };
      res.once("finish", release);
      res.once("close", release);
      next();
    };
    if (running < concurrency && head === queue.length) return start();
    if (queue.length - head >= maxQueue) return busy(res);
    queue.push({ res, since: Date.now(), start });
  };
}

function busy(res: Response) {
  res.status(503).set("Retry-After", "5").type("text/plain").send("The server is busy. Please try again in a few seconds.");
}
