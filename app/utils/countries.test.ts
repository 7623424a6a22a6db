import { describe, expect, it } from "vitest";
import { byCountryName, COUNTRY_GROUPS, countryName } from "./countries.ts";

describe("countryName", () => {
  it("names countries in English, the same on every call", () => {
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("GE")).toBe("Georgia");
    expect(countryName("CM")).toBe("Cameroon");
    expect(countryName("DE")).toBe("Germany");
  });

  it("gives back what it cannot name, and nothing for nothing", () => {
    expect(countryName("not a code")).toBe("not a code");
    expect(countryName(null)).toBe("");
    expect(countryName("")).toBe("");
  });

  it("names every code it accepts from its own table, not the runtime's (server and browser must agree)", () => {
    for (const group of COUNTRY_GROUPS) for (const code of group.codes) expect(countryName(code), code).not.toBe(code);
    expect(countryName("HK")).toBe("Hong Kong SAR China");
  });

  it("sorts by name with accents folded, without locale collation", () => {
    expect(["CW", "CU", "CI", "CZ"].sort(byCountryName).map(countryName)).toEqual(["Côte d’Ivoire", "Cuba", "Curaçao", "Czechia"]);
    expect(COUNTRY_GROUPS[0].codes.slice(0, 3).map(countryName)).toEqual(["Austria", "Belgium", "Bulgaria"]);
  });
});
