import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "#tests/setup/test-env-port.ts";
import { ROOT, TMP } from "#tests/setup/paths.ts";

export type BenchResult = {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  /** The docs/performance.md target, in words (e.g. "≥ 300"). */
  target?: string;
  pass?: boolean;
};

export type BenchOptions = { quick: boolean; args: Record<string, string> };

export type BenchSuite = {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<BenchResult[]>;
};

export type AppProcess = {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  databaseUrl: string;
  /** User + system CPU time the server process has used so far, in ms (from /proc; 10 ms ticks). */
  cpuMs(): number;
  /** Resident memory of the server process, in MB (from /proc). */
  rssMb(): number;
  /** What the process has written to stdout so far (its JSON log lines), also echoed to ours. */
  output(): string;
  /** SIGTERM, then wait for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
};

/**
 * Starts the production build in its own process with its own SQLite database, the way
 * `npm start` would, and waits until /readyz answers.
 */
export async function startAppProcess({
  env = {},
  name = "bench",
  port: fixedPort,
  databaseUrl: sharedDatabaseUrl,
  nodeArgs = [],
  cwd = ROOT,
  readyWithinMs = 60_000,
}: {
  /** Another checkout of the app to run (tests/bench/compare.ts); this one by default. */
  cwd?: string;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  name?: string;
  /** A given port (e.g. to restart a server where its clients will reconnect). */
  port?: number;
  /** An existing database (e.g. several processes serving the same data). */
  databaseUrl?: string;
  /** How long the first start (migrations, seeding) may take before this gives up. */
  readyWithinMs?: number;
} = {}): Promise<AppProcess> {
  const port = fixedPort ?? (await freePort());
  const dataDir = path.join(TMP, `${name}-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseUrl = sharedDatabaseUrl ?? `file:${path.join(dataDir, "bench.db")}`;
  // --max-semi-space-size as `npm run serve` sets it (docs/decisions/040).
  const child: ChildProcess = spawn(process.execPath, ["--max-semi-space-size=32", ...nodeArgs, "--import", "tsx", "server/index.ts"], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: "0",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    process.stdout.write(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} while starting`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    pid: child.pid!,
    dataDir,
    databaseUrl,
    output: () => output,
    cpuMs() {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    rssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise<number | null>((resolve) => {
        // Already gone (e.g. a test's kill -9: exitCode stays null, signalCode is set).
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
