/**
 * Fills a benchmark database with fictional roster experts (run by the roster suite in its own
 * process, with DATABASE_URL pointing at the app's bench database):
 *   node --import tsx tests/bench/roster-fill.ts <count> <member password>
 * Prints the email of a verified member account to log in with. Works on either engine.
 */
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { reindexAll } from "#app/modules/search/indexers.server.ts";
import { databaseKind, prisma } from "#app/utils/db.server.ts";
import { generateRoster, upsertSeedActions, writeRoster } from "#prisma/seeds/roster-data.ts";

const count = Number(process.argv[2] ?? 10_000);
const password = process.argv[3] ?? "bench member passphrase 2026";
const started = Date.now();
const actionIds = await upsertSeedActions(prisma);
await writeRoster(prisma, generateRoster({ count, seed: 4242 }), actionIds);
const email = "bench.member@bench.example";
await prisma.user.upsert({
  where: { email },
  update: {},
  create: { email, name: "Bench Member", role: "member", country: "BE", institution: "Bench", passwordHash: await hashPassword(password), emailVerifiedAt: new Date() },
});
// The experts are written beside the app: index their words, as `npm run cli -- search:reindex` would.
await reindexAll();
await prisma.$queryRawUnsafe(databaseKind() === "postgres" ? "ANALYZE" : "PRAGMA optimize");
await prisma.$disconnect();
console.log(JSON.stringify({ email, experts: count, seconds: (Date.now() - started) / 1000 }));
