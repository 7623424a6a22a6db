import { createHash } from "node:crypto";
import ical, { ICalAlarmType, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import { getEnv } from "#app/utils/env.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { endsAt } from "./rules.ts";

/** What a calendar entry needs to know about a Morning Coffee. */
export type CalendarCoffee = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  agenda: string;
  startsAt: Date;
  durationMinutes: number;
  timezone: string;
  status: string;
  sequence: number;
  meetingUrl: string;
  createdAt: Date;
  updatedAt: Date;
};

export const CALENDAR_SELECT = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  description: true,
  agenda: true,
  startsAt: true,
  durationMinutes: true,
  timezone: true,
  status: true,
  sequence: true,
  meetingUrl: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type CalendarAttendee = { email: string; name: string };

/** How often subscribed calendars should come back for changes. */
const FEED_REFRESH_SECONDS = 60 * 60;
/** The reminder calendars show before the start. */
const ALARM_SECONDS = 15 * 60;

export function coffeeUrl(slug: string) {
  return `${getEnv().APP_URL}/sessions/${encodeURIComponent(slug)}`;
}

/** The same UID for a session everywhere (invites, updates, cancellations, every feed). */
export function coffeeUid(coffee: { id: string }) {
  const host = new URL(getEnv().APP_URL).hostname;
  return `morning-coffee-${coffee.id}@${host}`;
}

/** The organiser in invites: the address mail comes from, so replies reach the team's mailbox. */
export function organizer() {
  const from = getEnv().MAIL_FROM;
  const email = from.match(/<([^>]+)>/)?.[1] ?? from.trim();
  const name = from.includes("<") ? from.slice(0, from.indexOf("<")).trim().replace(/^"|"$/g, "") : "MIEUX+ Community";
  return { name: name || "MIEUX+ Community", email };
}

function describe(coffee: CalendarCoffee, includeLink: boolean, brief = false) {
  // Feeds carry the summary and agenda; the full description lives on the page (and in invites).
  const parts = brief ? [coffee.summary] : [coffee.summary, coffee.description];
  if (coffee.agenda && !brief) parts.push(`Agenda:\n${coffee.agenda}`);
  if (includeLink && coffee.meetingUrl) parts.push(`Join online: ${coffee.meetingUrl}`);
  else parts.push("The join link appears on the session page for registered members shortly before the start.");
  parts.push(`Session page, Spotlight and live Q&A: ${coffeeUrl(coffee.slug)}`);
  return parts.filter(Boolean).join("\n\n");
}

type EventOptions = {
  /** Registered members get the meeting link; public feeds do not. */
  includeLink: boolean;
  attendee?: CalendarAttendee | null;
  /** Per-attendee sequence (session sequence + the attendee's own offset). */
  sequence?: number;
  cancelled?: boolean;
  /** Feeds: summary and agenda only (the page has the rest). */
  brief?: boolean;
};

function addEvent(calendar: ICalCalendar, coffee: CalendarCoffee, options: EventOptions) {
  const cancelled = options.cancelled || coffee.status === "cancelled";
  calendar.createEvent({
    id: coffeeUid(coffee),
    sequence: options.sequence ?? coffee.sequence,
    // Times in UTC (the "Z" form): every client converts them to its own zone correctly.
    start: coffee.startsAt,
    end: endsAt(coffee),
    // DTSTAMP from the last change keeps feeds byte-stable, so ETags hold between requests.
    stamp: coffee.updatedAt,
    created: coffee.createdAt,
    lastModified: coffee.updatedAt,
    summary: cancelled ? `Cancelled: ${coffee.title}` : coffee.title,
    description: describe(coffee, options.includeLink, options.brief),
    location: options.includeLink && coffee.meetingUrl ? coffee.meetingUrl : "Online (MIEUX+ Community)",
    url: coffeeUrl(coffee.slug),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organizer(),
    attendees: options.attendee
      ? [{ email: options.attendee.email, name: options.attendee.name, rsvp: true, role: ICalAttendeeRole.REQ, status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.NEEDSACTION }]
      : [],
    alarms: cancelled ? [] : [{ type: ICalAlarmType.display, trigger: ALARM_SECONDS, description: `${coffee.title} starts in 15 minutes` }],
    x: { "X-MIEUX-TIMEZONE": coffee.timezone },
  });
}

const PROD_ID = { company: "ICMPD MIEUX+", product: "MIEUX+ Community", language: "EN" };

