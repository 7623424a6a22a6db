import { load } from "../http-load.ts";
import { startAppProcess, type BenchResult, type BenchSuite } from "../lib.ts";

/** The home page (feed) against a trivial route on the same server, 50 connections. */
const suite: BenchSuite = {
  name: "pages",
  description: "home/feed page throughput and latency vs a trivial Remix route and /healthz (50 connections)",
  async run({ quick }) {
    const app = await startAppProcess({ name: "bench-pages", env: { SEED_DEMO: "1" } });
    const seconds = quick ? 3 : 10;
    try {
      await load(`${app.url}/`, { connections: 10, seconds: 2 }); // warm-up
      const trivial = await load(`${app.url}/healthz`, { seconds });
      const trivialRemix = await load(`${app.url}/robots.txt`, { seconds });
      const home = await load(`${app.url}/`, { seconds });
      const ratio = home.rps / trivialRemix.rps;
      const rows: BenchResult[] = [
        { suite: "pages", metric: "/healthz throughput (Express only)", value: trivial.rps, unit: "req/s" },
        { suite: "pages", metric: "/robots.txt throughput (trivial Remix route)", value: trivialRemix.rps, unit: "req/s" },
        { suite: "pages", metric: "home (feed) throughput", value: home.rps, unit: "req/s", target: "≥ 300", pass: home.rps >= 300 },
        { suite: "pages", metric: "home (feed) p99 latency", value: home.p99, unit: "ms", target: "≤ 150", pass: home.p99 <= 150 },
        { suite: "pages", metric: "home (feed) p99 incl. opening 50 connections", value: home.p99WithStart, unit: "ms" },
        { suite: "pages", metric: "home vs /robots.txt (trivial Remix route)", value: ratio * 100, unit: "%", target: "≥ 50", pass: ratio >= 0.5 },
        { suite: "pages", metric: "home vs /healthz (Express only)", value: (home.rps / trivial.rps) * 100, unit: "%" },
        { suite: "pages", metric: "home errors + non-2xx", value: home.errors + home.non2xx, unit: "count", target: "0", pass: home.errors + home.non2xx === 0 },
        { suite: "pages", metric: "server RSS after load", value: app.rssMb(), unit: "MB" },
      ];
      return rows;
    } finally {
      await app.stop();
    }
  },
};

export default suite;
