import { load } from "../http-load.ts";
import { startAppProcess, type BenchResult, type BenchSuite } from "../lib.ts";

/**
 * The community's pages against the signed-in static page (`/privacy`) of the same server in the
 * same run (docs/performance.md): throughput at 50 connections as a ratio, p99 at 10 connections.
 * Demo content (posts with comments and reactions, Morning Coffees, the demo roster), a signed-in member.
 */
const suite: BenchSuite = {
  name: "pages",
  description: "feed, post, home and Morning Coffee pages vs the signed-in static page (50 connections; p99 at 10)",
  async run({ quick, args }) {
    const app = await startAppProcess({ name: "bench-pages", env: { SEED_DEMO: "1", JOBS: "0" }, readyWithinMs: 180_000 });
    const seconds = quick ? 3 : Number(args.seconds ?? 8);
    try {
      const seeded = app.output().split("\n").find((l) => l.includes('"demoPassword"'));
      if (!seeded) throw new Error("the demo password was not printed at first start");
      const { demoPassword } = JSON.parse(seeded) as { demoPassword: string };
      const login = await fetch(`${app.url}/login`, {
        method: "POST",
        body: new URLSearchParams({ email: "member@mieux.example", password: demoPassword }),
        headers: { Origin: app.url },
        redirect: "manual",
      });
      const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      if (login.status !== 302 || !cookie) throw new Error(`bench log-in failed (${login.status})`);
      const headers = { cookie };
      const feed = await (await fetch(`${app.url}/posts`, { headers })).text();
      const postPath = /href="(\/posts\/[a-z0-9]{20,})"/.exec(feed)?.[1];
      const sessions = await (await fetch(`${app.url}/sessions`, { headers })).text();
      const coffeePath = /href="(\/sessions\/[a-z0-9-]+)"/.exec(sessions)?.[1];
      if (!postPath || !coffeePath) throw new Error("no post or Morning Coffee to measure in the demo content");

      const pages: [string, string][] = [
        ["posts feed", "/posts"],
        ["post page", postPath],
        ["home", "/"],
        ["Morning Coffee page", coffeePath],
        ["search page", "/search?q=migration"],
      ];
      for (const [, path] of pages) await load(`${app.url}${path}`, { connections: 10, seconds: 1, headers }); // warm-up
      const staticPage = await load(`${app.url}/privacy`, { seconds, headers });
      const rows: BenchResult[] = [
        { suite: "pages", metric: "static page (/privacy, signed in) at 50 connections", value: staticPage.rps, unit: "req/s" },
      ];
      for (const [name, path] of pages) {
        const busy = await load(`${app.url}${path}`, { seconds, headers });
        const calm = await load(`${app.url}${path}`, { connections: 10, seconds, headers });
        const ratio = busy.rps / staticPage.rps;
        rows.push(
          { suite: "pages", metric: `${name} at 50 connections`, value: busy.rps, unit: "req/s" },
          { suite: "pages", metric: `${name} ÷ static page`, value: ratio, unit: "ratio", target: "≥ 0.6", pass: ratio >= 0.6 },
          { suite: "pages", metric: `${name} p99 at 10 connections`, value: calm.p99, unit: "ms", target: "≤ 150", pass: calm.p99 <= 150 },
          { suite: "pages", metric: `${name} errors + non-2xx`, value: busy.errors + busy.non2xx + calm.errors + calm.non2xx, unit: "count", target: "0", pass: busy.errors + busy.non2xx + calm.errors + calm.non2xx === 0 },
        );
      }
      rows.push({ suite: "pages", metric: "server RSS after load", value: app.rssMb(), unit: "MB" });
      return rows;
    } finally {
      await app.stop();
    }
  },
};

export default suite;
