import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT, TMP } from "#tests/setup/paths.ts";
import type { BenchResult, BenchSuite } from "../lib.ts";

const DOCUMENTS = 100_000;
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@localhost:5432/postgres";

type Run = { documents: number; seedSeconds: number; searches: number; p50: number; p99: number; max: number; meanHits: number; slowest: [string, number][] };

function runWorker(databaseUrl: string, documents: number, rounds: number): Run {
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/bench/search-run.ts", databaseUrl, String(documents), String(rounds)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Run;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The search module in process over 100,000 documents (docs/performance.md: p99 ≤ 50 ms on both
 * engines). `--engine sqlite`, `--engine postgres` or both (the default); `--documents n`.
 */
const suite: BenchSuite = {
  name: "search",
  description: `search() in process over ${DOCUMENTS.toLocaleString("en-GB")} documents, SQLite FTS5 and PostgreSQL full text`,
  async run({ quick, args }) {
    const documents = Number(args.documents ?? (quick ? 20_000 : DOCUMENTS));
    const rounds = quick ? 5 : Number(args.rounds ?? 20);
    const engines = (args.engine ?? "sqlite,postgres").split(",");
    const rows: BenchResult[] = [];
    for (const engine of engines) {
      let run: Run;
      if (engine === "postgres") {
        const name = `mieux_bench_search_${process.pid}`;
        const url = new URL(PG_ADMIN);
        url.pathname = `/${name}`;
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}"`));
        try {
          run = runWorker(url.toString(), documents, rounds);
        } finally {
          await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
        }
      } else {
        const dir = path.join(TMP, `bench-search-${process.pid}`);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        try {
          run = runWorker(`file:${path.join(dir, "bench.db")}`, documents, rounds);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
      const n = run.documents.toLocaleString("en-GB");
      rows.push(
        { suite: "search", metric: `${engine}: index ${n} documents`, value: run.seedSeconds, unit: "s" },
        { suite: "search", metric: `${engine}: search p50 (${run.searches} searches)`, value: run.p50, unit: "ms" },
        { suite: "search", metric: `${engine}: search p99`, value: run.p99, unit: "ms", target: "≤ 50", pass: run.p99 <= 50 },
        { suite: "search", metric: `${engine}: slowest query (median)`, value: run.slowest[0]?.[1] ?? NaN, unit: `ms (“${run.slowest[0]?.[0] ?? ""}”)` },
      );
    }
    return rows;
  },
};

export default suite;
