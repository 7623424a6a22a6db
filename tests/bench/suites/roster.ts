import { execFileSync } from "node:child_process";
import { ROOT } from "#tests/setup/paths.ts";
import { enginesFrom, freshDatabase, type Engine } from "../engines.ts";
import { load } from "../http-load.ts";
import { median, startAppProcess, type AppProcess, type BenchResult, type BenchSuite } from "../lib.ts";

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

/**
 * Ways of serving the directory to measure side by side, each a server process on the same
 * database started with these settings (decision 134 compared the in-memory index with Prisma
 * queries this way, through a switch since removed).
 */
const VARIANTS: { name: string; env: Record<string, string> }[] = [{ name: "directory", env: {} }];

type Server = { engine: Engine; variant: string; app: AppProcess; headers: Record<string, string> };

async function logIn(app: AppProcess, email: string) {
  const login = await fetch(`${app.url}/login`, { method: "POST", body: new URLSearchParams({ email, password: BENCH_PASSWORD }), headers: { Origin: app.url }, redirect: "manual" });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`bench log-in failed (${login.status})`);
  const headers = { cookie };
  const check = await fetch(`${app.url}/roster?q=asylum`, { headers });
  if (!check.ok || !(await check.text()).includes("Showing 1–20")) throw new Error("the directory did not answer with results");
  return headers;
}

/** One database per engine filled with the experts, and a server per variant on it (as processes behind a load balancer would share it). */
async function startServers(engine: Engine): Promise<{ servers: Server[]; fillSeconds: number; drop(): Promise<void> }> {
  const db = freshDatabase(engine, "roster");
  const servers: Server[] = [];
  try {
    const first = await startAppProcess({ name: `bench-roster-${engine}-${VARIANTS[0].name}`, databaseUrl: db.databaseUrl, env: { JOBS: "0", ...VARIANTS[0].env }, readyWithinMs: 180_000 });
    servers.push({ engine, variant: VARIANTS[0].name, app: first, headers: {} });
    const fill = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "tests/bench/roster-fill.ts", String(EXPERTS), BENCH_PASSWORD], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: first.databaseUrl, DATA_DIR: first.dataDir, LOG_LEVEL: "warn" },
        encoding: "utf8",
      }).trim().split("\n").at(-1)!,
    ) as { email: string; seconds: number };
    for (const variant of VARIANTS.slice(1)) {
      const app = await startAppProcess({ name: `bench-roster-${engine}-${variant.name}`, databaseUrl: first.databaseUrl, env: { JOBS: "0", ...variant.env } });
      servers.push({ engine, variant: variant.name, app, headers: {} });
    }
    for (const s of servers) s.headers = await logIn(s.app, fill.email);
    return { servers, fillSeconds: fill.seconds, drop: db.drop };
  } catch (error) {
    for (const s of servers) await s.app.stop();
    await db.drop();
    throw error;
  }
}

/**
 * The roster directory at 10,000 experts against the signed-in static page (`/privacy`) of the same
 * server (docs/performance.md, pages target): throughput at 50 connections as a ratio, p99 at 10
 * connections. The servers are loaded in turn, in alternating order, for `--rounds` rounds
 * (default 3); each figure is the median of the rounds.
 */
const suite: BenchSuite = {
  name: "roster",
  description: `roster directory (text + filters, 12 searches in turn) at ${EXPERTS.toLocaleString("en-GB")} experts vs /privacy: 50 connections, p99 at 10`,
  async run({ quick, args }) {
    const engines = enginesFrom(args);
    const seconds = quick ? 2 : Number(args.seconds ?? 5);
    const rounds = quick ? 1 : Number(args.rounds ?? 3);
    const rows: BenchResult[] = [];
    for (const engine of engines) {
      const { servers, fillSeconds, drop } = await startServers(engine);
      try {
        rows.push({ suite: "roster", metric: `${engine}: seed ${EXPERTS} experts`, value: fillSeconds, unit: "s" });
        for (const s of servers) {
          await load(`${s.app.url}/privacy`, { connections: 10, seconds: 1, headers: s.headers });
          await load(s.app.url, { paths: SEARCHES, connections: 10, seconds: 2, headers: s.headers });
        }
        const figures = new Map<Server, { privacy: number[]; roster: number[]; ratio: number[]; p99: number[]; privacyP99: number[]; failures: number }>();
        for (let round = 0; round < rounds; round++) {
          for (const s of round % 2 ? [...servers].reverse() : servers) {
            const f = figures.get(s) ?? { privacy: [], roster: [], ratio: [], p99: [], privacyP99: [], failures: 0 };
            const privacy = await load(`${s.app.url}/privacy`, { seconds, headers: s.headers });
            const privacyCalm = await load(`${s.app.url}/privacy`, { connections: 10, seconds, headers: s.headers });
            const busy = await load(s.app.url, { paths: SEARCHES, seconds, headers: s.headers });
            const calm = await load(s.app.url, { paths: SEARCHES, connections: 10, seconds, headers: s.headers });
            f.privacy.push(privacy.rps);
            f.roster.push(busy.rps);
            f.ratio.push(busy.rps / privacy.rps);
            f.p99.push(calm.p99);
            f.privacyP99.push(privacyCalm.p99);
            f.failures += busy.errors + busy.non2xx + calm.errors + calm.non2xx;
            figures.set(s, f);
            console.log(JSON.stringify({ engine, variant: s.variant, round: round + 1, privacyRps: Math.round(privacy.rps), rosterRps: Math.round(busy.rps), rosterP99At10: calm.p99, privacyP99At10: privacyCalm.p99 }));
          }
        }
        for (const s of servers) {
          const f = figures.get(s)!;
          const label = (metric: string) => `${engine}, ${s.variant}: ${metric}`;
          const ratio = median(f.ratio);
          const p99 = median(f.p99);
          rows.push(
            { suite: "roster", metric: label("static page (/privacy, signed in) at 50 connections"), value: median(f.privacy), unit: "req/s" },
            { suite: "roster", metric: label("static page p99 at 10 connections"), value: median(f.privacyP99), unit: "ms" },
            { suite: "roster", metric: label("roster search at 50 connections"), value: median(f.roster), unit: "req/s" },
            { suite: "roster", metric: label("roster search ÷ static page"), value: ratio, unit: "ratio", target: "≥ 0.6", pass: ratio >= 0.6 },
            { suite: "roster", metric: label("roster search p99 at 10 connections"), value: p99, unit: "ms", target: "≤ 150", pass: p99 <= 150 },
            { suite: "roster", metric: label("roster errors + non-2xx"), value: f.failures, unit: "count", target: "0", pass: f.failures === 0 },
            { suite: "roster", metric: label("server RSS after load"), value: s.app.rssMb(), unit: "MB" },
          );
        }
      } finally {
        for (const s of servers) await s.app.stop();
        await drop();
      }
    }
    return rows;
  },
};

export default suite;
