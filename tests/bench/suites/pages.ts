import { enginesFrom, freshDatabase, type Engine } from "../engines.ts";
import { load } from "../http-load.ts";
import { startAppProcess, type AppProcess, type BenchResult, type BenchSuite } from "../lib.ts";

/**
 * The community's pages against the signed-in static page (`/privacy`) of the same server in the
 * same run (docs/performance.md): throughput at 50 connections as a ratio, p99 at 10 connections.
 * Demo content (posts with comments and reactions, Morning Coffees, the demo roster), a signed-in member.
 * On both engines by default: one server on SQLite and one on a fresh PostgreSQL database, loaded
 * in turn page by page, so each page's PostgreSQL throughput is a ratio of its SQLite throughput
 * measured on the same machine at the same time.
 */
type Server = { engine: Engine; app: AppProcess; headers: Record<string, string>; pages: [string, string][]; drop(): Promise<void> };

async function startServer(engine: Engine): Promise<Server> {
  const db = freshDatabase(engine, "pages");
  const app = await startAppProcess({ name: `bench-pages-${engine}`, databaseUrl: db.databaseUrl, env: { SEED_DEMO: "1", JOBS: "0" }, readyWithinMs: 180_000 });
  const seeded = app.output().split("\n").find((l) => l.includes('"demoPassword"'));
  if (!seeded) throw new Error(`${engine}: the demo password was not printed at first start`);
  const { demoPassword } = JSON.parse(seeded) as { demoPassword: string };
  const login = await fetch(`${app.url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "member@mieux.example", password: demoPassword }),
    headers: { Origin: app.url },
    redirect: "manual",
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`${engine}: bench log-in failed (${login.status})`);
  const headers = { cookie };
  const feed = await (await fetch(`${app.url}/posts`, { headers })).text();
  const postPath = /href="(\/posts\/[a-z0-9]{20,})"/.exec(feed)?.[1];
  const sessions = await (await fetch(`${app.url}/sessions`, { headers })).text();
  const coffeePath = /href="(\/sessions\/[a-z0-9-]+)"/.exec(sessions)?.[1];
  if (!postPath || !coffeePath) throw new Error(`${engine}: no post or Morning Coffee to measure in the demo content`);
  const pages: [string, string][] = [
    ["posts feed", "/posts"],
    ["post page", postPath],
    ["home", "/"],
    ["Morning Coffee page", coffeePath],
    ["search page", "/search?q=migration"],
  ];
  return { engine, app, headers, pages, drop: db.drop };
}

const suite: BenchSuite = {
  name: "pages",
  description: "feed, post, home, Morning Coffee and search pages vs the signed-in static page (50 connections; p99 at 10), on SQLite and PostgreSQL",
  async run({ quick, args }) {
    const engines = enginesFrom(args);
    const seconds = quick ? 3 : Number(args.seconds ?? 8);
    const servers: Server[] = [];
    try {
      for (const engine of engines) servers.push(await startServer(engine));
      const rows: BenchResult[] = [];
      const label = (s: Server, metric: string) => (engines.length > 1 ? `${s.engine}: ${metric}` : metric);
      for (const s of servers) for (const [, path] of s.pages) await load(`${s.app.url}${path}`, { connections: 10, seconds: 1, headers: s.headers }); // warm-up
      const staticRps = new Map<Server, number>();
      for (const s of servers) {
        const staticPage = await load(`${s.app.url}/privacy`, { seconds, headers: s.headers });
        staticRps.set(s, staticPage.rps);
        rows.push({ suite: "pages", metric: label(s, "static page (/privacy, signed in) at 50 connections"), value: staticPage.rps, unit: "req/s" });
      }
      for (let i = 0; i < servers[0].pages.length; i++) {
        const busyRps = new Map<Engine, number>();
        const name = servers[0].pages[i][0];
        for (const s of servers) {
          const path = s.pages[i][1];
          const busy = await load(`${s.app.url}${path}`, { seconds, headers: s.headers });
          const calm = await load(`${s.app.url}${path}`, { connections: 10, seconds, headers: s.headers });
          busyRps.set(s.engine, busy.rps);
          const ratio = busy.rps / staticRps.get(s)!;
          const failures = busy.errors + busy.non2xx + calm.errors + calm.non2xx;
          rows.push(
            { suite: "pages", metric: label(s, `${name} at 50 connections`), value: busy.rps, unit: "req/s" },
            { suite: "pages", metric: label(s, `${name} ÷ static page`), value: ratio, unit: "ratio", target: "≥ 0.6", pass: ratio >= 0.6 },
            { suite: "pages", metric: label(s, `${name} p99 at 10 connections`), value: calm.p99, unit: "ms", target: "≤ 150", pass: calm.p99 <= 150 },
            { suite: "pages", metric: label(s, `${name} errors + non-2xx`), value: failures, unit: "count", target: "0", pass: failures === 0 },
          );
        }
        if (busyRps.has("sqlite") && busyRps.has("postgres")) {
          const ratio = busyRps.get("postgres")! / busyRps.get("sqlite")!;
          rows.push({ suite: "pages", metric: `${name}: PostgreSQL ÷ SQLite throughput`, value: ratio, unit: "ratio", target: "≥ 0.7", pass: ratio >= 0.7 });
        }
      }
      for (const s of servers) rows.push({ suite: "pages", metric: label(s, "server RSS after load"), value: s.app.rssMb(), unit: "MB" });
      return rows;
    } finally {
      for (const s of servers) {
        await s.app.stop();
        await s.drop();
      }
    }
  },
};

export default suite;
