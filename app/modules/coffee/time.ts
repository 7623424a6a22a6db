import { DateTime } from "luxon";

/** Zones offered to organisers: the EU capitals' zones first, then every zone the runtime knows. */
export const COMMON_TIME_ZONES = [
  "Europe/Brussels",
  "Europe/Lisbon",
  "Europe/London",
  "Europe/Helsinki",
  "Europe/Athens",
  "Africa/Douala",
  "Africa/Kampala",
  "Asia/Tbilisi",
  "Asia/Baku",
  "Asia/Almaty",
  "America/Bogota",
  "UTC",
] as const;

export function allTimeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...COMMON_TIME_ZONES, ...known])];
}

export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

export type LocalTimeProblem = "invalid" | "nonexistent";

/**
 * Turns a wall-clock time ("2026-03-29T09:00") in `zone` into a UTC instant. A time that does
 * not exist (skipped when the clocks go forward) is reported instead of silently shifted.
 */
export function zonedToUtc(local: string, zone: string): { ok: true; date: Date } | { ok: false; problem: LocalTimeProblem } {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { ok: false, problem: "invalid" };
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) return { ok: false, problem: "nonexistent" };
  return { ok: true, date: dt.toJSDate() };
}

/** The value for an `<input type="datetime-local">` showing `date` in `zone`. */
export function utcToZonedInput(date: Date | string, zone: string): string {
  return DateTime.fromJSDate(new Date(date), { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

// Intl formatters are costly to build and cheap to reuse (pages render many times a second).
const formatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();
function formattersFor(zone: string, locale: string) {
  const key = `${locale}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      zone: new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }),
    };
    formatters.set(key, f);
  }
  return f;
}

/** "Thursday 29 November 2023, 10:00–11:30 CET" in the given zone. */
export function formatRange(start: Date | string, durationMinutes: number, zone: string, locale = "en-GB"): string {
  const from = new Date(start);
  const to = new Date(from.getTime() + durationMinutes * 60_000);
  const f = formattersFor(zone, locale);
  const zoneName = f.zone.formatToParts(from).find((p) => p.type === "timeZoneName")?.value ?? zone;
  return `${f.date.format(from).replace(/,/g, "")}, ${f.time.format(from)}–${f.time.format(to)} ${zoneName}`;
}

/** A readable zone name: "Europe/Brussels" → "Brussels". */
export function zoneLabel(zone: string): string {
  return zone === "UTC" ? "UTC" : (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** "in 3 days", "in 2 hours 5 minutes", for countdowns. */
export function timeUntil(target: Date | string, now: Date = new Date()): string | null {
  const ms = new Date(target).getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days >= 1) return `${plural(days, "day")}${hours ? ` ${plural(hours, "hour")}` : ""}`;
  if (hours >= 1) return `${plural(hours, "hour")}${mins ? ` ${plural(mins, "minute")}` : ""}`;
  return plural(Math.max(1, mins), "minute");
}
