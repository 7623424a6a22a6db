/**
 * The search index's tables (search_document, and on SQLite the FTS5 table search_fts and its shadow
 * tables) are written by hand in their migration and rebuilt from the content (decision 110): they
 * are left out of the schema drift test and of db:copy. This is the one rule for recognising them;
 * nothing else in the schema may start with this prefix.
 */
export const SEARCH_INDEX_TABLE_PREFIX = "search_";

export function isSearchIndexTable(name: string): boolean {
  return name.startsWith(SEARCH_INDEX_TABLE_PREFIX);
}
