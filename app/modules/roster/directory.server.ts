import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { visibleProfilesWhere, type RosterViewer } from "./access.server.ts";
import { PER_PAGE, type DirectoryQuery } from "./directory-query.ts";
import { foldText, type DirectorySort } from "./taxonomy.ts";

export { directoryParams, parseDirectoryQuery, type DirectoryQuery } from "./directory-query.ts";

export function directoryWhere(viewer: RosterViewer, query: DirectoryQuery, now = new Date()): Prisma.ExpertProfileWhereInput {
  const and: Prisma.ExpertProfileWhereInput[] = [{ status: "active" }, visibleProfilesWhere(viewer), { user: { deletedAt: null } }];
  // Every word must appear somewhere (name, institution, position, Member State, bio), accents ignored.
  for (const word of foldText(query.q).split(/\s+/).filter(Boolean).slice(0, 6)) and.push({ searchText: { contains: word } });
  if (query.state) and.push({ memberState: query.state });
  if (query.type) and.push({ institutionType: query.type });
  if (query.area) and.push({ thematicAreas: { some: { area: query.area } } });
  if (query.lang) and.push({ languages: { some: { language: query.lang } } });
  if (query.deployed === "yes") and.push({ deployments: { some: {} } });
  if (query.deployed === "no") and.push({ deployments: { none: {} } });
  if (query.available) and.push({ available: true, OR: [{ availableUntil: null }, { availableUntil: { gte: now } }] });
  return { AND: and };
}

function orderBy(sort: DirectorySort): Prisma.ExpertProfileOrderByWithRelationInput[] {
  if (sort === "state") return [{ memberState: "asc" }, { user: { name: "asc" } }];
  if (sort === "recent") return [{ confirmedAt: "desc" }, { userId: "asc" }];
  return [{ user: { name: "asc" } }, { userId: "asc" }];
}

/** One page of the roster directory, as this viewer may see it. */
export async function searchDirectory(viewer: RosterViewer, query: DirectoryQuery, now = new Date()) {
  const where = directoryWhere(viewer, query, now);
  const [total, rows] = await Promise.all([
    prisma.expertProfile.count({ where }),
    prisma.expertProfile.findMany({
      where,
      orderBy: orderBy(query.sort),
      skip: (query.page - 1) * PER_PAGE,
      take: PER_PAGE,
      select: {
        userId: true,
        memberState: true,
        institution: true,
        institutionType: true,
        position: true,
        available: true,
        availableUntil: true,
        visibility: true,
        user: { select: { name: true } },
        thematicAreas: { select: { area: true } },
        languages: { select: { language: true, level: true } },
        _count: { select: { deployments: true } },
      },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const experts = rows.map((r) => ({
    id: r.userId,
    name: r.user.name,
    memberState: r.memberState,
    institution: r.institution,
    institutionType: r.institutionType,
    position: r.position,
    availableNow: r.available && (!r.availableUntil || r.availableUntil >= now),
    restricted: r.visibility !== "network",
    thematicAreas: r.thematicAreas.map((t) => t.area),
    languages: r.languages,
    deployments: r._count.deployments,
  }));
  return { total, pages, page: query.page, perPage: PER_PAGE, experts };
}
