import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { attendeesCsv } from "./registration.server.ts";

const row = (name: string, institution: string | null) => ({
  id: "r1",
  status: "registered",
  listPublicly: false,
  attended: true,
  acceptedAt: null,
  queuedAt: new Date("2026-01-01T00:00:00Z"),
  createdAt: new Date("2026-01-01T00:00:00Z"),
  user: { name, email: "a@example.org", institution, country: "CM" },
});

describe("attendee CSV", () => {
  it("opens in spreadsheets with accents intact and formulas neutralised", () => {
    const csv = attendeesCsv([row("Zofia Wiśniewska", "=HYPERLINK(\"http://evil\")"), row("Ana, \"Quoted\"", null)]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(records[0]).toMatchObject({ name: "Zofia Wiśniewska", country: "Cameroon", attended: "yes", listed: "no", status: "registered" });
    expect(records[0].institution.startsWith("'=")).toBe(true);
    expect(records[1].name).toBe('Ana, "Quoted"');
    expect(records[1].institution).toBe("");
  });
});
