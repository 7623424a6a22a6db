import { describe, expect, it } from "vitest";
import { isCallOpen, languagesMeet, levelMeets } from "./rules.ts";

describe("call rules", () => {
  it("keeps a call open until its deadline, and closed from that instant", () => {
    const call = { deadline: new Date("2030-01-20T23:59:59Z") };
    expect(isCallOpen(call, new Date("2030-01-20T23:59:58Z"))).toBe(true);
    expect(isCallOpen(call, new Date("2030-01-20T23:59:59Z"))).toBe(false);
    expect(isCallOpen({ deadline: "2030-01-20T23:59:59.000Z" }, new Date("2030-01-21T00:00:00Z"))).toBe(false);
  });

  it("compares language levels from native down to A1", () => {
    expect(levelMeets("native", "C2")).toBe(true);
    expect(levelMeets("C1", "B2")).toBe(true);
    expect(levelMeets("B2", "B2")).toBe(true);
    expect(levelMeets("B1", "B2")).toBe(false);
    expect(levelMeets("fluent", "A1")).toBe(false);
  });

  it("needs every language the call asks for, at its level", () => {
    const expert = [{ language: "en", level: "C1" }, { language: "ru", level: "B1" }];
    expect(languagesMeet(expert, [])).toBe(true);
    expect(languagesMeet(expert, [{ language: "en", level: "B2" }])).toBe(true);
    expect(languagesMeet(expert, [{ language: "en", level: "B2" }, { language: "ru", level: "B2" }])).toBe(false);
    expect(languagesMeet(expert, [{ language: "fr", level: "A1" }])).toBe(false);
  });
});
