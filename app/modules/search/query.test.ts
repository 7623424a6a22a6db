import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, ftsQuery, MARK_END, MARK_START, markedToHtml, MAX_TERMS, queryTerms, stripMarkers, tsQuery } from "./query.ts";

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
          expect(ftsQuery(terms)).toMatch(/^"[\p{L}\p{N}]+"\*( "[\p{L}\p{N}]+"\*)*$/u);
          expect(tsQuery(terms)).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
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
});
