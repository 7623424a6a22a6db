import { z } from "zod";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function daysIn(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why "YYYY-MM-DD" is not a day of the calendar, or null when it is. JavaScript's Date quietly
 * rolls 2027-02-30 over to 2 March; people mean something else, so we say what is wrong instead.
 */
export function calendarDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return "Use a date like 2027-06-30.";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2200) return "Use a year between 1900 and 2200.";
  if (month < 1 || month > 12) return `${value} is not a date: there is no month ${month}.`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${value} is not a date: ${MONTHS[month - 1]} ${year} has ${days} days.`;
  return null;
}

/** A calendar date typed as YYYY-MM-DD (date inputs, CSV cells), as midnight UTC. */
export const isoDateField = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = calendarDateProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => new Date(`${value}T00:00:00.000Z`));

/** The same, or null when left empty. */
export const optionalIsoDateField = z
  .string()
  .trim()
  .default("")
  .superRefine((value, ctx) => {
    const problem = value === "" ? null : calendarDateProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => (value === "" ? null : new Date(`${value}T00:00:00.000Z`)));

/** The date part of a datetime-local value ("2027-02-30T09:00") must exist too. */
export function localDateTimeProblem(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return "Enter a date and time, like 2027-06-30 09:30.";
  const problem = calendarDateProblem(m[1]);
  if (problem) return problem;
  if (Number(m[2]) > 23 || Number(m[3]) > 59) return `${m[2]}:${m[3]} is not a time of day.`;
  return null;
}
