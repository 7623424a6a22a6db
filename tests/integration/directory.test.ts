import { beforeAll, describe, expect, it } from "vitest";
import type { RosterViewer } from "#app/modules/roster/access.server.ts";
import { areasTextFor, languagesTextFor, sortNameFor } from "#app/modules/roster/denormalise.ts";
import { exportRosterCsv } from "#app/modules/roster/csv.server.ts";
import { invalidateDirectoryIndex } from "#app/modules/roster/directory-index.server.ts";
import { directoryWhere, searchDirectory } from "#app/modules/roster/directory.server.ts";
import type { DirectoryQuery } from "#app/modules/roster/directory-query.ts";
import { INSTITUTION_TYPES, THEMATIC_AREAS } from "#app/modules/roster/taxonomy.ts";
import { reindexAll } from "#app/modules/search/indexers.server.ts";
import { matchingIds } from "#app/modules/search/matching.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createExpert, createFocalPoint } from "#tests/factories/roster.ts";
import { createUser } from "#tests/factories/users.ts";

/**
 * The directory against a plain model of what it promises: active profiles the viewer may see, the
 * words (the search module's answer, tested in search.test.ts), the six filters, three orders, pages
 * of 20 and the count. 70 experts varied on every field; 400 random searches by four kinds of viewer.
 * The same searches also agree with the SQL the CSV export runs (directoryWhere).
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

type Expert = {
  id: string;
  name: string;
  sortName: string;
  status: string;
  memberState: string;
  institutionType: string;
  visibility: string;
  areas: string[];
  languages: { language: string; level: string }[];
  available: boolean;
  availableUntil: Date | null;
  confirmedAt: Date;
  deployments: number;
};

const experts: Expert[] = [];
let viewers: RosterViewer[] = [];

beforeAll(async () => {
  for (let n = 0; n < 73; n++) {
    const languages = LANGS.filter(() => random() < 0.35).map((language) => ({ language, level: pick(["B1", "C1", "native"]) }));
    const e = {
      name: `Person ${String.fromCharCode(65 + (n % 26))}${n} Example`,
      // Three profiles not in the directory: an application, a declined one, a withdrawn one.
      status: n === 70 ? "pending" : n === 71 ? "declined" : n === 72 ? "inactive" : "active",
      memberState: pick(STATES),
      institution: pick(INSTITUTIONS),
      institutionType: pick(INSTITUTION_TYPES),
      position: pick(POSITIONS),
      visibility: random() < 0.3 ? "organisers_and_focal_points" : "network",
      areas: THEMATIC_AREAS.filter(() => random() < 0.3),
      languages: languages.length ? languages : [{ language: "en", level: "C1" }],
      available: random() < 0.5,
      availableUntil: pick([null, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")]),
      confirmedAt: new Date(Date.UTC(2025, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
      deployments: pick([0, 0, 1, 3]),
    } as const;
    const user = await createExpert(e);
    if (e.deployments) await prisma.expertProfile.update({ where: { userId: user.id }, data: { deploymentCount: e.deployments } });
    experts.push({ ...e, id: user.id, sortName: sortNameFor(e.name) });
  }
  const member = await createUser();
  const focal = await createFocalPoint("DE");
  const organiser = await createUser({ role: "organiser" });
  const restricted = experts.find((e) => e.status === "active" && e.visibility !== "network")!;
  viewers = [
    { id: member.id, role: "member", focalStates: [], isOrganiser: false },
    { id: focal.id, role: "focal_point", focalStates: ["DE"], isOrganiser: false },
    { id: organiser.id, role: "organiser", focalStates: [], isOrganiser: true },
    { id: restricted.id, role: "expert", focalStates: [], isOrganiser: false },
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

/** What the directory promises, written out plainly over the experts this file created. */
async function expected(viewer: RosterViewer, query: DirectoryQuery) {
  const words = await matchingIds("expert", query.q);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const orders = {
    name: (a: Expert, b: Expert) => byText(a.sortName, b.sortName) || byText(a.id, b.id),
    state: (a: Expert, b: Expert) => byText(a.memberState, b.memberState) || byText(a.sortName, b.sortName) || byText(a.id, b.id),
    recent: (a: Expert, b: Expert) => b.confirmedAt.getTime() - a.confirmedAt.getTime() || byText(a.id, b.id),
  };
  const all = experts
    .filter((e) => e.status === "active")
    .filter((e) => viewer.isOrganiser || e.id === viewer.id || viewer.focalStates.includes(e.memberState) || e.visibility === "network")
    .filter((e) => !words || words.has(e.id))
    .filter((e) => !query.state || e.memberState === query.state)
    .filter((e) => !query.type || e.institutionType === query.type)
    .filter((e) => !query.area || e.areas.includes(query.area))
    .filter((e) => !query.lang || e.languages.some((l) => l.language === query.lang))
    .filter((e) => (query.deployed === "yes" ? e.deployments > 0 : query.deployed === "no" ? e.deployments === 0 : true))
    .filter((e) => !query.available || (e.available && (!e.availableUntil || e.availableUntil >= NOW)))
    .sort(orders[query.sort]);
  return { total: all.length, page: all.slice((query.page - 1) * 20, query.page * 20) };
}

/** The SQL twin's order for each sort (directoryWhere(), the CSV export's query). */
const ORDER = {
  name: [{ sortName: "asc" }, { userId: "asc" }],
  state: [{ memberState: "asc" }, { sortName: "asc" }, { userId: "asc" }],
  recent: [{ confirmedAt: "desc" }, { userId: "asc" }],
} as const;

