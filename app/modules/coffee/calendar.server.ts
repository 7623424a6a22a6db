import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import ical, { ICalAlarmType, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import { getEnv } from "#app/utils/env.server.ts";
import { cache } from "#app/utils/cache.server.ts";
import { stripUnsafeChars } from "#app/utils/text.ts";
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

/**
 * Text for an iCalendar parameter value (CN="…"). RFC 5545 allows no DQUOTE and no control
 * characters there and has no escape for them (a backslash is taken literally), so parsers drop
 * the attendee or the whole file. Double quotes become single quotes; controls, bidi overrides
 * and backslashes go.
 */
export function paramText(value: string): string {
  return stripUnsafeChars(value)
    .replace(/[\r\n\t]+/g, " ")
    .replace(/"/g, "'")
    .replace(/\\/g, "")
    .trim();
}

/** A TEXT property value (RFC 5545 §3.3.11), for the calendar properties ical-generator writes as given. */
export function escapeText(value: string): string {
  return stripUnsafeChars(value).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/**
 * The organiser in invites: ORGANIZER_EMAIL (default MAIL_FROM's address) under MAIL_FROM's name.
 * Accept and Decline replies go to that mailbox, which the replies job reads when IMAP_URL is set.
 */
export function organizer() {
  const env = getEnv();
  const from = env.MAIL_FROM;
  const fromEmail = from.match(/<([^>]+)>/)?.[1] ?? from.trim();
  const name = from.includes("<") ? from.slice(0, from.indexOf("<")).trim().replace(/^"|"$/g, "") : "";
  return { name: paramText(name) || "MIEUX+ Community", email: env.ORGANIZER_EMAIL ?? fromEmail };
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
  /** DTSTAMP: when this message (invite, download, feed) was made. */
  stamp: Date;
  /** Only in invites (iTIP); feeds and downloads (METHOD:PUBLISH) name nobody. */
  attendee?: CalendarAttendee | null;
  /** Per-attendee sequence (session sequence + the attendee's own offset). */
  sequence?: number;
  /**
   * "session": the whole session is cancelled (STATUS:CANCELLED). "attendee": only this attendee
   * is removed (METHOD:CANCEL naming them, no STATUS, as RFC 5546 §3.2.5 asks).
   */
  cancelled?: "session" | "attendee" | null;
  /** Feeds: summary and agenda only (the page has the rest). */
  brief?: boolean;
  /** A 15-minute reminder; the public feed leaves alarms to each subscriber. */
  alarm?: boolean;
};

function addEvent(calendar: ICalCalendar, coffee: CalendarCoffee, options: EventOptions) {
  const sessionCancelled = options.cancelled === "session" || coffee.status === "cancelled";
  const removed = options.cancelled === "attendee";
  const attendee = options.attendee;
  calendar.createEvent({
    id: coffeeUid(coffee),
    sequence: options.sequence ?? coffee.sequence,
    // Times in UTC (the "Z" form): every client converts them to its own zone correctly.
    start: coffee.startsAt,
    end: endsAt(coffee),
    stamp: options.stamp,
    created: coffee.createdAt,
    lastModified: coffee.updatedAt,
    summary: sessionCancelled ? `Cancelled: ${coffee.title}` : coffee.title,
    description: describe(coffee, options.includeLink, options.brief),
    location: options.includeLink && coffee.meetingUrl ? coffee.meetingUrl : "Online (MIEUX+ Community)",
    url: coffeeUrl(coffee.slug),
    status: removed ? null : sessionCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organizer(),
    attendees: attendee
      ? [
          {
            email: attendee.email,
            name: paramText(attendee.name),
            rsvp: !(sessionCancelled || removed),
            role: ICalAttendeeRole.REQ,
            status: sessionCancelled || removed ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.NEEDSACTION,
          },
        ]
      : [],
    alarms: options.alarm && !sessionCancelled && !removed ? [{ type: ICalAlarmType.display, trigger: ALARM_SECONDS, description: `${coffee.title} starts in 15 minutes` }] : [],
    x: { "X-MIEUX-TIMEZONE": coffee.timezone },
  });
}

const PROD_ID = { company: "ICMPD MIEUX+", product: "MIEUX+ Community", language: "EN" };

/** RFC 5545 ends every content line, the last one too, with CRLF. */
function finish(text: string) {
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

export type InviteMethod = "REQUEST" | "CANCEL";

/**
 * An invite or cancellation sent by email (iTIP: METHOD REQUEST or CANCEL, one attendee).
 * `scope` says what a CANCEL cancels: the whole session, or only this attendee's place.
 */
export function inviteCalendar(
  coffee: CalendarCoffee,
  attendee: CalendarAttendee,
  { method, sequence, stamp, scope = "session" }: { method: InviteMethod; sequence: number; stamp: Date; scope?: "session" | "attendee" },
) {
  const calendar = ical({ prodId: PROD_ID, method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(calendar, coffee, { includeLink: method === "REQUEST", attendee, sequence, stamp, cancelled: method === "CANCEL" ? scope : null, alarm: true });
  return { method, content: finish(calendar.toString()), filename: method === "CANCEL" ? "cancel.ics" : "invite.ics" };
}

/**
 * One session as a download (METHOD:PUBLISH, no attendee, no join link). No calendar name:
 * Outlook for Windows opens a file that has one as a new calendar instead of adding the event.
 */
export function eventCalendar(coffee: CalendarCoffee) {
  const calendar = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH });
  addEvent(calendar, coffee, { includeLink: false, stamp: coffee.updatedAt, alarm: true });
  return finish(calendar.toString());
}

type FeedEntry = { coffee: CalendarCoffee; includeLink: boolean; sequence?: number; alarm?: boolean };

/** Cached blocks carry this DTSTAMP; the feed's own stamp replaces it when the feed is put together. */
const STAMP_PLACEHOLDER = "DTSTAMP:19700101T000000Z";

/**
 * One VEVENT as ical-generator writes it, remembered until the session changes: serialising
 * (escaping and line folding) costs about half a millisecond per event, so a feed of 500 sessions
 * only re-serialises the ones that changed.
 */
function eventBlock(entry: FeedEntry) {
  const { coffee } = entry;
  const key = [coffee.id, coffee.updatedAt.getTime(), coffee.status, entry.sequence ?? coffee.sequence, entry.includeLink, !!entry.alarm, getEnv().APP_URL].join("|");
  return cache.getSync("coffee-ics-events", key, () => {
    const single = ical({ prodId: PROD_ID });
    addEvent(single, coffee, { ...entry, stamp: new Date(0), brief: true });
    const text = single.toString();
    return text.slice(text.indexOf("BEGIN:VEVENT"), text.lastIndexOf("END:VEVENT") + "END:VEVENT".length) + "\r\n";
  });
}

const icalStamp = (d: Date) => `DTSTAMP:${d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`;

/**
 * RFC 5545 wants at least one component in a calendar; a feed with no sessions yet carries an
 * unused UTC time zone definition so that strict parsers still accept it.
 */
const EMPTY_FEED_COMPONENT = ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE", ""].join("\r\n");

/**
 * A subscribable feed with its name and refresh hints (REFRESH-INTERVAL, X-PUBLISHED-TTL).
 * `stamp` (DTSTAMP of every event) is when the feed's content last changed, so unchanged feeds stay
 * byte-identical and their ETags hold.
 */
export function feedCalendar(name: string, entries: FeedEntry[], { stamp, description = "Morning Coffee sessions of the MIEUX+ network" }: { stamp: Date; description?: string }) {
  // ical-generator writes the calendar's name and description as given: escape them here.
  const shell = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, name: escapeText(name), description: escapeText(description), ttl: FEED_REFRESH_SECONDS, url: `${getEnv().APP_URL}/sessions` }).toString();
  const end = shell.lastIndexOf("END:VCALENDAR");
  const stampLine = icalStamp(stamp);
  const events = entries.length ? entries.map((e) => eventBlock(e).replace(STAMP_PLACEHOLDER, stampLine)).join("") : EMPTY_FEED_COMPONENT;
  return finish(shell.slice(0, end) + events + shell.slice(end));
}

export function calendarEtag(body: string) {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * Response for any .ics: the right type, an ETag from the bytes, and a 304 when nothing changed.
 * Clients that accept gzip get gzip bytes (a cached feed passes its own) under their own ETag;
 * `no-transform` keeps the compression middleware from re-encoding under the identity ETag.
 */
export function calendarResponse(
  request: Request,
  body: string,
  { filename, maxAge = 300, privateFeed = false, etag = calendarEtag(body), gzip }: { filename: string; maxAge?: number; privateFeed?: boolean; etag?: string; gzip?: Buffer },
) {
  const useGzip = /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
  const gzEtag = etag.replace(/"$/, '-gz"');
  const headers = new Headers({
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${filename}"`,
    ETag: useGzip ? gzEtag : etag,
    "Cache-Control": `${privateFeed ? "private" : "public"}, max-age=${maxAge}, must-revalidate, no-transform`,
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  });
  // The address is the credential: never pass it on as a referrer.
  if (privateFeed) headers.set("Referrer-Policy", "no-referrer");
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((t) => [etag, gzEtag].includes(t.trim().replace(/^W\//, "")))) {
    return new Response(null, { status: 304, headers });
  }
  if (useGzip) {
    headers.set("Content-Encoding", "gzip");
    return new Response(new Uint8Array(gzip ?? gzipSync(body, { level: 1 })), { status: 200, headers });
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
  // Outlook on the web lives at two addresses: personal accounts and work or school (Microsoft 365) accounts.
  const outlookLink = (host: string) => {
    const url = new URL(`https://${host}/calendar/0/deeplink/compose`);
    url.search = new URLSearchParams({ path: "/calendar/action/compose", rru: "addevent", subject: coffee.title, startdt: start.toISOString(), enddt: end.toISOString(), body: details, location: page }).toString();
    return url.toString();
  };
  const ics = `${page}/event.ics`;
  return { google: google.toString(), outlookCom: outlookLink("outlook.live.com"), microsoft365: outlookLink("outlook.office.com"), ics, webcal: ics.replace(/^https?:\/\//, "webcal://") };
}

export function webcalUrl(httpUrl: string) {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}
