import { describe, expect, it } from "vitest";
import { MAX_PAGE, parsePage } from "./paging.ts";

describe("parsePage", () => {
  it("reads plain page numbers", () => {
    expect(parsePage("1")).toBe(1);
    expect(parsePage("27")).toBe(27);
    expect(parsePage(" 3 ")).toBe(3);
  });

  it("gives page 1 for anything that is not a plain page number", () => {
    for (const value of ["1e308", "-3", "0", "2.5", "Infinity", "NaN", "0x10", "", "abc", null, undefined]) expect(parsePage(value)).toBe(1);
  });

  it("stops at the last page any list offers", () => {
    expect(parsePage("999999999")).toBe(MAX_PAGE);
    expect(parsePage("99999999999999999999")).toBe(MAX_PAGE);
  });
});
