/**
 * `npm test`: every suite that can run on this machine. Suites that need Chromium, PostgreSQL,
 * Redis or an IMAP server (dovecot) run when those are present and are skipped with a loud notice
 * otherwise; REQUIRE_E2E=1, REQUIRE_PG=1, REQUIRE_REDIS=1 and REQUIRE_IMAP=1 turn such a skip into
 * a failure.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { NGINX_PATH } from "./setup/nginx.ts";
import { ROOT, TMP } from "./setup/paths.ts";

const required = (name: string) => process.env[name] === "1" || process.env[name] === "true";

function reachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function urlHostPort(url: string | undefined, fallbackPort: number) {
  if (!url) return { host: "127.0.0.1", port: fallbackPort };
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || fallbackPort) };
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const pg = urlHostPort(process.env.TEST_PG_URL, 5432);
const redis = urlHostPort(process.env.TEST_REDIS_URL, 6379);
const dovecot = process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot";

const suites = [
  { name: "e2e", env: "REQUIRE_E2E", what: `Chromium at ${chromium}`, present: async () => fs.existsSync(chromium), dir: "tests/e2e", hint: "apt-get install -y chromium (or set CHROMIUM_PATH)" },
  { name: "pg", env: "REQUIRE_PG", what: `PostgreSQL on ${pg.host}:${pg.port}`, present: () => reachable(pg.host, pg.port), dir: "tests/scale-pg", hint: "start PostgreSQL or set TEST_PG_URL" },
  // Calendar replies over IMAP: the test starts its own dovecot; the file lives in the integration project.
  { name: "imap", env: "REQUIRE_IMAP", what: `dovecot at ${dovecot}`, present: async () => fs.existsSync(dovecot), dir: "tests/integration/calendar-replies.test.ts", hint: "apt-get install -y dovecot-imapd (or set DOVECOT_PATH)" },
  {
    name: "redis",
    env: "REQUIRE_REDIS",
    what: `Redis on ${redis.host}:${redis.port}, PostgreSQL on ${pg.host}:${pg.port} and nginx at ${NGINX_PATH}`,
    present: async () => fs.existsSync(NGINX_PATH) && (await reachable(redis.host, redis.port)) && (await reachable(pg.host, pg.port)),
    dir: "tests/scale",
    hint: "start Redis (or set TEST_REDIS_URL), start PostgreSQL (or set TEST_PG_URL) and apt-get install -y nginx",
  },
];

const projects = ["unit", "integration"];
const skipped: string[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, MIEUX_TEST_RUN_ID: `${process.pid}-${Date.now()}` };
for (const suite of suites) {
  const exists = fs.existsSync(path.join(ROOT, suite.dir));
  if (!exists) continue;
  const present = await suite.present();
  if (present) {
    env[`MIEUX_HAS_${suite.name.toUpperCase()}`] = "1";
    if (suite.name === "e2e") projects.push("e2e");
    continue;
  }
  if (required(suite.env)) {
    console.error(`\n✖ ${suite.env}=1 but ${suite.what} is not available (${suite.hint}).\n`);
    process.exit(1);
  }
  skipped.push(`${suite.name}: ${suite.what} not found — ${suite.hint}`);
}
if (fs.existsSync(path.join(ROOT, "tests/scale")) && env.MIEUX_HAS_REDIS) projects.push("scale");
if (fs.existsSync(path.join(ROOT, "tests/scale-pg")) && env.MIEUX_HAS_PG) projects.push("integration-pg");

const banner = (lines: string[]) => {
  if (!lines.length) return;
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.warn(`\n${"!".repeat(width)}\n!! SKIPPED SUITES${" ".repeat(width - 19)}!!`);
  for (const l of lines) console.warn(`!! ${l.padEnd(width - 6)} !!`);
  console.warn(`${"!".repeat(width)}\n`);
};
banner(skipped);

fs.mkdirSync(TMP, { recursive: true });
const reportFile = path.join(TMP, "report.json");
const extra = process.argv.slice(2);
const args = ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...extra];
const child = spawn(path.join(ROOT, "node_modules", ".bin", "vitest"), args, { cwd: ROOT, env, stdio: "inherit" });
const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));

try {
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  banner(skipped);
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
  if (report.numPassedTests === 0 && code === 0) process.exit(1);
} catch {
  console.log("tests: no report was written");
}
process.exit(code);
