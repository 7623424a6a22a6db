import { DateTime } from "luxon";
import { dateTimeFormat } from "#app/utils/misc.ts";

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

export type LocalTimeProblem = "invalid" | "nonexistent" | "ambiguous";

/** One instant a wall-clock time can mean in a zone, with the zone's offset and short name then. */
export type LocalTimeCandidate = { date: Date; offsetMinutes: number; zoneName: string };

/**
 * Every instant the wall-clock time `local` ("2026-10-25T02:30") can mean in `zone`: none when
 * the clocks skip it (spring forward), two when they pass it twice (autumn), one otherwise.
 */
export function localTimeCandidates(local: string, zone: string): LocalTimeCandidate[] {
  const wall = local.slice(0, 16);
  const asUtc = DateTime.fromISO(wall, { zone: "UTC" });
  if (!asUtc.isValid || !DateTime.local().setZone(zone).isValid) return [];
  // The offsets in force a few hours either side cover any single clock change.
  const offsets = new Set([-6, -3, 0, 3, 6].map((h) => DateTime.fromMillis(asUtc.toMillis() + h * 3_600_000, { zone }).offset));
  const seen = new Set<number>();
  return [...offsets]
    .map((offset) => DateTime.fromMillis(asUtc.toMillis() - offset * 60_000, { zone }))
    .filter((dt) => dt.toFormat("yyyy-MM-dd'T'HH:mm") === wall && !seen.has(dt.toMillis()) && seen.add(dt.toMillis()))
    .sort((a, b) => a.toMillis() - b.toMillis())
    .map((dt) => ({ date: dt.toJSDate(), offsetMinutes: dt.offset, zoneName: zoneNameAt(dt.toJSDate(), zone) }));
}

/**
 * Turns a wall-clock time ("2026-03-29T09:00") in `zone` into a UTC instant. A time that does
 * not exist (skipped when the clocks go forward) is reported instead of silently shifted; one
 * that happens twice (when they go back) needs `choice`: the UTC offset in minutes of the one
 * meant, or "earlier" for the first.
 */
export function zonedToUtc(
  local: string,
  zone: string,
  choice?: number | "earlier" | null,
): { ok: true; date: Date } | { ok: false; problem: Exclude<LocalTimeProblem, "ambiguous"> } | { ok: false; problem: "ambiguous"; candidates: LocalTimeCandidate[] } {
  if (!DateTime.fromISO(local, { zone }).isValid) return { ok: false, problem: "invalid" };
  const candidates = localTimeCandidates(local, zone);
  if (!candidates.length) return { ok: false, problem: "nonexistent" };
  if (candidates.length === 1) return { ok: true, date: candidates[0].date };
  const chosen = choice === "earlier" ? candidates[0] : candidates.find((c) => c.offsetMinutes === choice);
  return chosen ? { ok: true, date: chosen.date } : { ok: false, problem: "ambiguous", candidates };
}

/** "UTC+2" for an offset in minutes. */
export function offsetLabel(offsetMinutes: number) {
  const sign = offsetMinutes < 0 ? "−" : "+";
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

/** The zone's UTC offset in minutes at that moment (to keep an organiser's choice of a repeated time). */
export function utcOffsetAt(date: Date | string, zone: string): number {
  return DateTime.fromJSDate(new Date(date), { zone }).offset;
}

/** The value for an `<input type="datetime-local">` showing `date` in `zone`. */
export function utcToZonedInput(date: Date | string, zone: string): string {
  return DateTime.fromJSDate(new Date(date), { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

// The formatters a zone needs, from the one memo of Intl formatters (dateTimeFormat, utils/misc.ts).
const dayFormat = (zone: string, locale: string) => dateTimeFormat(locale, { timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const clockFormat = (zone: string, locale: string) => dateTimeFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const zoneFormat = (zone: string, locale: string) => dateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });

/** The zone's short name at that moment ("CET" in winter, "CEST" in summer). */
export function zoneNameAt(date: Date, zone: string, locale = "en-GB"): string {
  return zoneFormat(zone, locale).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/** "10:00 CET" in the given zone. */
export function formatTime(date: Date | string, zone: string, locale = "en-GB"): string {
  const d = new Date(date);
  return `${clockFormat(zone, locale).format(d)} ${zoneNameAt(d, zone, locale)}`;
}

/**
 * "Thursday 29 November 2023, 10:00–11:30 CET" in the given zone. When the clocks change during
 * the session each end carries its own zone name: "01:30 CET–03:30 CEST".
 */
export function formatRange(start: Date | string, durationMinutes: number, zone: string, locale = "en-GB"): string {
  const from = new Date(start);
  const to = new Date(from.getTime() + durationMinutes * 60_000);
  const clock = clockFormat(zone, locale);
  const fromZone = zoneNameAt(from, zone, locale);
  const toZone = zoneNameAt(to, zone, locale);
  const times = fromZone === toZone ? `${clock.format(from)}–${clock.format(to)} ${fromZone}` : `${clock.format(from)} ${fromZone}–${clock.format(to)} ${toZone}`;
  return `${dayFormat(zone, locale).format(from).replace(/,/g, "")}, ${times}`;
}

/**
 * Agenda lines that start with a time ("10:10 Spotlight") as instants: the time is on the
 * session's day in the organiser's zone. Lines without a time keep `at: null`.
 */
export function agendaItems(agenda: string, startsAt: Date | string, zone: string): { at: Date | null; text: string }[] {
  const day = DateTime.fromJSDate(new Date(startsAt), { zone }).toFormat("yyyy-MM-dd");
  return agenda
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(\d{1,2})[:.h](\d{2})\b\s*[–—-]?\s*(.*)$/.exec(line);
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { at: null, text: line };
      const at = zonedToUtc(`${day}T${match[1].padStart(2, "0")}:${match[2]}`, zone, "earlier");
      return at.ok ? { at: at.date, text: match[3] } : { at: null, text: line };
    });
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
