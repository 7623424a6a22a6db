import { describe, expect, it } from "vitest";
import { dayHeading, groupByDay } from "./days.ts";

describe("notification days (Brussels)", () => {
  const now = new Date("2026-12-02T10:00:00Z");

  it("names today, yesterday, then the date", () => {
    expect(dayHeading(new Date("2026-12-02T00:30:00Z"), now)).toBe("Today");
    expect(dayHeading(new Date("2026-12-01T23:30:00Z"), now)).toBe("Today"); // 00:30 on 2 December in Brussels
    expect(dayHeading(new Date("2026-12-01T08:00:00Z"), now)).toBe("Yesterday");
    expect(dayHeading(new Date("2026-11-29T08:00:00Z"), now)).toBe("Sunday, 29 November 2026");
  });

  it("keeps newest-first rows in runs of one day", () => {
    const rows = ["2026-12-02T09:00:00Z", "2026-12-02T08:00:00Z", "2026-12-01T08:00:00Z", "2026-11-20T08:00:00Z"].map((createdAt) => ({ createdAt }));
    expect(groupByDay(rows, now).map((g) => [g.heading, g.rows.length])).toEqual([["Today", 2], ["Yesterday", 1], ["Friday, 20 November 2026", 1]]);
  });
});
