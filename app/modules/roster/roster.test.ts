import { describe, expect, it } from "vitest";
import { readCsv, safeCell } from "./csv.server.ts";
import { parseLanguagesText, languagesTextFor } from "./denormalise.ts";
import { directoryParams, parseDirectoryQuery } from "./directory-query.ts";
import { parseProfileForm } from "./roster.schema.ts";
import { shareOf } from "./stats.server.ts";
import { foldText } from "./taxonomy.ts";

describe("reading spreadsheet CSV", () => {
  it("accepts a UTF-8 BOM, semicolons and quoted separators, and normalises headers", async () => {
    const read = await readCsv('\uFEFFEmail ; Member State;Institution\r\na@b.org;PL;"Office; Unit ""A"""\r\n\r\n');
    expect(read).toEqual({ ok: true, records: [{ email: "a@b.org", member_state: "PL", institution: 'Office; Unit "A"' }] });
  });

  it("reads comma files with quoted commas", async () => {
    const read = await readCsv('email,institution\nx@y.org,"Ministry of Labour, Family and Social Policy"\n');
    expect(read.ok && read.records[0].institution).toBe("Ministry of Labour, Family and Social Policy");
  });

  it("neutralises formulas on export and restores the text on import", async () => {
    expect(safeCell("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(safeCell("-5 years")).toBe("'-5 years");
    expect(safeCell("Head of Unit")).toBe("Head of Unit");
    const read = await readCsv("email,bio\nx@y.org,'=1+1\n");
    expect(read.ok && read.records[0].bio).toBe("=1+1");
  });

  it("explains a broken file instead of throwing", async () => {
    const read = await readCsv('email,name\n"unterminated,quote\n');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/could not be read as CSV/);
  });
});

describe("aggregate shares", () => {
  it("hides sensitive shares when either side of the split has fewer than 5 people", () => {
    expect(shareOf(4, 20, { sensitive: true }).shown).toBe(false);
    expect(shareOf(16, 20, { sensitive: true }).shown).toBe(false);
    expect(shareOf(5, 10, { sensitive: true })).toEqual({ shown: true, percent: 50, count: 5, of: 10 });
    expect(shareOf(1, 5, { sensitive: false })).toMatchObject({ shown: true, percent: 20 });
    expect(shareOf(1, 4, { sensitive: false }).shown).toBe(false);
  });
});

describe("directory query in the URL", () => {
  it("round-trips known filters and drops unknown or unsafe values", () => {
    const q = parseDirectoryQuery(new URLSearchParams("q=%20asylum%20&state=pl&area=Nope&lang=fr&deployed=maybe&available=1&sort=recent&page=-3"));
    expect(q).toMatchObject({ q: "asylum", state: "PL", area: "", lang: "fr", deployed: "", available: true, sort: "recent", page: 1 });
    expect(directoryParams({ ...q, page: 2 }).toString()).toBe("q=asylum&state=PL&lang=fr&available=1&sort=recent&page=2");
    expect(parseDirectoryQuery(new URLSearchParams("state=NO")).state).toBe("");
  });
});

describe("profile form and text helpers", () => {
  it("puts language-row errors beside the row and keeps the ticked areas", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ memberState: "EE", institution: "Ministry of Culture", institutionType: "other", language0: "et", level0: "", visibility: "network" })) form.set(k, v);
    form.append("thematicAreas", "Migration and development");
    const parsed = parseProfileForm(form);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.fieldErrors.level0).toBe("Choose a level (A1 to C2, or native).");
      expect(parsed.values.thematicAreas).toBe("Migration and development");
    }
  });

  it("folds accents and Polish ł for search", () => {
    expect(foldText("Wiśniewska Łódź Straße")).toBe("wisniewska lodz strasse");
  });

  it("keeps languages in a compact text column and reads them back", () => {
    const langs = [{ language: "pl", level: "native" }, { language: "en", level: "C1" }];
    expect(languagesTextFor(langs)).toBe("|pl:native|en:C1|");
    expect(parseLanguagesText(languagesTextFor(langs))).toEqual(langs);
  });
});
