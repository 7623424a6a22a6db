/**
 * One engine's share of the writes suite (tests/bench/suites/writes.ts), in its own process because
 * the Prisma client follows DATABASE_URL at import: migrates the database DATABASE_URL names, writes
 * Q&A votes through the vote writer with 50 in flight for SECONDS, and prints one JSON line.
 */
export {};

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const voters = Number(process.env.BENCH_VOTERS ?? 10_000);
const { getEnv } = await import("#app/utils/env.server.ts");
const { migrateDatabase } = await import("#server/prepare-db.ts");
await migrateDatabase(getEnv());
const { prisma, preparePragmas } = await import("#app/utils/db.server.ts");
const { writeVote } = await import("#app/modules/qa/vote-writer.server.ts");
await preparePragmas();

const coffee = await prisma.morningCoffee.create({ data: { slug: "bench-writes", title: "Bench", startsAt: new Date(), status: "published" } });
await prisma.user.createMany({ data: Array.from({ length: voters }, (_, i) => ({ email: `voter${i}@bench.test`, name: `Voter ${i}` })) });
const users = await prisma.user.findMany({ select: { id: true } });
const questions = await Promise.all(Array.from({ length: 10 }, (_, i) => prisma.qaQuestion.create({ data: { coffeeId: coffee.id, body: `Question ${i}`, status: "approved" } })));

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
// Lanes walk voter × question pairs in order; past the last pair they vote again on one already
// counted (an idempotent re-vote), so the rows to expect are the distinct pairs written.
const distinctPairs = Math.min(written, users.length * questions.length);
console.log(JSON.stringify({ rate: written / elapsed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, stored, counted, distinctPairs }));
