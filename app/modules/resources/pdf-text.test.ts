import { describe, expect, it } from "vitest";
import { cleanExtractedText } from "./pdf-text.server.ts";

describe("text read from a PDF, made storable", () => {
  it("drops NUL and other control characters (PostgreSQL refuses NUL), mends lone surrogates and collapses white space", () => {
    expect(cleanExtractedText("Mobilit\u00e9\u0000 des\u0007  talents\t\u00a0 \n\n  \n Partnerships \ud800end", 1000)).toBe("Mobilité des talents\nPartnerships \ufffdend");
  });

  it("keeps at most the number of characters asked", () => {
    expect(cleanExtractedText("  abcdefgh  ", 5)).toBe("abcde");
  });
});
