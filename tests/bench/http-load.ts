// autocannon ships no types; this is the small part we use.
// @ts-expect-error -- untyped CommonJS module
import autocannon from "autocannon";

export type LoadResult = { rps: number; p50: number; p99: number; max: number; errors: number; non2xx: number; total: number };

/** Drives one URL with `connections` keep-alive connections for `seconds` (loopback only). */
export async function load(url: string, { connections = 50, seconds = 10, headers = {} as Record<string, string> } = {}): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) throw new Error(`refusing to load-test a non-loopback address: ${url}`);
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
