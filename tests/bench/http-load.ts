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
  non2xx: number;
  /** Responses in the measured window. */
  total: number;
};

/**
 * Drives `url` (or `paths` on it, in turn) with `connections` keep-alive connections (loopback only).
 *
 * The first `settleSeconds` are not measured. When 50 connections open at once against a busy
 * server, Node takes them on over its next event-loop turns, and each turn serves every connection
 * already open; so for about a second a few first requests wait far longer than any later one. That
 * start-up wait is reported on its own (`p99WithStart`), and rate and percentiles come from the
 * steady state after it, with every connection open.
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
  let last = measureFrom;
  const instance = autocannon(
    { url, connections, duration: settleSeconds + seconds, headers, ...(paths ? { requests: paths.map((path) => ({ method: "GET", path })) } : {}) },
    () => {},
  );
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    all.push(ms);
    if (now < measureFrom) return;
    measured.push(ms);
    last = now;
    if (status < 200 || status > 299) non2xx++;
  });
  const result = (await new Promise((resolve) => instance.on("done", resolve))) as { errors: number };
  const sortedAll = all.sort((a, b) => a - b);
  const sorted = measured.sort((a, b) => a - b);
  const window = Math.max(0.001, (last - measureFrom) / 1000);
  return {
    rps: sorted.length / window,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    p99WithStart: percentile(sortedAll, 99),
    errors: result.errors,
    non2xx,
    total: sorted.length,
  };
}
