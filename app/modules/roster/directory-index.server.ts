import { readRow } from "#app/utils/db-read.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { databaseVersion } from "#app/utils/shared-read.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import type { RosterViewer } from "./access.server.ts";
import { parseAreasText, parseLanguagesText } from "./denormalise.ts";
import type { DirectoryQuery } from "./directory-query.ts";
import { foldText, LANGUAGES, THEMATIC_AREAS } from "./taxonomy.ts";

/**
 * The directory's search index: every active profile's searchable fields, held in memory,
 * pre-sorted three ways, with a word → profiles map for the text search. A search at 10,000
 * experts takes about a millisecond, where SQLite needs 5–10 ms just to scan the table for the
 * count (measured; docs/decisions/022).
 *
 * The database stays the source of truth. Writes made by this process mark the index dirty;
 * otherwise, at most once a second, it asks SQLite whether anything was committed since (PRAGMA
 * data_version) and, if so, checks a stamp (number of profiles and latest updatedAt, from one
 * index) so changes made by other processes show within a second. A changed stamp
 * rebuilds the index once. (A rename in account settings reaches the directory with the next
 * roster change; the profile page is always live.)
 */
type Entry = {
  /** Position in the index, for the per-search scratch array. */
  i: number;
  id: string;
  name: string;
  sortName: string;
  searchText: string;
  memberState: string;
  institution: string;
  institutionType: string;
  position: string;
  available: boolean;
  availableUntil: number | null;
  visibility: string;
  areasText: string;
  languagesText: string;
  deploymentCount: number;
  confirmedAt: number;
  /** Integer forms of the filters, so a search compares numbers, not strings. */
  restricted: boolean;
  areaBits: number;
  langBits: number;
};

type Index = {
  stamp: string;
  byName: Entry[];
  byState: Entry[];
  byRecent: Entry[];
  /** The same per Member State (most searches name one). */
  stateByName: Map<string, Entry[]>;
  stateByRecent: Map<string, Entry[]>;
  /** Profiles open to the network, overall and per State; restricted ones per State (for counts without a scan). */
  networkCount: { all: number; byState: Map<string, number> };
  restrictedByState: Map<string, number>;
  byId: Map<string, Entry>;
  /** Every distinct word of the search texts, and the entries holding each (a word search scans words, not profiles). */
  words: string[];
  postings: Int32Array[];
  /** Scratch for one search: how many query words each entry has matched so far. */
  hits: Uint8Array;
};

/** How long another process's change may take to show here; changes made in this process show at once. */
const CHECK_EVERY_MS = 1000;

const state = singleton("roster-directory-index", () => ({
  index: null as Index | null,
  building: null as { stamp: string; promise: Promise<Index> } | null,
  checkedAt: 0,
  dataVersion: -1,
  dirty: true,
}));

/** Called after every roster write of this process: the next search checks the database again. */
export function invalidateDirectoryIndex() {
  state.dirty = true;
}

const AREA_BIT = new Map<string, number>(THEMATIC_AREAS.map((a, i) => [a, 1 << i]));
const LANG_BIT = new Map<string, number>(Object.keys(LANGUAGES).map((code, i) => [code, 1 << i]));
const areaBits = (areas: string[]) => areas.reduce((bits, a) => bits | (AREA_BIT.get(a) ?? 0), 0);
const langBits = (codes: string[]) => codes.reduce((bits, c) => bits | (LANG_BIT.get(c) ?? 0), 0);

const splitWords = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** One statement, answered from the updatedAt index: any insert, update or delete of a profile changes it. */
/** Profiles and their latest change; prepared statements on the read connection (decision 040). */
function currentStamp() {
  const row = readRow<{ n: number; latest: string | number | null }>(`SELECT COUNT(*) AS n, MAX("updatedAt") AS latest FROM "ExpertProfile"`);
  return `${row?.n ?? 0}:${row?.latest ?? ""}`;
}

