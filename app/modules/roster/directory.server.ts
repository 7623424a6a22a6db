import type { Prisma } from "#app/generated/prisma/client.ts";
import { matchingProfileIds } from "#app/modules/search/search.server.ts";
import { databaseKind, prisma } from "#app/utils/db.server.ts";
import { visibleProfilesWhere, type RosterViewer } from "./access.server.ts";
import { parseAreasText, parseLanguagesText } from "./denormalise.ts";
import { entryView, matchDirectory } from "./directory-index.server.ts";
import { PER_PAGE, type DirectoryQuery } from "./directory-query.ts";

export { directoryParams, parseDirectoryQuery, type DirectoryQuery } from "./directory-query.ts";

/** Everything the directory asks besides the words, on the profile table's denormalised columns: one table, no joins (decision 022). */
function filtersWhere(viewer: RosterViewer, query: DirectoryQuery, now: Date): Prisma.ExpertProfileWhereInput[] {
  const and: Prisma.ExpertProfileWhereInput[] = [{ status: "active" }];
  const visibility = visibleProfilesWhere(viewer);
  if (Object.keys(visibility).length) and.push(visibility);
  if (query.state) and.push({ memberState: query.state });
  if (query.type) and.push({ institutionType: query.type });
  if (query.area) and.push({ areasText: { contains: `|${query.area}|` } });
  if (query.lang) and.push({ languagesText: { contains: `|${query.lang}:` } });
  if (query.deployed === "yes") and.push({ deploymentCount: { gt: 0 } });
  if (query.deployed === "no") and.push({ deploymentCount: 0 });
  if (query.available) and.push({ available: true, OR: [{ availableUntil: null }, { availableUntil: { gte: now } }] });
  return and;
}

/** The directory's question as one Prisma filter (the CSV export). The words go through the search module, as everywhere else (decision 111). */
export async function directoryWhere(viewer: RosterViewer, query: DirectoryQuery, now = new Date()): Promise<Prisma.ExpertProfileWhereInput> {
  const and = filtersWhere(viewer, query, now);
  const matched = await matchingProfileIds(query.q);
  if (matched) and.push({ userId: { in: [...matched] } });
  return { AND: and };
}

/** The directory's three orders; the user id breaks ties, so paging never repeats or skips anyone. */
export const DIRECTORY_ORDER = {
  name: [{ sortName: "asc" }, { userId: "asc" }],
  state: [{ memberState: "asc" }, { sortName: "asc" }, { userId: "asc" }],
  recent: [{ confirmedAt: "desc" }, { userId: "asc" }],
} as const satisfies Record<DirectoryQuery["sort"], Prisma.ExpertProfileOrderByWithRelationInput[]>;

type Row = { userId: string; sortName: string; memberState: string; confirmedAt: Date };
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** DIRECTORY_ORDER again, to merge pages of several queries (SQLite compares text as bytes, as these do for folded names). */
const COMPARE: Record<DirectoryQuery["sort"], (a: Row, b: Row) => number> = {
  name: (a, b) => byText(a.sortName, b.sortName) || byText(a.userId, b.userId),
  state: (a, b) => byText(a.memberState, b.memberState) || byText(a.sortName, b.sortName) || byText(a.userId, b.userId),
  recent: (a, b) => b.confirmedAt.getTime() - a.confirmedAt.getTime() || byText(a.userId, b.userId),
};

/**
 * Prisma sends each id of a list as its own value and refuses a query with more values than it
 * allows the engine: 999 on SQLite, 32,766 on PostgreSQL. A word can match thousands of experts,
 * so on SQLite their ids go in groups, each counted and paged by the database, and the groups'
 * pages are merged in the same order. (On PostgreSQL one group holds any roster we expect.)
 */
const idsPerQuery = () => (databaseKind() === "sqlite" ? 900 : 30_000);

const SHOWN = {
  userId: true,
  sortName: true,
  memberState: true,
  confirmedAt: true,
  institution: true,
  institutionType: true,
  position: true,
  available: true,
  availableUntil: true,
  visibility: true,
  areasText: true,
  languagesText: true,
  deploymentCount: true,
  user: { select: { name: true } },
} as const satisfies Prisma.ExpertProfileSelect;

// TEMPORARY (decision 134's measurement): DIRECTORY_INDEX=1 serves the page from the in-memory index.
// eslint-disable-next-line no-restricted-properties -- removed with the index or the switch after the measurement
const USE_INDEX = process.env.DIRECTORY_INDEX === "1";

/** One page of the roster directory, as this viewer may see it. */
export async function searchDirectory(viewer: RosterViewer, query: DirectoryQuery, now = new Date()) {
  if (USE_INDEX) {
    const { total, window } = await matchDirectory(viewer, query, { from: (query.page - 1) * PER_PAGE, to: query.page * PER_PAGE }, now);
    return { total, pages: Math.max(1, Math.ceil(total / PER_PAGE)), page: query.page, perPage: PER_PAGE, experts: window.map((e) => entryView(e, now)) };
  }
  const filters = filtersWhere(viewer, query, now);
  const matched = await matchingProfileIds(query.q);
  const groups: Prisma.ExpertProfileWhereInput[] = [];
  if (!matched) groups.push({ AND: filters });
  else {
    const ids = [...matched];
    const size = idsPerQuery();
    for (let i = 0; i < ids.length; i += size) groups.push({ AND: [...filters, { userId: { in: ids.slice(i, i + size) } }] });
  }
  const counts = await Promise.all(groups.map((where) => prisma.expertProfile.count({ where })));
  const total = counts.reduce((sum, n) => sum + n, 0);
  const from = (query.page - 1) * PER_PAGE;
  const orderBy = [...DIRECTORY_ORDER[query.sort]];
  const rows =
    groups.length === 1
      ? await prisma.expertProfile.findMany({ where: groups[0], orderBy, skip: from, take: PER_PAGE, select: SHOWN })
      : (await Promise.all(groups.filter((_, i) => counts[i] > 0).map((where) => prisma.expertProfile.findMany({ where, orderBy, take: from + PER_PAGE, select: SHOWN }))))
          .flat()
          .sort(COMPARE[query.sort])
          .slice(from, from + PER_PAGE);
  const experts = rows.map((r) => ({
    id: r.userId,
    name: r.user.name,
    memberState: r.memberState,
    institution: r.institution,
    institutionType: r.institutionType,
    position: r.position,
    availableNow: r.available && (r.availableUntil === null || r.availableUntil.getTime() >= now.getTime()),
    restricted: r.visibility !== "network",
    thematicAreas: parseAreasText(r.areasText),
    languages: parseLanguagesText(r.languagesText),
    deployments: r.deploymentCount,
  }));
  return { total, pages: Math.max(1, Math.ceil(total / PER_PAGE)), page: query.page, perPage: PER_PAGE, experts };
}
