import { describe, expect, it } from "vitest";
import { countryName } from "./countries.ts";

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
});
