/**
 * What each cache earns (docs/performance.md, "Rules for optimisations"): two servers of this build
 * on the same data, one with every cache and one with CACHE_DISABLE naming the caches under test,
 * loaded in alternating short bursts so both see the same machine. Prints medians per server:
 * each page's throughput ÷ the same server's signed-in /privacy, and the public calendar feed of
 * 500 Morning Coffees in ms per request (unchanged, and rebuilt after a change).
 *
 *   npm run build && tsx tests/bench/caches.ts [--rounds 3] [--seconds 5] [--disable a,b]
 */
import crypto from "node:crypto";
import { CACHES } from "#app/utils/cache.server.ts";
import { load } from "./http-load.ts";
import { median, startAppProcess } from "./lib.ts";
import { seedCoffees } from "./suites/calendar.ts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const rounds = Number(flag("rounds", "3"));
const seconds = Number(flag("seconds", "5"));
const disable = flag("disable", Object.keys(CACHES).join(","));

async function start(name: string, env: Record<string, string>) {
  const app = await startAppProcess({ name: `caches-${name}`, env: { SEED_DEMO: "1", JOBS: "0", ...env }, readyWithinMs: 180_000 });
  const seeded = app.output().split("\n").find((l) => l.includes('"demoPassword"'));
  if (!seeded) throw new Error("the demo password was not printed at first start");
  const { demoPassword } = JSON.parse(seeded) as { demoPassword: string };
  const login = await fetch(`${app.url}/login`, { method: "POST", body: new URLSearchParams({ email: "member@mieux.example", password: demoPassword }), headers: { Origin: app.url }, redirect: "manual" });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`${name}: log-in failed (${login.status})`);
  const { db, pageSlug } = seedCoffees(app.databaseUrl.replace(/^file:/, ""), 500);
  return { name, app, db, pageSlug, headers: { cookie } };
}

const servers = [await start("with", {}), await start("without", { CACHE_DISABLE: disable })];
const { pageSlug } = servers[0];
const paths = ["/privacy", "/posts", "/", `/sessions/${pageSlug}`, "/feed.atom"];
const rps = new Map<string, number[]>();
const feedMs = new Map<string, number[]>();
const push = (map: Map<string, number[]>, key: string, v: number) => map.set(key, [...(map.get(key) ?? []), v]);

async function feedTimes(s: (typeof servers)[number], changed: boolean) {
  const times: number[] = [];
  const touch = s.db.prepare("UPDATE MorningCoffee SET updatedAt = ? WHERE slug = 'bench-coffee-0'");
  for (let i = 0; i < 30; i++) {
    if (changed) touch.run(new Date(Date.now() + i).toISOString().replace("Z", "+00:00"));
    const t0 = performance.now();
    const res = await fetch(`${s.app.url}/calendar/public.ics`);
    await res.text();
    times.push(performance.now() - t0);
  }
  return median(times);
}

try {
  for (const s of servers) for (const p of paths) await load(`${s.app.url}${p}`, { connections: 10, seconds: 1, headers: s.headers });
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...servers].reverse() : servers;
    for (const p of paths) {
      for (const s of order) {
        const r = await load(`${s.app.url}${p}`, { connections: 50, seconds, headers: s.headers });
        if (r.errors + r.non2xx) console.warn(`${s.name} ${p}: ${r.errors} errors, ${r.non2xx} non-2xx`);
        push(rps, `${s.name} ${p}`, r.rps);
      }
    }
    for (const s of order) {
      push(feedMs, `${s.name} unchanged`, await feedTimes(s, false));
      push(feedMs, `${s.name} rebuilt`, await feedTimes(s, true));
    }
    console.log(`round ${round + 1} of ${rounds} done`);
  }
} finally {
  for (const s of servers) {
    s.db.close();
    await s.app.stop();
  }
}

console.log(`\nCACHE_DISABLE on "without": ${disable}; ${rounds} rounds of ${seconds} s at 50 connections (run ${crypto.randomUUID().slice(0, 8)})`);
console.table(
  paths.flatMap((p) =>
    servers.map((s) => {
      const mine = median(rps.get(`${s.name} ${p}`)!);
      return { path: p.replace(pageSlug, "…"), server: s.name, "req/s (median)": Math.round(mine), "÷ /privacy (median of rounds)": Number(median(rps.get(`${s.name} ${p}`)!.map((v, i) => v / rps.get(`${s.name} /privacy`)![i])).toFixed(2)) };
    }),
  ),
);
console.table(servers.flatMap((s) => ["unchanged", "rebuilt"].map((k) => ({ server: s.name, "public feed, 500 sessions": k, "ms/request (median of rounds)": Number(median(feedMs.get(`${s.name} ${k}`)!).toFixed(1)) }))));
