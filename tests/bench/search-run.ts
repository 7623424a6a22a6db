/**
 * The search suite's worker (tests/bench/suites/search.ts), one process per engine:
 *   tsx tests/bench/search-run.ts <DATABASE_URL> <documents> <rounds>
 * Migrates an empty database, bulk-inserts the documents straight into the search index, then
 * times search() in this process over a mix of queries, for a visitor and for a member (whose
 * results also pass the roster's visibility rule). Prints one JSON line.
 */
const [databaseUrl, documentsArg, roundsArg] = process.argv.slice(2);
process.env.DATABASE_URL = databaseUrl;
process.env.LOG_LEVEL = "warn";
const DOCUMENTS = Number(documentsArg ?? 100_000);
const ROUNDS = Number(roundsArg ?? 20);

const { getEnv } = await import("#app/utils/env.server.ts");
const { migrateDatabase } = await import("#server/prepare-db.ts");
await migrateDatabase(getEnv());
const { prisma } = await import("#app/utils/db.server.ts");
const { insertDocuments, search } = await import("#app/modules/search/search.server.ts");
type SearchDocument = import("#app/modules/search/search.server.ts").SearchDocument;

// A seeded generator, so every run indexes the same text.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const DOMAIN = (
  "migration mobility asylum border management integration labour legal irregular return readmission reintegration " +
  "protection refugee trafficking smuggling diaspora remittances visa policy strategy capacity building training " +
  "workshop peer exchange expert deployment ministry interior institution cooperation partnership data statistics " +
  "gender climate health coordination mechanism national action plan review evaluation assessment recommendations " +
  "Mobilité coopération sécurité intégration Niederlassung Aufenthalt gestión fronteras Morning Coffee Spotlight"
).split(" ");
const SYLLABLES = "ka ri mo ta ne lu so vi de pa ra zo mi lo te ba ku fe sa no".split(" ");
const INVENTED = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(""));
/** Zipf-like: a few words are everywhere, most are rare. */
const word = () => (random() < 0.2 ? pick(DOMAIN) : INVENTED[Math.floor(INVENTED.length * random() ** 3)]!);
const words = (n: number) => Array.from({ length: n }, word).join(" ");
const TYPES = ["post", "post", "comment", "comment", "comment", "resource", "action", "spotlight", "call", "coffee", "expert", "expert"] as const;
const STATES = ["AT", "BE", "DE", "FR", "IT", "PL", "SI", "ES"];

const started = performance.now();
const batch: SearchDocument[] = [];
for (let i = 0; i < DOCUMENTS; i++) {
  const type = pick(TYPES);
  const expert = type === "expert";
  batch.push({
    type,
    id: `bench-${i}`,
    title: expert ? `${pick(["Anna", "Jan", "Élodie", "Marek", "Sofía", "Luca"])} ${pick(["Kowalska", "Müller", "Dupont", "Rossi", "García", "Novak"])}` : words(4 + Math.floor(random() * 6)),
    body: words(40 + Math.floor(random() * 120)),
    url: `/bench/${i}`,
    audience: expert ? "profile" : random() < 0.2 ? "members" : "public",
    ...(expert ? { profile: { userId: `bench-${i}`, memberState: pick(STATES), status: random() < 0.9 ? "active" : "pending", visibility: random() < 0.85 ? "network" : "organisers_and_focal_points" } } : {}),
  });
  if (batch.length === 5000) {
    await prisma.$transaction((tx) => insertDocuments(tx, batch.splice(0)), { timeout: 600_000 });
  }
}
if (batch.length) await prisma.$transaction((tx) => insertDocuments(tx, batch.splice(0)), { timeout: 600_000 });
if (getEnv().databaseKind === "postgres") await prisma.$executeRawUnsafe("ANALYZE search_document");
const seedSeconds = (performance.now() - started) / 1000;

/** What people type: one common word, a rare one, a prefix as they type, two words, accents, a name. */
const QUERIES = [
  "migration",
  "asylum policy",
  "mobilite",
  "coop",
  "bord",
  "integration labour",
  INVENTED[10]!,
  INVENTED[3000]!,
  `${INVENTED[50]!.slice(0, 4)}`,
  "kowalska",
  "elodie",
  "peer exchange expert",
  "deploying",
  "Niederlassung",
  "statistics gender",
  "returns",
];
const visitor = { user: null, roster: null };
const member = { user: { id: "bench-member", emailVerified: true }, roster: { id: "bench-member", role: "member" as const, focalStates: [], isOrganiser: false } };
for (const q of QUERIES) await search(member, { q }); // warm-up
const times: number[] = [];
const perQuery: Record<string, number[]> = {};
let hits = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const q of QUERIES) {
    for (const viewer of [visitor, member]) {
      const t = performance.now();
      const result = await search(viewer, { q, page: 1 + (round % 2) });
      const ms = performance.now() - t;
      times.push(ms);
      (perQuery[q] ??= []).push(ms);
      hits += result.total;
    }
  }
}
const sorted = [...times].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const slowest = Object.entries(perQuery)
  .map(([q, t]) => [q, t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 3);
await prisma.$disconnect();
console.log(JSON.stringify({ documents: DOCUMENTS, seedSeconds, searches: times.length, p50: at(50), p99: at(99), max: sorted.at(-1), meanHits: hits / times.length, slowest }));
export {};
