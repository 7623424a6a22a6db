import { beforeAll, describe, expect, it } from "vitest";
import type { RosterViewer } from "#app/modules/roster/access.server.ts";
import { invalidateDirectoryIndex } from "#app/modules/roster/directory-index.server.ts";
import { directoryWhere, searchDirectory } from "#app/modules/roster/directory.server.ts";
import type { DirectoryQuery } from "#app/modules/roster/directory-query.ts";
import { INSTITUTION_TYPES, THEMATIC_AREAS } from "#app/modules/roster/taxonomy.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createExpert, createFocalPoint } from "#tests/factories/roster.ts";
import { createUser } from "#tests/factories/users.ts";

/**
 * The directory filters an in-memory index; the CSV export asks the database the same question
 * (directoryWhere). The words go through the search module in both. Both must give the same experts in the same order for any query and viewer.
 */

// A small deterministic generator, so a failure names a query that can be replayed.
let seed = 20261122;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];

const STATES = ["AT", "DE", "PL", "FR", "ES"];
const POSITIONS = ["Head of Unit", "Policy Officer", "Legal Adviser", "Senior Inspector", "Deputy Director"];
const INSTITUTIONS = ["Federal Office for Migration", "Ministry of Labour", "Border Guard Headquarters", "City of Tallinn", "Asylum Office"];
const LANGS = ["en", "fr", "de", "es", "pl", "ar"];
const WORDS = ["", "", "unit", "offic", "legal", "border", "asylum", "ministry head", "tallinn", "deputy director", "migration office", "zzz"];
const NOW = new Date("2026-06-01T12:00:00Z");

let viewers: RosterViewer[] = [];

beforeAll(async () => {
  const people = [];
  for (let n = 0; n < 70; n++) {
    const languages = LANGS.filter(() => random() < 0.35).map((language) => ({ language, level: pick(["B1", "C1", "native"]) }));
    const until = pick([null, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")]);
    const expert = await createExpert({
      name: `Person ${String.fromCharCode(65 + (n % 26))}${n} Example`,
      memberState: pick(STATES),
      institution: pick(INSTITUTIONS),
      institutionType: pick(INSTITUTION_TYPES),
      position: pick(POSITIONS),
      visibility: random() < 0.3 ? "organisers_and_focal_points" : "network",
      areas: THEMATIC_AREAS.filter(() => random() < 0.3),
      languages: languages.length ? languages : [{ language: "en", level: "C1" }],
      available: random() < 0.5,
      availableUntil: until,
      confirmedAt: new Date(Date.UTC(2025, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
    });
    const deployments = pick([0, 0, 1, 3]);
    if (deployments) await prisma.expertProfile.update({ where: { userId: expert.id }, data: { deploymentCount: deployments } });
    people.push(expert);
  }
  invalidateDirectoryIndex();
  const member = await createUser();
  const focal = await createFocalPoint("DE");
  const organiser = await createUser({ role: "organiser" });
  const restrictedExpert = await prisma.expertProfile.findFirstOrThrow({ where: { visibility: "organisers_and_focal_points", userId: { in: people.map((p) => p.id) } } });
  viewers = [
    { id: member.id, role: "member", focalStates: [], isOrganiser: false },
    { id: focal.id, role: "focal_point", focalStates: ["DE"], isOrganiser: false },
    { id: organiser.id, role: "organiser", focalStates: [], isOrganiser: true },
    { id: restrictedExpert.userId, role: "expert", focalStates: [], isOrganiser: false },
  ];
});

function randomQuery(): DirectoryQuery {
  return {
    q: pick(WORDS),
    state: random() < 0.3 ? pick(STATES) : "",
    area: random() < 0.2 ? pick(THEMATIC_AREAS) : "",
    type: random() < 0.2 ? pick(INSTITUTION_TYPES) : "",
    lang: random() < 0.2 ? pick(LANGS) : "",
    deployed: pick(["", "", "yes", "no"] as const),
    available: random() < 0.25,
    sort: pick(["name", "state", "recent"] as const),
    page: random() < 0.2 ? 2 : 1,
  };
}

const ORDER = {
  name: [{ sortName: "asc" }, { userId: "asc" }],
  state: [{ memberState: "asc" }, { sortName: "asc" }, { userId: "asc" }],
  recent: [{ confirmedAt: "desc" }, { userId: "asc" }],
} as const;

describe("directory index", () => {
  it("finds the same experts, in the same order, as the SQL query the export runs, for 400 random searches and four kinds of viewer", async () => {
    let nonEmpty = 0;
    for (let n = 0; n < 400; n++) {
      const viewer = viewers[n % viewers.length];
      const query = randomQuery();
      const where = await directoryWhere(viewer, query, NOW);
      const found = await searchDirectory(viewer, query, NOW);
      const [count, rows] = await Promise.all([
        prisma.expertProfile.count({ where }),
        prisma.expertProfile.findMany({ where, orderBy: [...ORDER[query.sort]], skip: (query.page - 1) * 20, take: 20, select: { userId: true } }),
      ]);
      const label = `${viewer.role} ${JSON.stringify(query)}`;
      expect(found.total, label).toBe(count);
      expect(found.experts.map((e) => e.id), label).toEqual(rows.map((r) => r.userId));
      if (count) nonEmpty++;
    }
    // The searches must exercise the index, not only agree on empty results.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it("finds a new expert by name at once", async () => {
    const viewer = viewers[2];
    const query: DirectoryQuery = { q: "quokka", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 1 };
    expect((await searchDirectory(viewer, query, NOW)).total).toBe(0);
    await createExpert({ name: "Quokka Tester", memberState: "AT" });
    expect((await searchDirectory(viewer, query, NOW)).experts.map((e) => e.name)).toEqual(["Quokka Tester"]);
  });
});
