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

// ---- Porter, as SQLite's FTS5 `porter` tokenizer applies it (ext/fts5/fts5_tokenize.c), for ASCII words

const isVowel = (c: string, yIsVowel: boolean) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || (yIsVowel && c === "y");

/** Where the first vowel-then-consonant sequence of `s` ends (index after it), or 0. */
function gobbleVC(s: string, prevCons: boolean): number {
  let cons = prevCons;
  let i = 0;
  for (; i < s.length; i++) if (!(cons = !isVowel(s[i]!, cons))) break;
  for (i++; i < s.length; i++) if ((cons = !isVowel(s[i]!, cons))) return i + 1;
  return 0;
}
const mGt0 = (s: string) => gobbleVC(s, false) > 0;
const mGt1 = (s: string) => {
  const n = gobbleVC(s, false);
  return n > 0 && gobbleVC(s.slice(n), true) > 0;
};
const mEq1 = (s: string) => {
  const n = gobbleVC(s, false);
  return n > 0 && gobbleVC(s.slice(n), true) === 0;
};
const hasVowel = (s: string) => [...s].some((c, i) => isVowel(c, i > 0));
function oStar(s: string): boolean {
  const last = s.at(-1);
  if (last === "w" || last === "x" || last === "y") return false;
  let mask = 0;
  let cons = false;
  for (const c of s) {
    cons = !isVowel(c, cons);
    mask = ((mask << 1) + (cons ? 1 : 0)) & 0x7;
  }
  return mask === 0x5;
}

type Rule = [suffix: string, cond: (stem: string) => boolean, output: string];
/** The first rule whose suffix ends the word decides (its condition may still say no). */
function applyRules(w: string, rules: Rule[]): string {
  for (const [suffix, cond, output] of rules) {
    if (w.length > suffix.length && w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      return cond(stem) ? stem + output : w;
    }
  }
  return w;
}
const mGt1SorT = (s: string) => (s.endsWith("s") || s.endsWith("t")) && mGt1(s);
const STEP2: Rule[] = [
  ["ational", mGt0, "ate"], ["tional", mGt0, "tion"], ["enci", mGt0, "ence"], ["anci", mGt0, "ance"], ["izer", mGt0, "ize"],
  ["logi", mGt0, "log"], ["bli", mGt0, "ble"], ["alli", mGt0, "al"], ["entli", mGt0, "ent"], ["eli", mGt0, "e"], ["ousli", mGt0, "ous"],
  ["ization", mGt0, "ize"], ["ation", mGt0, "ate"], ["ator", mGt0, "ate"], ["alism", mGt0, "al"], ["iveness", mGt0, "ive"],
  ["fulness", mGt0, "ful"], ["ousness", mGt0, "ous"], ["aliti", mGt0, "al"], ["iviti", mGt0, "ive"], ["biliti", mGt0, "ble"],
];
const STEP3: Rule[] = [["ical", mGt0, "ic"], ["ness", mGt0, ""], ["icate", mGt0, "ic"], ["iciti", mGt0, "ic"], ["ful", mGt0, ""], ["ative", mGt0, ""], ["alize", mGt0, "al"]];
const STEP4: Rule[] = [
  ["al", mGt1, ""], ["ance", mGt1, ""], ["ence", mGt1, ""], ["er", mGt1, ""], ["ic", mGt1, ""], ["able", mGt1, ""], ["ible", mGt1, ""],
  ["ant", mGt1, ""], ["ement", mGt1, ""], ["ment", mGt1, ""], ["ent", mGt1, ""], ["ion", mGt1SorT, ""], ["ou", mGt1, ""], ["ism", mGt1, ""],
  ["ate", mGt1, ""], ["iti", mGt1, ""], ["ous", mGt1, ""], ["ive", mGt1, ""], ["ize", mGt1, ""],
];

/** The stem FTS5's porter tokenizer indexes and looks for (words of 3 to 64 letters a–z; others are left alone). */
export function porterStem(word: string): string {
  if (word.length < 3 || word.length > 64 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // Step 1a.
  if (w.endsWith("s")) {
    if (w.at(-2) === "e") w = (w.length > 4 && w.endsWith("sses")) || (w.length > 3 && w.at(-3) === "i") ? w.slice(0, -2) : w.slice(0, -1);
    else if (w.at(-2) !== "s") w = w.slice(0, -1);
  }
  // Step 1b.
  let removed = false;
  if (w.length > 3 && w.endsWith("eed")) {
    if (mGt0(w.slice(0, -3))) w = w.slice(0, -1);
  } else if (w.length > 2 && w.endsWith("ed")) {
    if (hasVowel(w.slice(0, -2))) [w, removed] = [w.slice(0, -2), true];
  } else if (w.length > 3 && w.endsWith("ing")) {
    if (hasVowel(w.slice(0, -3))) [w, removed] = [w.slice(0, -3), true];
  }
  if (removed) {
    if (w.length > 2 && (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz"))) w += "e";
    else {
      const c = w.at(-1)!;
      if (!isVowel(c, false) && c !== "l" && c !== "s" && c !== "z" && c === w.at(-2)) w = w.slice(0, -1);
      else if (mEq1(w) && oStar(w)) w += "e";
    }
  }
  // Step 1c.
  if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  // Steps 2 to 4.
  w = applyRules(applyRules(applyRules(w, STEP2), STEP3), STEP4);
  // Step 5.
  if (w.endsWith("e")) {
    const s = w.slice(0, -1);
    if (mGt1(s) || (mEq1(s) && !oStar(s))) w = s;
  }
  if (w.length > 1 && w.endsWith("ll") && mGt1(w.slice(0, -1))) w = w.slice(0, -1);
  return w;
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
