/**
 * What a person typed → the words to look for. The only characters that reach either engine's
 * query syntax are letters and digits (after folding), so quotes, operators, `*`, `-`, brackets or
 * NUL can never break a query (tests/unit: property-tested with fast-check).
 */

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 40;
export const MAX_QUERY_LENGTH = 200;

/** Lower case, accents removed ("Mobilité" → "mobilite"), the same folding on both engines. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The words of a query: folded, letters and digits only, at most MAX_TERMS, duplicates dropped. */
export function queryTerms(input: string): string[] {
  const words = fold(input.slice(0, MAX_QUERY_LENGTH)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const w of words) {
    const term = w.slice(0, MAX_TERM_LENGTH);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** SQLite FTS5: every word, each as a quoted prefix ("migr"* matches migration), all required. */
export function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(" ");
}

/** PostgreSQL to_tsquery: every word as a prefix (`migr:*`), all required. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(" & ");
}

/** Markers the engines put around matches; removed from indexed text so they only ever come from the engine. */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

export function stripMarkers(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0002]/g, " ");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Engine output with markers → safe HTML: everything escaped, then markers become <mark>. */
export function markedToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
  let open = false;
  let html = "";
  for (const ch of escaped) {
    if (ch === MARK_START && !open) {
      html += "<mark>";
      open = true;
    } else if (ch === MARK_END && open) {
      html += "</mark>";
      open = false;
    } else if (ch !== MARK_START && ch !== MARK_END) {
      html += ch;
    }
  }
  return open ? `${html}</mark>` : html;
}
