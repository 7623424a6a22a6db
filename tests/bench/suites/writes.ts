import fs from "node:fs";
import path from "node:path";
import { TMP } from "#tests/setup/paths.ts";
import type { BenchResult, BenchSuite } from "../lib.ts";

/**
 * SQLite write throughput (docs/performance.md: ≥ 500 votes/s with WAL, synchronous=NORMAL, busy_timeout):
 * the Q&A vote writer itself (group commit, vote row + recount in one transaction), in this process
 * against its own database, with 50 votes in flight at any time.
 */
const suite: BenchSuite = {
  name: "writes",
  description: "Q&A votes written to SQLite through the vote writer, 50 in flight",
  async run({ quick }) {
    const dir = path.join(TMP, "bench-writes");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    Object.assign(process.env, { DATABASE_URL: `file:${path.join(dir, "writes.db")}`, LOG_LEVEL: "warn", NODE_ENV: "production" });
    const { getEnv } = await import("#app/utils/env.server.ts");
    const { migrateDatabase } = await import("#server/prepare-db.ts");
    await migrateDatabase(getEnv());
    const { prisma, preparePragmas } = await import("#app/utils/db.server.ts");
    const { writeVote } = await import("#app/modules/qa/vote-writer.server.ts");
    await preparePragmas();

    const voters = quick ? 2_000 : 10_000;
    const coffee = await prisma.morningCoffee.create({ data: { slug: "bench-writes", title: "Bench", startsAt: new Date(), status: "published" } });
    await prisma.user.createMany({ data: Array.from({ length: voters }, (_, i) => ({ email: `voter${i}@bench.test`, name: `Voter ${i}` })) });
    const users = await prisma.user.findMany({ select: { id: true } });
    const questions = await Promise.all(
      Array.from({ length: 10 }, (_, i) => prisma.qaQuestion.create({ data: { coffeeId: coffee.id, body: `Question ${i}`, status: "approved" } })),
    );

    const seconds = quick ? 3 : 10;
    const deadline = Date.now() + seconds * 1000;
    const latencies: number[] = [];
    let written = 0;
    let next = 0;
    async function lane() {
      while (Date.now() < deadline) {
        const i = next++;
        const user = users[i % users.length];
        const question = questions[Math.floor(i / users.length) % questions.length];
        const started = performance.now();
        await writeVote({ questionId: question.id, userId: user.id, value: 1 });
        latencies.push(performance.now() - started);
        written++;
      }
    }
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 50 }, lane));
    const elapsed = (performance.now() - t0) / 1000;
    const stored = await prisma.qaVote.count();
    const counted = (await prisma.qaQuestion.aggregate({ _sum: { voteCount: true } }))._sum.voteCount ?? 0;
    await prisma.$disconnect();
    latencies.sort((a, b) => a - b);
    const rate = written / elapsed;
    // Lanes walk voter × question pairs in order; past the last pair they vote again on one already
    // counted (an idempotent re-vote), so the rows to expect are the distinct pairs written.
    const distinctPairs = Math.min(written, users.length * questions.length);
    const rows: BenchResult[] = [
      { suite: "writes", metric: "votes written (vote row + recount, group commit)", value: rate, unit: "votes/s", target: "≥ 500", pass: rate >= 500 },
      { suite: "writes", metric: "vote write latency p99 (50 in flight)", value: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, unit: "ms" },
      { suite: "writes", metric: "vote rows stored = distinct votes written = counts", value: stored, unit: "rows", pass: stored === distinctPairs && counted === distinctPairs },
    ];
    return rows;
  },
};

export default suite;
