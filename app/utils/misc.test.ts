import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms.ts";
import { dateTimeFormat, formatDateTime, safeRedirect } from "./misc.ts";

describe("safeRedirect", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeRedirect("/sessions?x=1")).toBe("/sessions?x=1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
  });

  it("refuses what a browser would read as another site: tabs, newlines, backslashes, dot segments", () => {
    for (const hostile of ["/\t/evil.example", "/\r\n/evil.example", "\\\\evil.example", "/.//evil.example", "/a/..//evil.example", "/%2e%2e//evil.example", " //evil.example", "javascript:alert(1)", "https:evil.example"]) {
      expect(safeRedirect(hostile), JSON.stringify(hostile)).toBe("/");
    }
    // Encoded forms stay encoded: a path segment, not a host.
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeRedirect("/roster?q=Öl €")).toBe("/roster?q=%C3%96l%20%E2%82%AC");
  });

  // Pieces attackers combine; fast-check shrinks a failure to the shortest combination.
  const piece = fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", "\u0000", "%09", "%2f", "%5c", "%2e", ".", "..", ":", "@", "?", "#", "evil.example", "http:", "https://", "javascript:", "é", "€", "\u2028", "\ud800", "a");
  const hostile = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));

  it("never sends the browser to another origin, whatever it is given (property)", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.string({ unit: "grapheme" })), (input) => {
        const target = safeRedirect(input);
        // A header-safe path: printable ASCII, no CR/LF, one leading slash.
        expect(target).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(() => new Headers({ Location: target })).not.toThrow();
        // Read the way a browser reads a Location header (it drops tabs and newlines, resolves against the page).
        const ours = "https://community.mieux.test";
        expect(new URL(target.replace(/[\t\n\r]/g, ""), `${ours}/login`).origin).toBe(ours);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseForm", () => {
  const schema = z.object({ name: z.string().min(2, "Too short"), password: z.string().min(12, "Longer please") });

  it("returns field errors and what was typed, never the password", () => {
    const form = new FormData();
    form.set("name", "A");
    form.set("password", "secret");
    const result = parseForm(form, schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({ name: "Too short", password: "Longer please" });
    expect(result.values).toEqual({ name: "A" });
  });

  it("returns the parsed data when valid", () => {
    const form = new FormData();
    form.set("name", "Anna");
    form.set("password", "long enough password");
    expect(parseForm(form, schema)).toEqual({ ok: true, data: { name: "Anna", password: "long enough password" } });
  });
});

describe("dateTimeFormat", () => {
  it("builds one Intl.DateTimeFormat per locale and options and hands the same one back", () => {
    const options = { timeZone: "Europe/Brussels", timeZoneName: "short" } as const;
    expect(dateTimeFormat("en-GB", options)).toBe(dateTimeFormat("en-GB", { ...options }));
    expect(dateTimeFormat("en-GB", options)).not.toBe(dateTimeFormat("en-GB", { ...options, timeZone: "Europe/Lisbon" }));
    expect(dateTimeFormat("fr-FR", options)).not.toBe(dateTimeFormat("en-GB", options));
    const at = new Date("2026-01-15T09:30:00Z");
    expect(formatDateTime(at, "Europe/Brussels")).toBe(new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Brussels" }).format(at));
    expect(formatDateTime(at, "Europe/Brussels")).not.toBe(formatDateTime(at, "Europe/Lisbon"));
  });
});
