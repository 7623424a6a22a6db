import { describe, expect, it } from "vitest";
import { calendarDateProblem, isoDateField, localDateTimeProblem } from "./dates.ts";

describe("calendar dates", () => {
  it("accepts real days, leap days included", () => {
    expect(calendarDateProblem("2027-06-30")).toBeNull();
    expect(calendarDateProblem("2028-02-29")).toBeNull();
    expect(isoDateField.parse(" 2027-12-31 ").toISOString()).toBe("2027-12-31T00:00:00.000Z");
  });

  it("refuses days that do not exist instead of rolling them over", () => {
    expect(calendarDateProblem("2027-02-30")).toBe("2027-02-30 is not a date: February 2027 has 28 days.");
    expect(calendarDateProblem("2027-02-29")).toMatch(/February 2027 has 28 days/);
    expect(calendarDateProblem("2027-04-31")).toMatch(/April 2027 has 30 days/);
    expect(calendarDateProblem("2027-13-01")).toMatch(/no month 13/);
    expect(calendarDateProblem("2027-01-00")).toMatch(/January 2027 has 31 days/);
    expect(calendarDateProblem("30/06/2027")).toMatch(/like 2027-06-30/);
    expect(isoDateField.safeParse("2027-02-30").success).toBe(false);
  });

  it("checks the date and the time of a datetime-local value", () => {
    expect(localDateTimeProblem("2027-06-30T09:30")).toBeNull();
    expect(localDateTimeProblem("2027-02-30T09:30")).toMatch(/February 2027 has 28 days/);
    expect(localDateTimeProblem("2027-06-30T24:10")).toMatch(/not a time of day/);
  });
});
