import { isMemberState } from "#app/utils/countries.ts";
import { INSTITUTION_TYPES, LANGUAGES, SORTS, THEMATIC_AREAS, type DirectorySort } from "./taxonomy.ts";
import { parsePage } from "#app/utils/paging.ts";

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
    page: parsePage(params.get("page")),
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

