/** Morning Coffee rules that both pages and the server use: plain functions of the data and a clock. */

export const COFFEE_STATUSES = ["draft", "published", "held", "archived", "cancelled"] as const;
export type CoffeeStatus = (typeof COFFEE_STATUSES)[number];
export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

type Timed = { startsAt: Date | string; durationMinutes: number };

export const endsAt = (c: Timed) => new Date(new Date(c.startsAt).getTime() + c.durationMinutes * 60_000);

export function hasStarted(c: Timed, now = new Date()) {
  return new Date(c.startsAt).getTime() <= now.getTime();
}

export function hasEnded(c: Timed, now = new Date()) {
  return endsAt(c).getTime() <= now.getTime();
}

/** Registration is open for published sessions until the deadline (or the end of the session). */
export function registrationOpen(c: Timed & { status: string; registrationClosesAt: Date | string | null }, now = new Date()) {
  if (c.status !== "published") return false;
  if (c.registrationClosesAt && new Date(c.registrationClosesAt).getTime() <= now.getTime()) return false;
  return !hasEnded(c, now);
}

/** When registered members start to see the meeting link. */
export function joinLinkFrom(c: Timed & { linkVisibleMinutes: number }) {
  return new Date(new Date(c.startsAt).getTime() - c.linkVisibleMinutes * 60_000);
}

/** The join link is for registered members, from the set time before the start until the end. */
export function canSeeJoinLink(
  c: Timed & { status: string; linkVisibleMinutes: number; meetingUrl: string },
  registrationStatus: string | null | undefined,
  now = new Date(),
) {
  if (!c.meetingUrl || registrationStatus !== "registered") return false;
  if (c.status !== "published" && c.status !== "held") return false;
  return now.getTime() >= joinLinkFrom(c).getTime() && !hasEnded(c, now);
}

/** Reminder offsets in minutes, largest first ("1440,60" → [1440, 60]). */
export function parseReminderOffsets(value: string): number[] {
  return [...new Set(value.split(",").map((v) => Number(v.trim())).filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => b - a);
}

/**
 * The reminder due now, if any: offset O is due from `start - O` until the next smaller offset
 * is due (or the start), so a process that was down never sends two reminders at once.
 */
export function dueReminderOffset(startsAt: Date, offsets: number[], now: Date): number | null {
  const minutesLeft = (startsAt.getTime() - now.getTime()) / 60_000;
  if (minutesLeft <= 0) return null;
  const sorted = [...offsets].sort((a, b) => b - a);
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[i + 1] ?? 0;
    if (minutesLeft <= sorted[i] && minutesLeft > next) return sorted[i];
  }
  return null;
}

/** "24 hours", "1 hour", "30 minutes". */
export function describeOffset(minutes: number) {
  if (minutes % 1440 === 0 && minutes >= 1440) return minutes === 1440 ? "24 hours" : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** The share of ratings that are good or excellent (4 or 5), which the network reports. */
export function feedbackSummary(ratings: number[]) {
  const count = ratings.length;
  const distribution = [1, 2, 3, 4, 5].map((r) => ratings.filter((x) => x === r).length);
  const average = count ? ratings.reduce((a, b) => a + b, 0) / count : null;
  const goodOrExcellent = count ? ratings.filter((r) => r >= 4).length / count : null;
  return { count, distribution, average, goodOrExcellent };
}

export const RESERVED_SLUGS = new Set(["new"]);

export function slugify(text: string) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}
