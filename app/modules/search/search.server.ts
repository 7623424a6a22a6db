import { canSeeProfile, type RosterViewer } from "#app/modules/roster/access.server.ts";
import { databaseKind, prisma, type Transaction } from "#app/utils/db.server.ts";
import type { SearchType } from "./types.ts";
import { fold, ftsQuery, MARK_END, MARK_START, markedToHtml, queryTerms, stripMarkers, tsQuery } from "./query.ts";

/**
 * One search over everything (decision 110). The index holds one SearchDocument per searchable
 * thing, written by the content modules in the same transaction as the content (indexers.server.ts),
 * in an engine-specific table: SQLite FTS5 (porter + unicode61 without diacritics, prefix indexes,
 * bm25 with the title weighted) or PostgreSQL full text (a generated tsvector over an unaccented
 * English configuration, title weight A, GIN, ts_rank_cd). Only visible things are indexed (no
 * drafts, nothing hidden, deleted or held); who may see what is decided per search by `audience`,
 * and for expert profiles by the roster's one rule, canSeeProfile().
 */

export { SEARCH_TYPES, TYPE_LABELS, type SearchType } from "./types.ts";

/**
 * public: anyone; members: a member (a verified account, as the posts feed and /calls decide);
 * profile: a member whom the roster rule lets see this profile.
 */
export type Audience = "public" | "members" | "profile";

export type ProfileFields = { userId: string; memberState: string; status: string; visibility: string };

export type SearchDocument = {
  type: SearchType;
  id: string;
  title: string;
  body: string;
  url: string;
  audience: Audience;
  profile?: ProfileFields;
};

export type SearchViewer = { user: { id: string; emailVerified: boolean } | null; roster: RosterViewer | null };

type Db = Transaction | typeof prisma;

const MAX_BODY = 100_000;

function clean(doc: SearchDocument) {
  const p = doc.profile;
  return [
    doc.type,
    doc.id,
    stripMarkers(doc.title),
    stripMarkers(doc.body).slice(0, MAX_BODY),
    doc.url,
    doc.audience,
    p?.userId ?? null,
    p?.memberState ?? null,
    p?.status ?? null,
    p?.visibility ?? null,
  ] as const;
}

/** Adds or replaces one document. */
export async function putDocument(db: Db, doc: SearchDocument): Promise<void> {
  const [type, id, title, body, url, audience, owner, state, status, visibility] = clean(doc);
  if (databaseKind() === "postgres") {
    await db.$executeRawUnsafe(
      `INSERT INTO search_document (type, ref_id, title, body, url, audience, owner_id, member_state, profile_status, profile_visibility)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (type, ref_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, url = EXCLUDED.url, audience = EXCLUDED.audience,
         owner_id = EXCLUDED.owner_id, member_state = EXCLUDED.member_state, profile_status = EXCLUDED.profile_status, profile_visibility = EXCLUDED.profile_visibility`,
      type,
      id,
      title,
      body,
      url,
      audience,
      owner,
      state,
      status,
      visibility,
    );
    return;
  }
  const rows = await db.$queryRawUnsafe<{ rowid: number | bigint }[]>(
    `INSERT INTO search_document (type, ref_id, url, audience, owner_id, member_state, profile_status, profile_visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (type, ref_id) DO UPDATE SET url = excluded.url, audience = excluded.audience, owner_id = excluded.owner_id,
       member_state = excluded.member_state, profile_status = excluded.profile_status, profile_visibility = excluded.profile_visibility
     RETURNING rowid`,
    type,
    id,
    url,
    audience,
    owner,
    state,
    status,
    visibility,
  );
  const rowid = Number(rows[0]!.rowid);
  await db.$executeRawUnsafe(`DELETE FROM search_fts WHERE rowid = ?`, rowid);
  await db.$executeRawUnsafe(`INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)`, rowid, title, body);
}

/** Removes one document (nothing happens when it is not there). */
export async function removeDocument(db: Db, type: SearchType, id: string): Promise<void> {
  if (databaseKind() === "postgres") {
    await db.$executeRawUnsafe(`DELETE FROM search_document WHERE type = $1 AND ref_id = $2`, type, id);
    return;
  }
  const rows = await db.$queryRawUnsafe<{ rowid: number | bigint }[]>(`DELETE FROM search_document WHERE type = ? AND ref_id = ? RETURNING rowid`, type, id);
  for (const r of rows) await db.$executeRawUnsafe(`DELETE FROM search_fts WHERE rowid = ?`, Number(r.rowid));
}

/**
 * Empties the index for a rebuild, which writes everything again in the same transaction, and holds
 * every other write to the index until that transaction ends, so a content write that commits during
 * the rebuild is not lost (decision 130). A content write indexes its change in its own transaction
 * (indexers.server.ts): if the rebuild read the content before that write committed, the write's
 * index statement must run after the rebuild commits, on the rebuilt rows. PostgreSQL: a table lock
 * that conflicts with INSERT, UPDATE and DELETE but not with SELECT (searches keep reading the old
 * index). SQLite: nothing to add, there is one writer at a time and the DELETE takes the write lock.
 */
