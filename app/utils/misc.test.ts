import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms.ts";
import { safeRedirect } from "./misc.ts";

describe("safeRedirect", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeRedirect("/sessions?x=1")).toBe("/sessions?x=1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
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
