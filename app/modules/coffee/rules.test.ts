import { describe, expect, it } from "vitest";
import { canSeeJoinLink, dueReminderOffset, feedbackSummary, parseReminderOffsets } from "./rules.ts";

const start = new Date("2026-06-10T07:00:00Z");
const at = (minutesBefore: number) => new Date(start.getTime() - minutesBefore * 60_000);

describe("Morning Coffee rules", () => {
  it("sends the 24-hour reminder in its window and the 1-hour one after, never both at once", () => {
    const offsets = parseReminderOffsets("60,1440");
    expect(offsets).toEqual([1440, 60]);
    expect(dueReminderOffset(start, offsets, at(1500))).toBeNull();
    expect(dueReminderOffset(start, offsets, at(1440))).toBe(1440);
    expect(dueReminderOffset(start, offsets, at(61))).toBe(1440);
    expect(dueReminderOffset(start, offsets, at(60))).toBe(60);
    expect(dueReminderOffset(start, offsets, at(1))).toBe(60);
    expect(dueReminderOffset(start, offsets, at(0))).toBeNull();
    expect(dueReminderOffset(start, [], at(30))).toBeNull();
  });

  it("shows the join link only to registered members, from the set time before the start until the end", () => {
    const coffee = { startsAt: start, durationMinutes: 60, status: "published", linkVisibleMinutes: 15, meetingUrl: "https://meet.example.org/x" };
    expect(canSeeJoinLink(coffee, "registered", at(16))).toBe(false);
    expect(canSeeJoinLink(coffee, "registered", at(15))).toBe(true);
    expect(canSeeJoinLink(coffee, "waitlisted", at(5))).toBe(false);
    expect(canSeeJoinLink(coffee, null, at(5))).toBe(false);
    expect(canSeeJoinLink(coffee, "registered", at(-61))).toBe(false);
    expect(canSeeJoinLink({ ...coffee, status: "cancelled" }, "registered", at(5))).toBe(false);
  });

  it("reports the share of good or excellent ratings", () => {
    expect(feedbackSummary([5, 4, 3, 5])).toEqual({ count: 4, distribution: [0, 0, 1, 1, 2], average: 4.25, goodOrExcellent: 0.75 });
    expect(feedbackSummary([])).toMatchObject({ count: 0, average: null, goodOrExcellent: null });
  });
});