export async function clearIndex(db: Db): Promise<void> {
  if (databaseKind() === "postgres") {
    await db.$executeRawUnsafe(`LOCK TABLE search_document IN EXCLUSIVE MODE`);
    await db.$executeRawUnsafe(`DELETE FROM search_document`);
    return;
  }
  await db.$executeRawUnsafe(`DELETE FROM search_document`);
  await db.$executeRawUnsafe(`DELETE FROM search_fts`);
}

export async function hasDocuments(): Promise<boolean> {
  const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM search_document LIMIT 1`);
  return rows.length > 0;
}

/** Many new documents at once (rebuilds, the benchmark): multi-row inserts into an index that holds none of them. */
export async function insertDocuments(db: Db, docs: SearchDocument[]): Promise<void> {
  const BATCH = 400;
  if (databaseKind() === "postgres") {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const values = batch.map((_, j) => `(${Array.from({ length: 10 }, (__, k) => `$${j * 10 + k + 1}`).join(", ")})`).join(", ");
      await db.$executeRawUnsafe(
        `INSERT INTO search_document (type, ref_id, title, body, url, audience, owner_id, member_state, profile_status, profile_visibility) VALUES ${values}`,
        ...batch.flatMap(clean),
      );
    }
    return;
  }
  const [{ next }] = await db.$queryRawUnsafe<{ next: number | bigint }[]>(`SELECT COALESCE(MAX(rowid), 0) + 1 AS next FROM search_document`);
  let rowid = Number(next);
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH).map((d) => ({ rowid: rowid++, c: clean(d) }));
    await db.$executeRawUnsafe(
      `INSERT INTO search_document (rowid, type, ref_id, url, audience, owner_id, member_state, profile_status, profile_visibility) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      ...batch.flatMap(({ rowid: r, c }) => [r, c[0], c[1], c[4], c[5], c[6], c[7], c[8], c[9]]),
    );
    await db.$executeRawUnsafe(`INSERT INTO search_fts (rowid, title, body) VALUES ${batch.map(() => "(?, ?, ?)").join(", ")}`, ...batch.flatMap(({ rowid: r, c }) => [r, c[2], c[3]]));
  }
}

export const PAGE_SIZE = 20;
/**
 * At most this many matches are ranked, checked for visibility and counted; beyond it the count
 * reads "1,000+". They are the first the index yields, not the best of all matches (decision 130):
 * ranking every match of a common word costs time in proportion to the matches on both engines.
 */
export const MAX_CANDIDATES = 1000;

type Candidate = {
  key: string;
  type: SearchType;
  ref_id: string;
  owner_id: string | null;
  member_state: string | null;
  profile_status: string | null;
  profile_visibility: string | null;
};

export type SearchHit = { type: SearchType; id: string; url: string; titleHtml: string; snippetHtml: string };

export type SearchResult = {
  terms: string[];
  hits: SearchHit[];
  /** Matches this viewer may see (of the MAX_CANDIDATES ranked); `more` when there are more matches than that. */
  total: number;
  more: boolean;
  /** Per type, of the same ranked matches (each a lower bound when `more`). */
  byType: Partial<Record<SearchType, number>>;
  page: number;
  pages: number;
};

function audiencesFor(viewer: SearchViewer): Audience[] {
  if (!viewer.user?.emailVerified) return ["public"];
  return ["public", "members", "profile"];
}

function visible(viewer: SearchViewer, c: Candidate): boolean {
  if (c.type !== "expert") return true;
  if (!viewer.roster || !c.owner_id) return false;
  return canSeeProfile(viewer.roster, { userId: c.owner_id, memberState: c.member_state ?? "", status: c.profile_status ?? "", visibility: c.profile_visibility ?? "" });
}

/**
 * The first `limit` matches the audiences allow, in the index's own cheap order (SQLite: the newest
 * rowid first, read straight from FTS5's doclists; PostgreSQL: table order, read from the GIN
 * bitmap), then ranked: bm25 with the title counting five times / ts_rank_cd with the title weighted
 * A. The cheap order is the same for the same index, so page 2 ranks the same set as page 1.
 */