/** An invite or cancellation sent by email (iTIP: METHOD REQUEST or CANCEL, one attendee). */
export function inviteCalendar(coffee: CalendarCoffee, attendee: CalendarAttendee, { method, sequence }: { method: "REQUEST" | "CANCEL"; sequence: number }) {
  const calendar = ical({ prodId: PROD_ID, method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(calendar, coffee, { includeLink: method === "REQUEST", attendee, sequence, cancelled: method === "CANCEL" });
  return { method, content: calendar.toString(), filename: method === "CANCEL" ? "cancel.ics" : "invite.ics" };
}

/** One session as a download (METHOD:PUBLISH, no attendee, no join link). */
export function eventCalendar(coffee: CalendarCoffee) {
  const calendar = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, name: coffee.title });
  addEvent(calendar, coffee, { includeLink: false });
  return calendar.toString();
}

type FeedEntry = { coffee: CalendarCoffee; includeLink: boolean; attendee?: CalendarAttendee | null; sequence?: number; cancelled?: boolean };

const MAX_CACHED_EVENTS = 5_000;
const eventCache = singleton("coffee-ics-events", () => new Map<string, string>());

/**
 * One VEVENT as ical-generator writes it, remembered until the session changes: serialising
 * (escaping and line folding) costs about half a millisecond per event, so a feed of 500 sessions
 * only re-serialises the ones that changed.
 */
function eventBlock(entry: FeedEntry) {
  const { coffee } = entry;
  const key = [coffee.id, coffee.updatedAt.getTime(), coffee.status, entry.sequence ?? coffee.sequence, entry.includeLink, entry.attendee?.email ?? "", entry.attendee?.name ?? "", getEnv().APP_URL].join("|");
  let block = eventCache.get(key);
  if (block === undefined) {
    const single = ical({ prodId: PROD_ID });
    addEvent(single, coffee, { ...entry, brief: true });
    const text = single.toString();
    block = text.slice(text.indexOf("BEGIN:VEVENT"), text.lastIndexOf("END:VEVENT") + "END:VEVENT".length) + "\r\n";
    if (eventCache.size >= MAX_CACHED_EVENTS) eventCache.clear();
    eventCache.set(key, block);
  }
  return block;
}

/** A subscribable feed with its name and refresh hints (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export function feedCalendar(name: string, entries: FeedEntry[], description = "Morning Coffee sessions of the MIEUX+ network") {
  const shell = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, name, description, ttl: FEED_REFRESH_SECONDS, url: `${getEnv().APP_URL}/sessions` }).toString();
  const end = shell.lastIndexOf("END:VCALENDAR");
  return shell.slice(0, end) + entries.map(eventBlock).join("") + shell.slice(end);
}

export function calendarEtag(body: string) {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * Response for any .ics: the right type, an ETag from the bytes, and a 304 when nothing changed.
 * A cached feed may pass its gzip bytes, sent as they are to clients that accept gzip.
 */
export function calendarResponse(
  request: Request,
  body: string,
  { filename, maxAge = 300, privateFeed = false, etag = calendarEtag(body), gzip }: { filename: string; maxAge?: number; privateFeed?: boolean; etag?: string; gzip?: Buffer },
) {
  const useGzip = !!gzip && /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
  const tag = useGzip ? etag.replace(/"$/, '-gz"') : etag;
  const headers = new Headers({
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${filename}"`,
    ETag: tag,
    "Cache-Control": privateFeed ? `private, max-age=${maxAge}, must-revalidate` : `public, max-age=${maxAge}, must-revalidate`,
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  });
  if (privateFeed) headers.set("Referrer-Policy", "no-referrer");
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((t) => [etag, etag.replace(/"$/, '-gz"')].includes(t.trim().replace(/^W\//, "")))) {
    return new Response(null, { status: 304, headers });
  }
  if (useGzip) {
    headers.set("Content-Encoding", "gzip");
    return new Response(new Uint8Array(gzip), { status: 200, headers });
  }
  return new Response(body, { status: 200, headers });
}

const compact = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** "Add to calendar" links for people who do not use .ics files. */
export function addToCalendarLinks(coffee: CalendarCoffee) {
  const start = new Date(coffee.startsAt);
  const end = endsAt(coffee);
  const page = coffeeUrl(coffee.slug);
  const details = `${coffee.summary}\n\n${page}`.trim();
  const google = new URL("https://calendar.google.com/calendar/render");
  google.search = new URLSearchParams({ action: "TEMPLATE", text: coffee.title, dates: `${compact(start)}/${compact(end)}`, details, location: page, ctz: coffee.timezone }).toString();
  const outlook = new URL("https://outlook.office.com/calendar/0/deeplink/compose");
  outlook.search = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: coffee.title,
    startdt: start.toISOString(),
    enddt: end.toISOString(),
    body: details,
    location: page,
  }).toString();
  const ics = `${page}/event.ics`;
  return { google: google.toString(), outlook: outlook.toString(), ics, webcal: ics.replace(/^https?:\/\//, "webcal://") };
}

export function webcalUrl(httpUrl: string) {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}
