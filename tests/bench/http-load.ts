// autocannon ships no types; this is the small part we use.
// @ts-expect-error -- untyped CommonJS module
import autocannon from "autocannon";
import { percentile } from "./lib.ts";

export type LoadResult = {
  /** Responses per second in the measured window. */
  rps: number;
  /** Latency percentiles in the measured window (steady state), ms. */
  p50: number;
  p99: number;
  max: number;
  /** p99 over the whole run, including the opening of the connections (see below), ms. */
  p99WithStart: number;
  errors: number;
  /** Responses other than 2xx in the whole run. */
  non2xx: number;
  /** Responses in the whole run, settling included (for costs per request). */
  total: number;
  /** Requests measured for the percentiles (sent after the settling time). */
  measured: number;
};

/**
 * Drives `url` (or `paths` on it, in turn) with `connections` keep-alive connections (loopback only).
 *
 * Requests sent in the first `settleSeconds` are not measured. When 50 connections open at once
 * against a busy server, the first requests of some of them wait far longer than any later request:
 * seconds, released one every 100–200 ms, while the server's own time per request stays a few ms
 * (seen in its request log; where the wait happens, the kernel or the event loop, is not pinned
 * down). That start-up wait is reported on its own (`p99WithStart`); rate and percentiles come from
 * the requests sent after it.
 */
export async function load(
  url: string,
  { connections = 50, seconds = 10, settleSeconds = 1, headers = {} as Record<string, string>, paths }: { connections?: number; seconds?: number; settleSeconds?: number; headers?: Record<string, string>; paths?: string[] } = {},
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) throw new Error(`refusing to load-test a non-loopback address: ${url}`);
  const started = performance.now();
  const measureFrom = started + settleSeconds * 1000;
  const all: number[] = [];
  const measured: number[] = [];
  let non2xx = 0;
  let completedInWindow = 0;
  let last = measureFrom;
  const instance = autocannon(
    { url, connections, duration: settleSeconds + seconds, headers, ...(paths ? { requests: paths.map((path) => ({ method: "GET", path })) } : {}) },
    () => {},
  );
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    all.push(ms);
    last = now;
    if (now >= measureFrom) completedInWindow++;
    if (status < 200 || status > 299) non2xx++;
    // Measured: requests sent after the settling time (a first request can still be waiting seconds later).
    if (now - ms >= measureFrom) measured.push(ms);
  });
  const result = (await new Promise((resolve) => instance.on("done", resolve))) as { errors: number };
  const sortedAll = all.sort((a, b) => a - b);
  const sorted = measured.sort((a, b) => a - b);
  // Rate: every response completed after the settling time, over that time.
  const window = Math.max(0.001, (last - measureFrom) / 1000);
  return {
    rps: completedInWindow / window,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    p99WithStart: percentile(sortedAll, 99),
    errors: result.errors,
    non2xx,
    total: all.length,
    measured: sorted.length,
  };
}
