/**
 * The notifications page groups by day in the network's time zone (Brussels), on the server, so
 * the page reads the same with or without JavaScript: "Today", "Yesterday", then dates.
 */
export const NOTIFICATION_ZONE = "Europe/Brussels";

const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: NOTIFICATION_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const dayLabel = new Intl.DateTimeFormat("en-GB", { timeZone: NOTIFICATION_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });

function keyOf(date: Date) {
  return dayKey.format(date);
}

/** The label of the day `date` falls on, seen from `now`. */
export function dayHeading(date: Date, now: Date) {
  const key = keyOf(date);
  if (key === keyOf(now)) return "Today";
  // Noon-to-noon steps keep clear of daylight-saving changes.
  const yesterday = new Date(Date.parse(`${keyOf(now)}T12:00:00Z`) - 86_400_000);
  if (key === keyOf(yesterday)) return "Yesterday";
  return dayLabel.format(date);
}

/** Rows (newest first) in runs of one day each, in order. */
export function groupByDay<T extends { createdAt: Date | string }>(rows: T[], now: Date): { heading: string; rows: T[] }[] {
  const groups: { heading: string; rows: T[] }[] = [];
  for (const row of rows) {
    const heading = dayHeading(new Date(row.createdAt), now);
    const last = groups.at(-1);
    if (last?.heading === heading) last.rows.push(row);
    else groups.push({ heading, rows: [row] });
  }
  return groups;
}
