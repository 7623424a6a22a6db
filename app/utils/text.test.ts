import { z } from "zod";
import { describe, expect, it } from "vitest";
import { cleanText, hasLoneSurrogate, stripUnsafeChars } from "./text.ts";

describe("text cleaning", () => {
  it("strips NUL, controls and bidi overrides but keeps newlines, tabs and accents", () => {
    expect(stripUnsafeChars("Ma\u0000rie\u202E Curie\u2066")).toBe("Marie Curie");
    expect(stripUnsafeChars("line 1\n\tline 2 — Mobilité")).toBe("line 1\n\tline 2 — Mobilité");
  });

  it("finds lone surrogates and leaves paired ones (emoji) alone", () => {
    expect(hasLoneSurrogate("abc\uD800")).toBe(true);
    expect(hasLoneSurrogate("\uDC00abc")).toBe(true);
    expect(hasLoneSurrogate("thumbs 👍")).toBe(false);
  });

  it("refuses lone surrogates with a message and trims what it keeps", () => {
    const schema = cleanText().pipe(z.string().min(1, "Required"));
    expect(schema.safeParse("  Kristjan\u0000 ").data).toBe("Kristjan");
    const bad = schema.safeParse("x\uD83D");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/not valid/);
  });
});
