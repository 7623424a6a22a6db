import type { Prisma } from "#app/generated/prisma/client.ts";
import { isMemberState } from "#app/utils/countries.ts";
import { prisma } from "#app/utils/db.server.ts";
import { visibleProfilesWhere, type RosterViewer } from "./access.server.ts";
import { foldText, INSTITUTION_TYPES, LANGUAGES, THEMATIC_AREAS } from "./taxonomy.ts";

export const SORTS = { name: "Name (A–Z)", state: "Member State", recent: "Recently confirmed" } as const;
export type DirectorySort = keyof typeof SORTS;
export const PER_PAGE = 20;

export type DirectoryQuery = {
  q: string;
  state: string;
  area: string;
  type: string;
  lang: string;
  /** "yes" (deployed at least once), "no" (not yet), or "" (either). */
  deployed: "" | "yes" | "no";
  available: boolean;
  sort: DirectorySort;
  page: number;
};

/** Reads the directory query from the URL; anything unknown is ignored rather than failing. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | "" => (value && (allowed as readonly string[]).includes(value) ? (value as T) : "");
  const state = params.get("state")?.toUpperCase() ?? "";
  const deployed = params.get("deployed");
  const sort = params.get("sort");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    state: isMemberState(state) ? state : "",
    area: pick(params.get("area"), THEMATIC_AREAS),
    type: pick(params.get("type"), INSTITUTION_TYPES),
    lang: pick(params.get("lang"), Object.keys(LANGUAGES)),
    deployed: deployed === "yes" || deployed === "no" ? deployed : "",
    available: params.get("available") === "1",
    sort: sort && sort in SORTS ? (sort as DirectorySort) : "name",
    page: Math.min(10_000, Math.max(1, Math.floor(Number(params.get("page"))) || 1)),
  };
}

/** The same query back as URL parameters, leaving out defaults (for links, export and paging). */
export function directoryParams(query: Partial<DirectoryQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.state) params.set("state", query.state);
  if (query.area) params.set("area", query.area);
  if (query.type) params.set("type", query.type);
  if (query.lang) params.set("lang", query.lang);
  if (query.deployed) params.set("deployed", query.deployed);
  if (query.available) params.set("available", "1");
  if (query.sort && query.sort !== "name") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  return params;
}

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
