import type { Prisma } from "#app/generated/prisma/client.ts";
import { matchingIds } from "#app/modules/search/matching.server.ts";
import { visibleProfilesWhere, type RosterViewer } from "./access.server.ts";
import { entryView, matchDirectory } from "./directory-index.server.ts";
import { PER_PAGE, type DirectoryQuery } from "./directory-query.ts";

export { directoryParams, parseDirectoryQuery, type DirectoryQuery } from "./directory-query.ts";

/** SQLite takes at most 999 values in one statement, so a common word's matches are queried in groups. */
const ID_GROUP = 900;

/** The SQL twin of the in-memory search: one table, no joins (the words come from the search module, decision 111). */
export async function directoryWhere(viewer: RosterViewer, query: DirectoryQuery, now = new Date()): Promise<Prisma.ExpertProfileWhereInput> {
  const matched = await matchingIds("expert", query.q);
  return filtersWhere(viewer, query, now, matched ? [...matched] : null);
}

/**
 * The same query as directoryWhere(), cut into wheres of at most ID_GROUP matched profiles each (the
 * CSV export: a word 3,800 of 10,000 experts share would otherwise exceed SQLite's limit).
 */
export async function directoryWhereInGroups(viewer: RosterViewer, query: DirectoryQuery, now = new Date()): Promise<Prisma.ExpertProfileWhereInput[]> {
  const matched = await matchingIds("expert", query.q);
  if (!matched || matched.size <= ID_GROUP) return [filtersWhere(viewer, query, now, matched ? [...matched] : null)];
  const ids = [...matched];
  const groups: Prisma.ExpertProfileWhereInput[] = [];
  for (let i = 0; i < ids.length; i += ID_GROUP) groups.push(filtersWhere(viewer, query, now, ids.slice(i, i + ID_GROUP)));
  return groups;
}

function filtersWhere(viewer: RosterViewer, query: DirectoryQuery, now: Date, matchedIds: string[] | null): Prisma.ExpertProfileWhereInput {
  const and: Prisma.ExpertProfileWhereInput[] = [{ status: "active" }];
  const visibility = visibleProfilesWhere(viewer);
  if (Object.keys(visibility).length) and.push(visibility);
  if (matchedIds) and.push({ userId: { in: matchedIds } });
  if (query.state) and.push({ memberState: query.state });
  if (query.type) and.push({ institutionType: query.type });
  if (query.area) and.push({ areasText: { contains: `|${query.area}|` } });
  if (query.lang) and.push({ languagesText: { contains: `|${query.lang}:` } });
  if (query.deployed === "yes") and.push({ deploymentCount: { gt: 0 } });
  if (query.deployed === "no") and.push({ deploymentCount: 0 });
  if (query.available) and.push({ available: true, OR: [{ availableUntil: null }, { availableUntil: { gte: now } }] });
  return { AND: and };
}

/** One page of the roster directory, as this viewer may see it (from the in-memory index). */
export async function searchDirectory(viewer: RosterViewer, query: DirectoryQuery, now = new Date()) {
  const { total, window } = await matchDirectory(viewer, query, { from: (query.page - 1) * PER_PAGE, to: query.page * PER_PAGE }, now);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const experts = window.map((e) => entryView(e, now));
  return { total, pages, page: query.page, perPage: PER_PAGE, experts };
}
