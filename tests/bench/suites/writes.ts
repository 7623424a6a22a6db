import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, TMP } from "#tests/setup/paths.ts";
import { enginesFrom, freshDatabase } from "../engines.ts";
import type { BenchResult, BenchSuite } from "../lib.ts";

const run = promisify(execFile);

/**
 * Write throughput (docs/performance.md: ≥ 500 votes/s stored, on SQLite and on PostgreSQL): the Q&A
 * vote writer itself (group commit, vote row + recount in one transaction) against a fresh database
 * of each engine, with 50 votes in flight at any time (tests/bench/writes-engine.ts, one process per engine).
 */
const suite: BenchSuite = {
  name: "writes",
  description: "Q&A votes written through the vote writer, 50 in flight, on SQLite and PostgreSQL",
  async run({ quick, args }) {
    const rows: BenchResult[] = [];
    const engines = enginesFrom(args);
    for (const engine of engines) {
      const dir = path.join(TMP, `bench-writes-${engine}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const db = freshDatabase(engine, "writes");
      try {
        const { stdout } = await run(process.execPath, ["--import", "tsx", "tests/bench/writes-engine.ts"], {
          cwd: ROOT,
          env: {
            ...process.env,
            NODE_ENV: "production",
            LOG_LEVEL: "warn",
            DATA_DIR: dir,
            DATABASE_URL: db.databaseUrl ?? `file:${path.join(dir, "writes.db")}`,
            BENCH_SECONDS: quick ? "3" : "10",
            BENCH_VOTERS: quick ? "2000" : "10000",
          },
          maxBuffer: 16 * 1024 * 1024,
        });
        const r = JSON.parse(stdout.trim().split("\n").at(-1)!) as { rate: number; p99: number; stored: number; counted: number; distinctPairs: number };
        const label = (metric: string) => (engines.length > 1 ? `${engine}: ${metric}` : metric);
        rows.push(
          { suite: "writes", metric: label("votes written (vote row + recount, group commit)"), value: r.rate, unit: "votes/s", target: "≥ 500", pass: r.rate >= 500 },
          { suite: "writes", metric: label("vote write latency p99 (50 in flight)"), value: r.p99, unit: "ms" },
          { suite: "writes", metric: label("vote rows stored = distinct votes written = counts"), value: r.stored, unit: "rows", pass: r.stored === r.distinctPairs && r.counted === r.distinctPairs },
        );
      } finally {
        await db.drop();
      }
    }
    return rows;
  },
};

export default suite;