async function build(stamp: string): Promise<Index> {
  const rows = await prisma.expertProfile.findMany({
    where: { status: "active" },
    select: {
      userId: true,
      sortName: true,
      searchText: true,
      memberState: true,
      institution: true,
      institutionType: true,
      position: true,
      available: true,
      availableUntil: true,
      visibility: true,
      areasText: true,
      languagesText: true,
      deploymentCount: true,
      confirmedAt: true,
      user: { select: { name: true } },
    },
  });
  const entries: Entry[] = rows.map((r, i) => ({
    i,
    id: r.userId,
    name: r.user.name,
    sortName: r.sortName,
    searchText: r.searchText,
    memberState: r.memberState,
    institution: r.institution,
    institutionType: r.institutionType,
    position: r.position,
    available: r.available,
    availableUntil: r.availableUntil?.getTime() ?? null,
    visibility: r.visibility,
    areasText: r.areasText,
    languagesText: r.languagesText,
    deploymentCount: r.deploymentCount,
    confirmedAt: r.confirmedAt.getTime(),
    restricted: r.visibility !== "network",
    areaBits: areaBits(parseAreasText(r.areasText)),
    langBits: langBits(parseLanguagesText(r.languagesText).map((l) => l.language)),
  }));
  const idOrder = (a: Entry, b: Entry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byName = [...entries].sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : idOrder(a, b)));
  const byState = [...byName].sort((a, b) => (a.memberState < b.memberState ? -1 : a.memberState > b.memberState ? 1 : 0)); // stable: by name within a State
  const byRecent = [...entries].sort((a, b) => b.confirmedAt - a.confirmedAt || idOrder(a, b));
  const stateByName = new Map<string, Entry[]>();
  const stateByRecent = new Map<string, Entry[]>();
  const networkCount = { all: 0, byState: new Map<string, number>() };
  const restrictedByState = new Map<string, number>();
  const push = (map: Map<string, Entry[]>, key: string, e: Entry) => (map.get(key) ?? map.set(key, []).get(key)!).push(e);
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const e of byName) push(stateByName, e.memberState, e);
  for (const e of byRecent) push(stateByRecent, e.memberState, e);
  for (const e of entries) {
    if (e.restricted) bump(restrictedByState, e.memberState);
    else {
      networkCount.all++;
      bump(networkCount.byState, e.memberState);
    }
  }
  const byWord = new Map<string, number[]>();
  for (const e of entries) {
    for (const w of new Set(splitWords(e.searchText))) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = []));
      list.push(e.i);
    }
  }
  const words = [...byWord.keys()];
  const postings = words.map((w) => Int32Array.from(byWord.get(w)!));
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { stamp, byName, byState, byRecent, stateByName, stateByRecent, networkCount, restrictedByState, byId, words, postings, hits: new Uint8Array(entries.length) };
}

async function getIndex(): Promise<Index> {
  const now = Date.now();
  if (state.index && !state.dirty && now - state.checkedAt < CHECK_EVERY_MS) return state.index;
  state.checkedAt = now;
  const version = databaseVersion();
  if (state.index && !state.dirty && version === state.dataVersion) return state.index;
  state.dirty = false;
  state.dataVersion = version;
  const stamp = currentStamp();
  if (state.index?.stamp === stamp) return state.index;
  // One rebuild at a time; requests wanting the same stamp share it, a newer stamp waits and rebuilds.
  while (state.building && state.building.stamp !== stamp) await state.building.promise.catch(() => null);
  if (state.index?.stamp === stamp) return state.index;
  if (!state.building) {
    const promise = build(stamp).then((index) => {
      state.index = index;
      return index;
    });
    state.building = { stamp, promise };
    void promise.finally(() => {
      if (state.building?.promise === promise) state.building = null;
    }).catch(() => null);
  }
  return state.building.promise;
}

