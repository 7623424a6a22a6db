/**
 * `npm run bench`: builds the app, runs every suite in tests/bench/suites (or those named with
 * --suite a,b), prints a table and writes bench-results.json. Each suite starts the production
 * build in its own process and drives it from this one, on loopback only.
 *
 *   npm run bench -- --quick            smaller counts, for a smoke run
 *   npm run bench -- --suite qa --clients 1000
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "#tests/setup/paths.ts";
import type { BenchResult, BenchSuite } from "./lib.ts";

const argv = process.argv.slice(2);
const args: Record<string, string> = {};
for (let i = 0; i < argv.length; i++) {
  const key = argv[i];
  if (!key.startsWith("--")) continue;
  const next = argv[i + 1];
  if (next && !next.startsWith("--")) {
    args[key.slice(2)] = next;
    i++;
  } else args[key.slice(2)] = "1";
}
const quick = args.quick === "1";
const wanted = args.suite?.split(",").filter(Boolean);

if (args["skip-build"] !== "1") {
  console.log("Building the production app…");
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
}

const suiteDir = path.join(import.meta.dirname, "suites");
const files = fs.readdirSync(suiteDir).filter((f) => f.endsWith(".ts")).sort();
const results: BenchResult[] = [];
for (const file of files) {
  const suite = (await import(path.join(suiteDir, file))).default as BenchSuite;
  if (wanted && !wanted.includes(suite.name)) continue;
  console.log(`\n▶ ${suite.name}: ${suite.description}`);
  const started = Date.now();
  try {
    results.push(...(await suite.run({ quick, args })));
  } catch (error) {
    console.error(`✖ ${suite.name} failed:`, error);
    results.push({ suite: suite.name, metric: "suite failed", value: NaN, unit: String(error instanceof Error ? error.message : error), pass: false });
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const rows = results.map((r) => ({
  suite: r.suite,
  metric: r.metric,
  value: Number.isFinite(r.value) ? (Math.abs(r.value) >= 100 ? r.value.toFixed(0) : r.value.toFixed(2)) : "—",
  unit: r.unit,
  target: r.target ?? "",
  ok: r.pass === undefined ? "" : r.pass ? "yes" : "NO",
}));
console.log("");
console.table(rows);
const out = path.join(ROOT, "bench-results.json");
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), quick, node: process.version, cpus: (await import("node:os")).cpus().length, results }, null, 2));
console.log(`Wrote ${path.relative(ROOT, out)}`);
// A suite that could not run is a failed benchmark run (a missed target is reported, not fatal).
const failedSuites = results.filter((r) => r.metric === "suite failed").map((r) => r.suite);
if (failedSuites.length) {
  console.error(`✖ suites that failed to run: ${failedSuites.join(", ")}`);
  process.exit(1);
}
