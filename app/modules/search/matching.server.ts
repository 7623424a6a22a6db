import { databaseKind, prisma } from "#app/utils/db.server.ts";
import { ftsQuery, queryTerms, tsQuery } from "./query.ts";
import type { SearchType } from "./types.ts";

/**
 * A list's own search box through the one search (the roster directory, decision 111; the library,
 * decision 131): the ids of one type's
 * documents whose text matches every word (the start of a word, accents, case and English forms as
 * on /search), or null when the text has no words. The caller applies its own filters, visibility
 * and order; only indexed (visible) content can match.
 */
export async function matchingIds(type: SearchType, text: string): Promise<Set<string> | null> {
  const terms = queryTerms(text);
  if (!terms.length) return null;
  const rows =
    databaseKind() === "postgres"
      ? await prisma.$queryRawUnsafe<{ ref_id: string }[]>(`SELECT ref_id FROM search_document WHERE type = $1 AND vec @@ to_tsquery('search_english', $2)`, type, tsQuery(terms))
      : await prisma.$queryRawUnsafe<{ ref_id: string }[]>(
          `SELECT d.ref_id FROM search_fts JOIN search_document d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ? AND d.type = ?`,
          ftsQuery(terms),
          type,
        );
  return new Set(rows.map((r) => r.ref_id));
}
