import type { Prisma } from "#app/generated/prisma/client.ts";
import { matchingProfileIds } from "#app/modules/search/search.server.ts";
import { visibleProfilesWhere, type RosterViewer } from "./access.server.ts";
import { entryView, matchDirectory } from "./directory-index.server.ts";
import { PER_PAGE, type DirectoryQuery } from "./directory-query.ts";

export { directoryParams, parseDirectoryQuery, type DirectoryQuery } from "./directory-query.ts";

export async function directoryWhere(viewer: RosterViewer, query: DirectoryQuery, now = new Date()): Promise<Prisma.ExpertProfileWhereInput> {
  // The SQL twin of the in-memory search (used by the CSV export): one table, no joins.
  const and: Prisma.ExpertProfileWhereInput[] = [{ status: "active" }];
  const visibility = visibleProfilesWhere(viewer);
  if (Object.keys(visibility).length) and.push(visibility);
  // The words, through the search module, as the directory's own search (decision 111).
  const matched = await matchingProfileIds(query.q);
  if (matched) and.push({ userId: { in: [...matched] } });
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
