/**
 * Profiles the production server under page load: starts it with --cpu-prof, drives one or more
 * paths with autocannon, stops it and prints the heaviest functions (self and inclusive time).
 *   tsx tests/bench/profile.ts /privacy [/roster?q=asylum …] [--seconds 10] [--experts 10000] [--member]
 * --member signs in as the demo member (as the pages suite does); `{post}` in a path is the first post linked from /posts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, TMP } from "#tests/setup/paths.ts";
import { load } from "./http-load.ts";
import { startAppProcess } from "./lib.ts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv.splice(i, 2)[1] : fallback;
};
const seconds = Number(flag("seconds", "10"));
const experts = Number(flag("experts", "0"));
const noProfile = argv.includes("--no-profile");
const asMember = argv.includes("--member");
const paths = argv.filter((a) => !a.startsWith("--"));
const PASSWORD = "bench member passphrase 2026";

const profDir = path.join(TMP, "cpu-profile");
fs.rmSync(profDir, { recursive: true, force: true });
fs.mkdirSync(profDir, { recursive: true });
// The filled roster database is kept between runs (same expert count) to save the fill time.
const keptDir = path.join(TMP, `profile-roster-${experts}`);
const keptFill = path.join(keptDir, "fill.json");
const reuse = experts > 0 && fs.existsSync(keptFill);
if (experts && !reuse) fs.mkdirSync(keptDir, { recursive: true });
const app = await startAppProcess({
  name: "profile",
  // First start migrates and seeds the demo (700+ experts): on a busy shared machine that takes over a minute.
  readyWithinMs: 300_000,
  env: { SEED_DEMO: experts ? "0" : "1", LOG_LEVEL: process.env.PROF_LOG_LEVEL ?? "warn" },
  databaseUrl: experts ? `file:${path.join(keptDir, "bench.db")}` : undefined,
  nodeArgs: [...(process.env.PROF_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...(noProfile ? [] : ["--cpu-prof", `--cpu-prof-dir=${profDir}`])],
});
let headers: Record<string, string> = {};
try {
  if (experts) {
    const fill = reuse ? (JSON.parse(fs.readFileSync(keptFill, "utf8")) as { email: string }) : (JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "tests/bench/roster-fill.ts", String(experts), PASSWORD], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: app.databaseUrl, DATA_DIR: app.dataDir, LOG_LEVEL: "warn" },
        encoding: "utf8",
      }).trim().split("\n").at(-1)!,
    ) as { email: string });
    if (!reuse) fs.writeFileSync(keptFill, JSON.stringify(fill));
    const login = await fetch(`${app.url}/login`, { method: "POST", body: new URLSearchParams({ email: fill.email, password: PASSWORD }), headers: { Origin: app.url }, redirect: "manual" });
    headers = { cookie: login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
  }
  if (asMember && !experts) {
    const seeded = app.output().split("\n").find((l) => l.includes('"demoPassword"'));
    if (!seeded) throw new Error("the demo password was not printed at first start");
    const { demoPassword } = JSON.parse(seeded) as { demoPassword: string };
    const login = await fetch(`${app.url}/login`, { method: "POST", body: new URLSearchParams({ email: "member@mieux.example", password: demoPassword }), headers: { Origin: app.url }, redirect: "manual" });
    headers = { cookie: login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
  }
  const firstPost = /href="(\/posts\/[a-z0-9]{20,})"/.exec(await fetch(`${app.url}/posts`, { headers }).then((r) => r.text()))?.[1] ?? "/posts";
  for (const [i, p] of paths.entries()) paths[i] = p.replace("{post}", firstPost);
  for (const p of paths) {
    const html = await fetch(`${app.url}${p}`, { headers }).then((r) => r.text());
    fs.writeFileSync(path.join(profDir, `${p.replace(/\W+/g, "_")}.html`), html);
    console.log(`${p}: ${html.length.toLocaleString("en-GB")} characters`);
    await load(`${app.url}${p}`, { connections: 10, seconds: 2, headers });
  }
  for (const p of paths) {
    const cpuBefore = app.cpuMs();
    const r = await load(`${app.url}${p}`, { connections: 50, seconds, headers });
    const perRequest = (app.cpuMs() - cpuBefore) / r.total;
    console.log(`${p}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}, server CPU ${perRequest.toFixed(2)} ms/request`);
  }
} finally {
  await app.stop();
}
if (noProfile) process.exit(0);
const file = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error("no profile written");
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const prof = JSON.parse(fs.readFileSync(path.join(profDir, file), "utf8")) as { nodes: Node[]; samples: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfCount = new Map<number, number>();
for (const s of prof.samples) selfCount.set(s, (selfCount.get(s) ?? 0) + 1);
const label = (n: Node) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(`file://${ROOT}/`, "")}:${n.callFrame.lineNumber}`;
const self = new Map<string, number>();
const incl = new Map<string, number>();
// Start-up (module loading, migrations) and idle time are not request handling: leave them out.
const STARTUP = /^(\(idle\)|\(program\)|spawnSync|Module\._load|loadAndTranslate|evaluate|compileSourceTextModule) /;
const isStartup = (id: number) => {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (STARTUP.test(label(byId.get(cur)!))) return true;
  return false;
};
let total = 0;
for (const [id, count] of selfCount) {
  if (isStartup(id)) continue;
  total += count;
  const seen = new Set<string>();
  let cur: number | undefined = id;
  self.set(label(byId.get(id)!), (self.get(label(byId.get(id)!)) ?? 0) + count);
  while (cur !== undefined) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) {
      incl.set(l, (incl.get(l) ?? 0) + count);
      seen.add(l);
    }
    cur = parent.get(cur);
  }
}
const filter = process.env.PROF_FILTER ? new RegExp(process.env.PROF_FILTER) : null;
const top = (m: Map<string, number>, n: number) =>
  [...m].filter(([k]) => !filter || filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`).join("\n");
console.log(`\n${total} samples while serving (of ${prof.samples.length})\n\nSELF\n${top(self, 40)}\n\nINCLUSIVE\n${top(incl, 70)}`);