async function candidates(terms: string[], audiences: Audience[], limit: number): Promise<Candidate[]> {
  const aud = audiences.map((a) => `'${a}'`).join(", ");
  if (databaseKind() === "postgres") {
    // The tsquery inline (not a joined function call), so the planner sees it and uses the GIN index.
    // LIMIT without ORDER BY lets the scan stop after `limit` rows; a synchronised or parallel scan
    // could start elsewhere or interleave, so both are off for this one transaction (same set every time).
    const [, rows] = await prisma.$transaction([
      prisma.$queryRawUnsafe(`SELECT set_config('synchronize_seqscans', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`),
      prisma.$queryRawUnsafe<Candidate[]>(
        `SELECT c.type, c.ref_id, c.owner_id, c.member_state, c.profile_status, c.profile_visibility
         FROM (SELECT d.type, d.ref_id, d.owner_id, d.member_state, d.profile_status, d.profile_visibility, d.vec
               FROM search_document d WHERE d.vec @@ to_tsquery('search_english', $1) AND d.audience IN (${aud}) LIMIT ${limit}) c
         ORDER BY ts_rank_cd(c.vec, to_tsquery('search_english', $1)) DESC, c.type, c.ref_id`,
        tsQuery(terms),
      ),
    ]);
    return rows;
  }
  // FTS5 walks its doclists newest rowid first and stops after `limit` rows that pass the audience
  // (CROSS JOIN keeps FTS5 the outer loop); bm25 is computed for those rows only.
  return prisma.$queryRawUnsafe<Candidate[]>(
    `SELECT c.key, c.type, c.ref_id, c.owner_id, c.member_state, c.profile_status, c.profile_visibility
     FROM (SELECT search_fts.rowid AS key, bm25(search_fts, 5.0, 1.0) AS score, d.type, d.ref_id, d.owner_id, d.member_state, d.profile_status, d.profile_visibility
           FROM search_fts CROSS JOIN search_document d ON d.rowid = search_fts.rowid
           WHERE search_fts MATCH ? AND d.audience IN (${aud})
           ORDER BY search_fts.rowid DESC LIMIT ${limit}) c
     ORDER BY c.score, c.key DESC`,
    ftsQuery(terms),
  );
}

type Shown = { type: SearchType; ref_id: string; url: string; title: string; snippet: string };

async function details(terms: string[], page: Candidate[]): Promise<Map<string, Shown>> {
  if (!page.length) return new Map();
  let rows: Shown[];
  if (databaseKind() === "postgres") {
    const pairs = page.map((_, i) => `($${i * 2 + 2}, $${i * 2 + 3})`).join(", ");
    rows = await prisma.$queryRawUnsafe<Shown[]>(
      `SELECT d.type, d.ref_id, d.url,
         ts_headline('search_english', d.title, q, 'HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}') AS title,
         ts_headline('search_english', left(d.body, 20000), q, 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}') AS snippet
       FROM search_document d, to_tsquery('search_english', $1) q WHERE (d.type, d.ref_id) IN (${pairs})`,
      tsQuery(terms),
      ...page.flatMap((c) => [c.type, c.ref_id]),
    );
  } else {
    // One pass over the matches (`+rowid` keeps the IN list from becoming one FTS5 lookup per row,
    // each of which would expand the prefixes again); highlights are made for the listed rows only.
    const keys = page.map((c) => Number(c.key));
    rows = await prisma.$queryRawUnsafe<Shown[]>(
      `SELECT d.type, d.ref_id, d.url, highlight(search_fts, 0, char(1), char(2)) AS title, snippet(search_fts, 1, char(1), char(2), ' … ', 30) AS snippet
       FROM search_fts CROSS JOIN search_document d ON d.rowid = search_fts.rowid
       WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ${Math.min(...keys)} AND ${Math.max(...keys)} AND +search_fts.rowid IN (${keys.join(", ")})`,
      ftsQuery(terms),
    );
  }
  return new Map(rows.map((r) => [`${r.type}:${r.ref_id}`, r]));
}

/**
 * The search page: the viewer's matches, best first, with per-type counts, one page of hits with
 * <mark>ed matches (escaped HTML), and a total (exact up to MAX_CANDIDATES).
 */
export async function search(viewer: SearchViewer, input: { q: string; type?: SearchType | null; page?: number }): Promise<SearchResult> {
  const terms = queryTerms(input.q);
  const empty: SearchResult = { terms, hits: [], total: 0, more: false, byType: {}, page: 1, pages: 0 };
  if (!terms.length) return empty;
  const ranked = await candidates(terms, audiencesFor(viewer), MAX_CANDIDATES + 1);
  const more = ranked.length > MAX_CANDIDATES;
  // One beyond the cap is read only to know there are more: the lowest ranked is left out.
  const all = ranked.slice(0, MAX_CANDIDATES).filter((c) => visible(viewer, c));
  const byType: Partial<Record<SearchType, number>> = {};
  for (const c of all) byType[c.type] = (byType[c.type] ?? 0) + 1;
  const chosen = input.type ? all.filter((c) => c.type === input.type) : all;
  const pages = Math.ceil(chosen.length / PAGE_SIZE);
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), Math.max(pages, 1));
  const slice = chosen.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const shown = await details(terms, slice);
  const hits = slice.flatMap((c) => {
    const s = shown.get(`${c.type}:${c.ref_id}`);
    return s ? [{ type: c.type, id: c.ref_id, url: s.url, titleHtml: markedToHtml(s.title), snippetHtml: markedToHtml(s.snippet) }] : [];
  });
  return { terms, hits, total: chosen.length, more, byType, page, pages };
}

export { fold };
