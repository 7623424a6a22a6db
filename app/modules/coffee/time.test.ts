import { describe, expect, it } from "vitest";
import { agendaItems, formatRange, localTimeCandidates, zonedToUtc } from "./time.ts";

describe("times around clock changes", () => {
  it("labels each end of a session across the spring-forward hour with its own zone name", () => {
    // 01:30 CET on 29 March 2026 in Brussels, two hours: the clocks jump from 02:00 to 03:00.
    const start = new Date("2026-03-29T00:30:00Z");
    expect(formatRange(start, 120, "Europe/Brussels")).toBe("Sunday 29 March 2026, 01:30 CET–04:30 CEST");
    expect(formatRange(new Date("2026-05-12T07:00:00Z"), 90, "Europe/Brussels")).toBe("Tuesday 12 May 2026, 09:00–10:30 CEST");
  });

  it("asks which one an autumn time that happens twice means, and takes the answer", () => {
    const candidates = localTimeCandidates("2026-10-25T02:30", "Europe/Brussels");
    expect(candidates.map((c) => [c.date.toISOString(), c.offsetMinutes, c.zoneName])).toEqual([
      ["2026-10-25T00:30:00.000Z", 120, "CEST"],
      ["2026-10-25T01:30:00.000Z", 60, "CET"],
    ]);
    const asked = zonedToUtc("2026-10-25T02:30", "Europe/Brussels");
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.problem).toBe("ambiguous");
    expect(zonedToUtc("2026-10-25T02:30", "Europe/Brussels", 60)).toEqual({ ok: true, date: new Date("2026-10-25T01:30:00Z") });
    expect(zonedToUtc("2026-10-25T02:30", "Europe/Brussels", "earlier")).toEqual({ ok: true, date: new Date("2026-10-25T00:30:00Z") });
    // An answer that is neither of the two asks again; ordinary times need no answer.
    expect(zonedToUtc("2026-10-25T02:30", "Europe/Brussels", 180).ok).toBe(false);
    expect(zonedToUtc("2026-10-25T09:00", "Europe/Brussels")).toEqual({ ok: true, date: new Date("2026-10-25T08:00:00Z") });
    expect(zonedToUtc("2026-03-29T02:30", "Europe/Brussels")).toEqual({ ok: false, problem: "nonexistent" });
  });

  it("reads agenda times as the organiser's wall clock on the session's day", () => {
    const items = agendaItems("09:00 Welcome\n09:10 – Spotlight on Georgia\nQ&A with the speakers", new Date("2026-05-12T07:00:00Z"), "Europe/Brussels");
    expect(items).toEqual([
      { at: new Date("2026-05-12T07:00:00Z"), text: "Welcome" },
      { at: new Date("2026-05-12T07:10:00Z"), text: "Spotlight on Georgia" },
      { at: null, text: "Q&A with the speakers" },
    ]);
  });
});