describe("the roster directory", () => {
  it("shows, counts and orders the active profiles a viewer may see, for 400 random searches and four kinds of viewer", async () => {
    let nonEmpty = 0;
    for (let n = 0; n < 400; n++) {
      const viewer = viewers[n % viewers.length];
      const query = randomQuery();
      const found = await searchDirectory(viewer, query, NOW);
      const want = await expected(viewer, query);
      const label = `${viewer.role} ${JSON.stringify(query)}`;
      expect(found.total, label).toBe(want.total);
      expect(found.pages, label).toBe(Math.max(1, Math.ceil(want.total / 20)));
      expect(found.experts.map((e) => e.id), label).toEqual(want.page.map((e) => e.id));
      if (want.page.length) nonEmpty++;
    }
    // The searches must find people, not only agree on empty results.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it("agrees with the SQL query the CSV export runs (same experts, same order), for 400 random searches and four kinds of viewer", async () => {
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

  it("shows each expert as their profile says", async () => {
    const organiser = viewers[2];
    const query: DirectoryQuery = { q: "", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 1 };
    const found = await searchDirectory(organiser, query, NOW);
    expect(found.experts).toHaveLength(20);
    for (const shown of found.experts) {
      const e = experts.find((x) => x.id === shown.id)!;
      expect(shown).toMatchObject({
        name: e.name,
        memberState: e.memberState,
        institutionType: e.institutionType,
        restricted: e.visibility !== "network",
        availableNow: e.available && (!e.availableUntil || e.availableUntil >= NOW),
        thematicAreas: e.areas,
        languages: e.languages,
        deployments: e.deployments,
      });
    }
  });

  it("finds a new expert by name at once", async () => {
    const viewer = viewers[2];
    const query: DirectoryQuery = { q: "quokka", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 1 };
    expect((await searchDirectory(viewer, query, NOW)).total).toBe(0);
    await createExpert({ name: "Quokka Tester", memberState: "AT" });
    expect((await searchDirectory(viewer, query, NOW)).experts.map((e) => e.name)).toEqual(["Quokka Tester"]);
  });

  it("answers a page past the end with the count and no one", async () => {
    const query: DirectoryQuery = { q: "", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 9 };
    const found = await searchDirectory(viewers[2], query, NOW);
    expect(found.experts).toEqual([]);
    expect(found.total).toBeGreaterThan(60);
    expect(found.pages).toBe(Math.ceil(found.total / 20));
  });
});

describe("a word more than a thousand experts share", () => {
  // More ids than Prisma puts in one SQLite query (999 values), as at 10,000 experts: the directory must still count and page them all.
  const many: { id: string; sortName: string; memberState: string; confirmedAt: Date }[] = [];

  beforeAll(async () => {
    const rows = Array.from({ length: 1_030 }, (_, n) => ({
      id: `numbat${String(n).padStart(5, "0")}`,
      name: `Numbat ${String.fromCharCode(65 + ((n * 7) % 26))}${(n * 7919) % 1_030} Expert`,
      memberState: STATES[n % STATES.length],
      confirmedAt: new Date(Date.UTC(2025, n % 12, 1 + (n % 28))),
    }));
    await prisma.user.createMany({ data: rows.map((r) => ({ id: r.id, email: `${r.id}@example.org`, name: r.name, role: "expert", country: r.memberState, emailVerifiedAt: NOW })) });
    await prisma.expertProfile.createMany({
      data: rows.map((r) => ({
        userId: r.id,
        memberState: r.memberState,
        institution: "Numbat Institute",
        institutionType: "interior",
        status: "active",
        confirmedAt: r.confirmedAt,
        sortName: sortNameFor(r.name),
        areasText: areasTextFor([]),
        languagesText: languagesTextFor([{ language: "en", level: "C1" }]),
      })),
    });
    await reindexAll();
    invalidateDirectoryIndex(); // written beside the app
    many.push(...rows.map((r) => ({ id: r.id, sortName: sortNameFor(r.name), memberState: r.memberState, confirmedAt: r.confirmedAt })));
  });

  it("counts them all and pages through them in order, by name, Member State and freshness", async () => {
    const member = viewers[0];
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const orders = {
      name: [...many].sort((a, b) => byText(a.sortName, b.sortName) || byText(a.id, b.id)),
      state: [...many].sort((a, b) => byText(a.memberState, b.memberState) || byText(a.sortName, b.sortName) || byText(a.id, b.id)),
      recent: [...many].sort((a, b) => b.confirmedAt.getTime() - a.confirmedAt.getTime() || byText(a.id, b.id)),
    };
    for (const sort of ["name", "state", "recent"] as const) {
      for (const page of [1, 2, 26, 52, 53]) {
        const found = await searchDirectory(member, { q: "numbat", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort, page }, NOW);
        expect(found.total).toBe(1_030);
        expect(found.pages).toBe(52);
        expect(found.experts.map((e) => e.id), `${sort} page ${page}`).toEqual(orders[sort].slice((page - 1) * 20, page * 20).map((e) => e.id));
      }
    }
    const inGermany = await searchDirectory(member, { q: "numbat institute", state: "DE", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 3 }, NOW);
    const germans = orders.name.filter((e) => e.memberState === "DE");
    expect(inGermany.total).toBe(germans.length);
    expect(inGermany.experts.map((e) => e.id)).toEqual(germans.slice(40, 60).map((e) => e.id));
  });

  it("exports them all as CSV, sorted by Member State and name (more ids than one SQLite query takes)", async () => {
    const { csv, rows } = await exportRosterCsv(viewers[0], { q: "numbat", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 1 });
    expect(rows).toBe(1_030);
    const lines = csv.trim().split("\n").slice(1);
    expect(lines).toHaveLength(1_030);
    const states = lines.map((line) => line.split(",")[2]);
    expect(states).toEqual([...states].sort());
  });
});
