/**
 * Before/after on a noisy machine: runs this checkout and another one (e.g. a worktree of an older
 * commit, built) side by side, each with its own copy of the same 10,000-expert database, and loads
 * them in alternating short bursts so both see the same machine. Prints medians per server.
 *   tsx tests/bench/compare.ts --base /path/to/other/checkout [--rounds 5] [--seconds 4] [paths…]
 * `--base-env KEY=VALUE[,KEY=VALUE]` starts the base server with those settings; with `--base .` this
 * checkout runs twice, with and without a setting (e.g. `--base . --base-env CACHE_DISABLE=posts-feed`).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, TMP } from "#tests/setup/paths.ts";
import { load } from "./http-load.ts";
import { median, startAppProcess, type AppProcess } from "./lib.ts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv.splice(i, 2)[1] : fallback;
};
const base = path.resolve(flag("base", ""));
const rounds = Number(flag("rounds", "5"));
const seconds = Number(flag("seconds", "4"));
const experts = Number(flag("experts", "10000"));
const baseEnv = Object.fromEntries(
  flag("base-env", "")
    .split(",")
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
);
const paths = argv.length ? argv : ["/privacy", "/roster?q=asylum", "/roster?type=labour&available=1&sort=recent", "/"];
if (!fs.existsSync(path.join(base, "build/server/index.js"))) throw new Error(`--base must be a built checkout (no build/server/index.js in ${base})`);
const PASSWORD = "bench member passphrase 2026";

// One filled database, copied for each server.
const dir = path.join(TMP, `compare-${experts}`);
const seedDb = path.join(dir, "seed.db");
const fillFile = path.join(dir, "fill.json");
if (!fs.existsSync(fillFile)) {
  fs.mkdirSync(dir, { recursive: true });
  const seeding = await startAppProcess({ name: "compare-seed", databaseUrl: `file:${seedDb}`, env: { JOBS: "0" } });
  await seeding.stop();
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/bench/roster-fill.ts", String(experts), PASSWORD], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${seedDb}`, DATA_DIR: dir, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  fs.writeFileSync(fillFile, out.trim().split("\n").at(-1)!);
}
const { email } = JSON.parse(fs.readFileSync(fillFile, "utf8")) as { email: string };

async function start(name: string, cwd: string, env: Record<string, string> = {}) {
  const db = path.join(dir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  fs.copyFileSync(seedDb, db);
  const app = await startAppProcess({ name: `compare-${name}`, cwd, databaseUrl: `file:${db}`, env: { JOBS: "0", ...env } });
  const login = await fetch(`${app.url}/login`, { method: "POST", body: new URLSearchParams({ email, password: PASSWORD }), headers: { Origin: app.url }, redirect: "manual" });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`${name}: log-in failed (${login.status})`);
  return { name, app, headers: { cookie } };
}

type Server = { name: string; app: AppProcess; headers: Record<string, string> };
const servers: Server[] = [await start("base", base, baseEnv), await start("this", ROOT)];
const results = new Map<string, { rps: number[]; p99: number[]; cpu: number[] }>();
try {
  for (const s of servers) for (const p of paths) await load(`${s.app.url}${p}`, { connections: 10, seconds: 2, headers: s.headers });
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...servers].reverse() : servers;
    for (const p of paths) {
      for (const s of order) {
        const cpu = s.app.cpuMs();
        const r = await load(`${s.app.url}${p}`, { connections: 50, seconds, headers: s.headers });
        const key = `${p}\u0000${s.name}`;
        const entry = results.get(key) ?? { rps: [], p99: [], cpu: [] };
        entry.rps.push(r.rps);
        entry.p99.push(r.p99);
        entry.cpu.push((s.app.cpuMs() - cpu) / r.total);
        results.set(key, entry);
        if (r.errors + r.non2xx) console.warn(`${s.name} ${p}: ${r.errors} errors, ${r.non2xx} non-2xx`);
      }
    }
  }
} finally {
  for (const s of servers) await s.app.stop();
}
const rows = paths.flatMap((p) =>
  servers.map((s) => {
    const e = results.get(`${p}\u0000${s.name}`)!;
    return { path: p, server: s.name, "req/s (median)": Math.round(median(e.rps)), "p99 ms (median)": Math.round(median(e.p99)), "server CPU ms/request (median)": Number(median(e.cpu).toFixed(2)) };
  }),
);
console.table(rows);
