import { stemmer } from "stemmer";
/**
 * What a person typed → the words to look for. The only characters that reach either engine's
 * query syntax are letters and digits (after folding), so quotes, operators, `*`, `-`, brackets or
 * NUL can never break a query (tests/unit: property-tested with fast-check).
 */

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 40;
export const MAX_QUERY_LENGTH = 200;
/**
 * A word shorter than this is matched whole, not as the start of longer words: "a"* would read the
 * postings of every word beginning with a (neither engine has an index for one-letter prefixes).
 */
export const MIN_PREFIX = 2;

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

/**
 * SQLite FTS5: every word, each as a quoted prefix ("migr"* matches migration; one letter whole), all required. FTS5
 * stems each quoted word with Porter before it expands the prefix, and Porter spells one stem two
 * ways: "deployed", "deploying" and "deploy" become `deploi` (a final y turns to i) while
 * "deployment(s)" becomes `deploy` (the y is final only after "-ment" goes). PostgreSQL's Snowball
 * stemmer gives `deploy` for all five. So a word whose stem ends in such a y or i also asks for its
 * twin spelling: `("deployments"* OR "deploi"*)`, `("deployed"* OR "deployness"*)` (Porter reads
 * "deployness" as `deploy`). The twin is only used when Porter gives exactly the stem wanted.
 */
export function ftsQuery(terms: string[]): string {
  return terms
    .map((t) => {
      if ([...t].length < MIN_PREFIX) return `"${t}"`;
      const twin = porterTwin(t);
      return twin ? `("${t}"* OR "${twin}"*)` : `"${t}"*`;
    })
    .join(" AND ");
}

/** A word FTS5 stems to the other spelling of this word's y/i stem, or null (see ftsQuery). */
export function porterTwin(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  const stem = porterStem(word);
  if (stem.length < 3) return null;
  if (stem.endsWith("y")) {
    // deployments → deploy: the twin is `deploi`, which Porter leaves as it is.
    const twin = `${stem.slice(0, -1)}i`;
    return porterStem(twin) === twin ? twin : null;
  }
  if (stem.endsWith("i") && word[stem.length - 1] === "y") {
    // deployed → deploi (from a y): the twin is `deploy`, which Porter gives for "deployness".
    const twin = `${stem.slice(0, -1)}yness`;
    return porterStem(twin) === `${stem.slice(0, -1)}y` ? twin : null;
  }
  return null;
}

/**
 * The stem FTS5's porter tokenizer indexes and looks for: the `stemmer` package (Porter's 1980
 * algorithm, as FTS5 applies it; query.test.ts checks it against FTS5 itself on 3,000 random words),
 * for words of 3 to 64 letters a–z, which are the words FTS5 stems.
 */
export function porterStem(word: string): string {
  if (word.length < 3 || word.length > 64 || !/^[a-z]+$/.test(word)) return word;
  return stemmer(word);
}

/** PostgreSQL to_tsquery: every word as a prefix (`migr:*`, one letter whole), all required. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => ([...t].length < MIN_PREFIX ? t : `${t}:*`)).join(" & ");
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