/** How many profiles match a directory query for this viewer, and those in [from, to) in the requested order. */
export async function matchDirectory(viewer: RosterViewer, query: DirectoryQuery, { from, to }: { from: number; to: number }, now = new Date()) {
  const index = await getIndex();
  const list = query.state
    ? ((query.sort === "recent" ? index.stateByRecent : index.stateByName).get(query.state) ?? [])
    : query.sort === "state"
      ? index.byState
      : query.sort === "recent"
        ? index.byRecent
        : index.byName;
  const focal = viewer.focalStates;
  // Visibility, as visibleProfilesWhere: organisers all; others open profiles, their own, and their States' as Focal Points.
  const visible = (e: Entry) => viewer.isOrganiser || !e.restricted || e.id === viewer.id || focal.includes(e.memberState);

  const narrowed = !!(query.q.trim() || query.type || query.area || query.lang || query.deployed || query.available);
  if (!narrowed) {
    // Browsing (all, or one State): the count comes from the index's tallies, and only the page is walked.
    let total: number;
    if (viewer.isOrganiser) total = list.length;
    else {
      const states = query.state ? [query.state] : null;
      total = states ? (index.networkCount.byState.get(query.state) ?? 0) : index.networkCount.all;
      for (const f of focal) if (!states || states.includes(f)) total += index.restrictedByState.get(f) ?? 0;
      const own = index.byId.get(viewer.id);
      if (own?.restricted && !focal.includes(own.memberState) && (!query.state || own.memberState === query.state)) total++;
    }
    const window: Entry[] = [];
    let seen = 0;
    for (let k = 0; k < list.length && seen < to; k++) {
      const e = list[k];
      if (!visible(e)) continue;
      if (seen >= from) window.push(e);
      seen++;
    }
    return { total, window };
  }

  // Each query word must be part of some word of the profile (so "wisn" finds "Wiśniewska").
  // hits[i] counts the query words entry i has matched, in order; synchronous, so the scratch is ours.
  const queryWords = splitWords(foldText(query.q)).slice(0, 6);
  const hits = index.hits;
  if (queryWords.length) {
    hits.fill(0);
    queryWords.forEach((word, n) => {
      for (let k = 0; k < index.words.length; k++) {
        if (!index.words[k].includes(word)) continue;
        const posting = index.postings[k];
        for (let j = 0; j < posting.length; j++) if (hits[posting[j]] === n) hits[posting[j]] = n + 1;
      }
    });
  }
  const wanted = queryWords.length;
  const area = query.area ? (AREA_BIT.get(query.area) ?? 0) : 0;
  const lang = query.lang ? (LANG_BIT.get(query.lang) ?? 0) : 0;
  const nowMs = now.getTime();
  const window: Entry[] = [];
  let total = 0;
  for (let k = 0; k < list.length; k++) {
    const e = list[k];
    if (wanted && hits[e.i] !== wanted) continue;
    if (!visible(e)) continue;
    if (query.type && e.institutionType !== query.type) continue;
    if (area && !(e.areaBits & area)) continue;
    if (lang && !(e.langBits & lang)) continue;
    if (query.deployed === "yes" && e.deploymentCount === 0) continue;
    if (query.deployed === "no" && e.deploymentCount > 0) continue;
    if (query.available && !(e.available && (e.availableUntil === null || e.availableUntil >= nowMs))) continue;
    if (total >= from && total < to) window.push(e);
    total++;
  }
  return { total, window };
}

export function entryView(e: Entry, now: Date) {
  return {
    id: e.id,
    name: e.name,
    memberState: e.memberState,
    institution: e.institution,
    institutionType: e.institutionType,
    position: e.position,
    availableNow: e.available && (e.availableUntil === null || e.availableUntil >= now.getTime()),
    restricted: e.visibility !== "network",
    thematicAreas: parseAreasText(e.areasText),
    languages: parseLanguagesText(e.languagesText),
    deployments: e.deploymentCount,
  };
}
