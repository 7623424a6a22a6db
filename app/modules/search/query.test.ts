import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, ftsQuery, MARK_END, MARK_START, markedToHtml, MAX_TERMS, porterStem, porterTwin, queryTerms, stripMarkers, tsQuery } from "./query.ts";

/** What either engine's query syntax could read as something other than a word. */
// eslint-disable-next-line no-control-regex
const SYNTAX = /["'*:&|!()^+\-<>{}[\]\\\u0000\s]/u;

describe("search query parsing", () => {
  it("folds accents and case the same way for every input", () => {
    expect(fold("Mobilité ÉTÉ Ärzte")).toBe("mobilite ete arzte");
    expect(queryTerms('  "Mobilité"  -migr* OR NEAR(a b) \u0000 ')).toEqual(["mobilite", "migr", "or", "near", "a", "b"]);
  });

  it("never lets user input reach the engines as syntax (quotes, operators, *, -, NUL, anything)", () => {
    const nasty = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom('"', "'", "*", "-", ":", "&", "|", "!", "(", ")", "^", "\u0000", " ", "a", "é", "NEAR", "OR", "AND", "NOT") }));
    fc.assert(
      fc.property(nasty, (input) => {
        const terms = queryTerms(input);
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const t of terms) {
          expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(SYNTAX.test(t)).toBe(false);
        }
        // Each term becomes exactly one quoted prefix (FTS5) or one prefix lexeme (to_tsquery).
        if (terms.length) {
          const one = String.raw`(?:"[\p{L}\p{N}]"|"[\p{L}\p{N}]{2,}"\*|\("[\p{L}\p{N}]{2,}"\* OR "[a-z]+"\*\))`;
          expect(ftsQuery(terms)).toMatch(new RegExp(`^${one}( AND ${one})*$`, "u"));
          expect(tsQuery(terms)).toMatch(/^(?:[\p{L}\p{N}]|[\p{L}\p{N}]{2,}:\*)(?: & (?:[\p{L}\p{N}]|[\p{L}\p{N}]{2,}:\*))*$/u);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("turns marked engine output into HTML where only <mark> is markup", () => {
    expect(markedToHtml(`a ${MARK_START}<b>${MARK_END} "c" & d`)).toBe("a <mark>&lt;b&gt;</mark> &quot;c&quot; &amp; d");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const html = markedToHtml(MARK_START + stripMarkers(text) + MARK_END);
        const withoutMarks = html.replace(/<\/?mark>/g, "");
        expect(withoutMarks).not.toMatch(/[<>"]/);
        expect(html.startsWith("<mark>") && html.endsWith("</mark>")).toBe(true);
      }),
    );
  });

  it("stems words exactly as SQLite's FTS5 porter tokenizer does", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE VIRTUAL TABLE f USING fts5(w, tokenize = "porter unicode61 remove_diacritics 2"); CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')`);
    const english = (
      "deployments deployed deploying deploy deployment employment employed policies policy evaluations evaluated migration migrants " +
      "caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing " +
      "fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli " +
      "vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti " +
      "sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic " +
      "adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous " +
      "effective bowdlerize probate rate cease controll roll asylum mobility integration labour cooperation enjoyment payment joyful"
    ).split(" ");
    const words = fc.sample(fc.stringMatching(/^[a-z]{1,14}$/), 3000).concat(english);
    const insert = db.prepare("INSERT INTO f (rowid, w) VALUES (?, ?)");
    words.forEach((w, i) => insert.run(i + 1, w));
    const stems = new Map((db.prepare("SELECT doc, term FROM v").all() as { doc: number; term: string }[]).map((r) => [Number(r.doc), r.term]));
    for (const [i, w] of words.entries()) expect(porterStem(w), w).toBe(stems.get(i + 1));
    db.close();
  });

  it("asks SQLite for both Porter spellings of a stem ending in y or i (deployments and deployed meet)", () => {
    expect(porterTwin("deployments")).toBe("deploi");
    expect(porterTwin("deployed")).toBe("deployness");
    expect(porterStem("deployness")).toBe("deploy");
    expect(porterTwin("policies")).toBeNull(); // the i was never a y
    expect(porterTwin("migration")).toBeNull();
    expect(porterTwin("mobilité")).toBeNull();
    expect(ftsQuery(["deployments", "labour"])).toBe(`("deployments"* OR "deploi"*) AND "labour"*`);
    expect(ftsQuery(["a", "mi"])).toBe(`"a" AND "mi"*`);
    expect(tsQuery(["a", "mi"])).toBe("a & mi:*");
  });
});
