import { execFileSync } from "node:child_process";
import { ROOT } from "#tests/setup/paths.ts";
import { load } from "../http-load.ts";
import { startAppProcess, type BenchResult, type BenchSuite } from "../lib.ts";

const EXPERTS = 10_000;
const BENCH_PASSWORD = "bench member passphrase 2026";

/** Directory searches people really make: free text, filters, both, sorted and paged. */
const SEARCHES = [
  "/roster?q=asylum",
  "/roster?q=ministry&state=PL",
  "/roster?state=DE&area=International+protection+and+asylum+policy",
  "/roster?q=border&lang=fr&deployed=yes",
  "/roster?type=labour&available=1&sort=recent",
  "/roster?q=head+of+unit&page=3",
  "/roster?lang=ar&deployed=no&sort=state",
  "/roster?q=kowalska",
  "/roster?state=ES&type=interior&page=2",
  "/roster?q=statistics&area=Horizontal+interventions+%28health%2C+climate+change%2C+data%2C+gender%29",
  "/roster",
  "/roster?q=integration&available=1",
];

/** Roster directory searches at 10,000 experts against /healthz on the same server (docs/performance.md). */
const suite: BenchSuite = {
  name: "roster",
  description: `roster directory search (text + filters) at ${EXPERTS.toLocaleString("en-GB")} experts vs /healthz, 50 connections`,
  async run({ quick, args }) {
    const app = await startAppProcess({ name: "bench-roster" });
    const seconds = quick ? 3 : Number(args.seconds ?? 10);
    try {
      const fill = JSON.parse(
        execFileSync(process.execPath, ["--import", "tsx", "tests/bench/roster-fill.ts", String(EXPERTS), BENCH_PASSWORD], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: app.databaseUrl, DATA_DIR: app.dataDir, LOG_LEVEL: "warn" },
          encoding: "utf8",
        }).trim().split("\n").at(-1)!,
      ) as { email: string; seconds: number };
      const login = await fetch(`${app.url}/login`, {
        method: "POST",
        body: new URLSearchParams({ email: fill.email, password: BENCH_PASSWORD }),
        headers: { Origin: app.url },
        redirect: "manual",
      });
      const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      if (login.status !== 302 || !cookie) throw new Error(`bench log-in failed (${login.status})`);
      const headers = { cookie };
      const check = await fetch(`${app.url}/roster?q=asylum`, { headers });
      if (!check.ok || !(await check.text()).includes("Showing 1–20")) throw new Error("the directory did not answer with results");

      await load(app.url, { paths: SEARCHES, connections: 10, seconds: 2, headers }); // warm-up
      const trivial = await load(`${app.url}/healthz`, { seconds });
      // The trivial route through the whole stack (session, Remix matching, a loader, a Response).
      const trivialRemix = await load(`${app.url}/robots.txt`, { seconds, headers });
      // A static page through the same stack (session, Remix, React SSR, layout): the floor for any page.
      const staticPage = await load(`${app.url}/privacy`, { seconds, headers });
      const roster = await load(app.url, { paths: SEARCHES, seconds, headers });
      const ratio = roster.rps / trivial.rps;
      const rows: BenchResult[] = [
        { suite: "roster", metric: `seed ${EXPERTS} experts`, value: fill.seconds, unit: "s" },
        { suite: "roster", metric: "/healthz throughput (Express only)", value: trivial.rps, unit: "req/s" },
        { suite: "roster", metric: "/robots.txt throughput (trivial Remix route, signed in)", value: trivialRemix.rps, unit: "req/s" },
        { suite: "roster", metric: "static page (/privacy, signed in) throughput", value: staticPage.rps, unit: "req/s" },
        { suite: "roster", metric: "static page p99 latency", value: staticPage.p99, unit: "ms" },
        { suite: "roster", metric: "roster search throughput", value: roster.rps, unit: "req/s", target: "≥ 300", pass: roster.rps >= 300 },
        { suite: "roster", metric: "roster search p50 latency", value: roster.p50, unit: "ms" },
        { suite: "roster", metric: "roster search p99 latency", value: roster.p99, unit: "ms", target: "≤ 150", pass: roster.p99 <= 150 },
        { suite: "roster", metric: "roster search p99 incl. opening 50 connections", value: roster.p99WithStart, unit: "ms" },
        { suite: "roster", metric: "roster search vs /robots.txt (trivial Remix route)", value: (roster.rps / trivialRemix.rps) * 100, unit: "%", target: "≥ 50", pass: roster.rps / trivialRemix.rps >= 0.5 },
        { suite: "roster", metric: "roster search vs /healthz (Express only)", value: ratio * 100, unit: "%" },
        { suite: "roster", metric: "roster search vs static page", value: (roster.rps / staticPage.rps) * 100, unit: "%" },
        { suite: "roster", metric: "roster errors + non-2xx", value: roster.errors + roster.non2xx, unit: "count", target: "0", pass: roster.errors + roster.non2xx === 0 },
        { suite: "roster", metric: "server RSS after load", value: app.rssMb(), unit: "MB" },
      ];
      return rows;
    } finally {
      await app.stop();
    }
  },
};

export default suite;
