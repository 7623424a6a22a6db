import { describe, expect, it } from "vitest";
import { parseCalendar, strictProblems } from "#tests/setup/ical.ts";
import { addToCalendarLinks, coffeeUid, eventCalendar, feedCalendar, inviteCalendar, type CalendarCoffee } from "./calendar.server.ts";
import { zonedToUtc } from "./time.ts";

function coffee(overrides: Partial<CalendarCoffee> = {}): CalendarCoffee {
  return {
    id: "coffee123",
    slug: "spring-coffee",
    title: "Morning Coffee: Spotlight on Georgia",
    summary: "An Action Spotlight and a live Q&A.",
    description: "Highlights; achievements, and the migration context, of the Action.",
    agenda: "09:00 Welcome\n09:10 Spotlight",
    startsAt: new Date("2026-05-12T07:00:00Z"),
    durationMinutes: 90,
    timezone: "Europe/Brussels",
    status: "published",
    sequence: 0,
    meetingUrl: "https://meet.example.org/abc",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-02T00:00:00Z"),
    ...overrides,
  };
}

const member = { email: "amara@example.org", name: "Amara Nkemelu" };
const sentAt = new Date("2026-04-01T10:15:00Z");

describe("Morning Coffee calendar files (parsed with ical.js)", () => {
  it("an invite is a METHOD:REQUEST meeting with organiser, attendee asked to RSVP, page URL, join link and an alarm", () => {
    const invite = inviteCalendar(coffee(), member, { method: "REQUEST", sequence: 0, stamp: sentAt });
    expect(invite.method).toBe("REQUEST");
    const cal = parseCalendar(invite.content);
    expect(cal.method).toBe("REQUEST");
    expect(cal.events).toHaveLength(1);
    const [event] = cal.events;
    expect(event.uid).toBe(coffeeUid({ id: "coffee123" }));
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe("Morning Coffee: Spotlight on Georgia");
    expect(event.status).toBe("CONFIRMED");
    expect(event.organizer?.email).toBe("no-reply@mieux.test");
    expect(event.organizer?.cn).toBe("MIEUX+ Community");
    expect(event.attendees).toEqual([{ email: "amara@example.org", cn: "Amara Nkemelu", rsvp: "TRUE", role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION" }]);
    expect(event.url).toMatch(/\/sessions\/spring-coffee$/);
    expect(event.location).toBe("https://meet.example.org/abc");
    expect(event.description).toContain("Join online: https://meet.example.org/abc");
    // Escaping by ical-generator: commas and semicolons survive the round trip.
    expect(event.description).toContain("Highlights; achievements, and the migration context, of the Action.");
    expect(event.alarms).toEqual([{ action: "DISPLAY", trigger: "-PT15M" }]);
    expect(event.startIsUtc).toBe(true);
    expect(event.start.toISOString()).toBe("2026-05-12T07:00:00.000Z");
    expect(event.end.toISOString()).toBe("2026-05-12T08:30:00.000Z");
  });

  it("keeps the UID across updates and cancellations while SEQUENCE rises", () => {
    const first = parseCalendar(inviteCalendar(coffee(), member, { method: "REQUEST", sequence: 0, stamp: sentAt }).content).events[0];
    const moved = parseCalendar(inviteCalendar(coffee({ startsAt: new Date("2026-05-13T07:00:00Z"), sequence: 1 }), member, { method: "REQUEST", sequence: 1, stamp: sentAt }).content).events[0];
    const cancel = parseCalendar(inviteCalendar(coffee({ sequence: 2, status: "cancelled" }), member, { method: "CANCEL", sequence: 2, stamp: sentAt }).content);
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBe(first.sequence + 1);
    expect(moved.start.toISOString()).toBe("2026-05-13T07:00:00.000Z");
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events[0].uid).toBe(first.uid);
    expect(cancel.events[0].sequence).toBe(2);
    expect(cancel.events[0].status).toBe("CANCELLED");
    expect(cancel.events[0].attendees[0].email).toBe("amara@example.org");
    expect(cancel.events[0].alarms).toEqual([]);
  });

  it("places sessions right across the daylight-saving changes in Europe/Brussels", () => {
    // 09:00 in Brussels on the Saturday before and the Sunday of the March change (29 March 2026)…
    const before = zonedToUtc("2026-03-28T09:00", "Europe/Brussels");
    const after = zonedToUtc("2026-03-29T09:00", "Europe/Brussels");
    // …and on the Sunday of the October change (25 October 2026).
    const autumn = zonedToUtc("2026-10-25T09:00", "Europe/Brussels");
    if (!before.ok || !after.ok || !autumn.ok) throw new Error("valid local times were rejected");
    const events = [before.date, after.date, autumn.date].map((startsAt) => parseCalendar(eventCalendar(coffee({ startsAt }))).events[0]);
    expect(events.map((e) => e.start.toISOString())).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-10-25T08:00:00.000Z"]);
    // A 90-minute session across nothing odd still lasts 90 minutes.
    expect(events.map((e) => (e.end.getTime() - e.start.getTime()) / 60_000)).toEqual([90, 90, 90]);
    // 02:30 on 29 March does not exist in Brussels: refused rather than silently moved.
    expect(zonedToUtc("2026-03-29T02:30", "Europe/Brussels")).toEqual({ ok: false, problem: "nonexistent" });
  });

  it("a download or public feed carries no join link and no attendee; feeds carry a name and refresh hints", () => {
    const single = parseCalendar(eventCalendar(coffee()));
    expect(single.method).toBe("PUBLISH");
    expect(single.events[0].attendees).toEqual([]);
    expect(single.events[0].location).not.toContain("meet.example.org");
    expect(single.events[0].description).not.toContain("meet.example.org");

    const feed = parseCalendar(feedCalendar("MIEUX+ Morning Coffee", [{ coffee: coffee(), includeLink: false }, { coffee: coffee({ id: "other", slug: "other" }), includeLink: false }], { stamp: sentAt }));
    expect(feed.name).toBe("MIEUX+ Morning Coffee");
    expect(feed.refresh).toBe("PT1H");
    expect(feed.ttl).toBe("PT1H");
    expect(new Set(feed.events.map((e) => e.uid)).size).toBe(2);
  });

  it("builds Google, Outlook.com, Microsoft 365 and webcal links for the session", () => {
    const links = addToCalendarLinks(coffee());
    const google = new URL(links.google);
    expect(google.hostname).toBe("calendar.google.com");
    expect(google.searchParams.get("dates")).toBe("20260512T070000Z/20260512T083000Z");
    expect(google.searchParams.get("text")).toBe("Morning Coffee: Spotlight on Georgia");
    const outlookCom = new URL(links.outlookCom);
    const microsoft365 = new URL(links.microsoft365);
    expect(outlookCom.hostname).toBe("outlook.live.com");
    expect(microsoft365.hostname).toBe("outlook.office.com");
    for (const link of [outlookCom, microsoft365]) expect(link.searchParams.get("startdt")).toBe("2026-05-12T07:00:00.000Z");
    expect(links.webcal).toMatch(/^webcal:\/\/.*\/sessions\/spring-coffee\/event\.ics$/);
  });
});

describe("what strict iCalendar parsers need", () => {
  const kt = { email: "kt@example.ee", name: 'Kristjan "KT" Tamm\u0007\u202E' };

  it("a name with double quotes or control characters becomes a valid parameter value, in invites and cancellations", () => {
    for (const method of ["REQUEST", "CANCEL"] as const) {
      const { content } = inviteCalendar(coffee(), kt, { method, sequence: 0, stamp: sentAt });
      expect(strictProblems(content)).toEqual([]);
      expect(content).not.toContain('\\"');
      expect(parseCalendar(content).events[0].attendees[0]).toMatchObject({ email: "kt@example.ee", cn: "Kristjan 'KT' Tamm" });
    }
  });

  it("DTSTAMP is when the invite was made, not when the session last changed", () => {
    const text = inviteCalendar(coffee(), member, { method: "REQUEST", sequence: 0, stamp: sentAt }).content;
    expect(text).toContain("\r\nDTSTAMP:20260401T101500Z\r\n");
    expect(text).toContain("\r\nLAST-MODIFIED:20260102T000000Z\r\n");
  });

  it("one member leaving is a CANCEL naming them without STATUS:CANCELLED; the session's cancellation carries it", () => {
    const leaving = inviteCalendar(coffee({ sequence: 0 }), member, { method: "CANCEL", sequence: 1, stamp: sentAt, scope: "attendee" });
    const parsed = parseCalendar(leaving.content);
    expect(parsed.method).toBe("CANCEL");
    expect(parsed.events[0].status).toBeNull();
    expect(parsed.events[0].summary).toBe("Morning Coffee: Spotlight on Georgia");
    expect(parsed.events[0].attendees.map((a) => a.email)).toEqual(["amara@example.org"]);
    const whole = parseCalendar(inviteCalendar(coffee({ status: "cancelled" }), member, { method: "CANCEL", sequence: 1, stamp: sentAt }).content);
    expect(whole.events[0].status).toBe("CANCELLED");
  });

  it("a single-event download names no calendar (Outlook would open it as a new calendar) and ends with CRLF", () => {
    const text = eventCalendar(coffee({ title: "Morning Coffee, spring; Georgia" }));
    expect(text).not.toMatch(/^(X-WR-CALNAME|NAME)[:;]/m);
    expect(strictProblems(text)).toEqual([]);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("feeds escape their name and description, name no attendee, and are valid even when empty", () => {
    const name = "Sessions, talks; and \\ more";
    const text = feedCalendar(name, [{ coffee: coffee(), includeLink: true, alarm: true }], { stamp: sentAt, description: "One; two, three" });
    expect(strictProblems(text)).toEqual([]);
    const parsed = parseCalendar(text);
    // TEXT escaping (RFC 5545 §3.3.11): the comma, semicolon and backslash survive as written.
    expect(text).toContain("\r\nX-WR-CALNAME:Sessions\\, talks\\; and \\\\ more\r\n");
    expect(text).toContain("\r\nNAME:Sessions\\, talks\\; and \\\\ more\r\n");
    expect(text).toContain("\r\nX-WR-CALDESC:One\\; two\\, three\r\n");
    expect(parsed.events[0].attendees).toEqual([]);
    expect(text).toContain("\r\nDTSTAMP:20260401T101500Z\r\n");

    const empty = feedCalendar("MIEUX+ Morning Coffee", [], { stamp: sentAt });
    expect(strictProblems(empty)).toEqual([]);
    expect(parseCalendar(empty).events).toEqual([]);
  });

  it("alarms only where asked for: the public feed leaves reminders to each subscriber", () => {
    const publicFeed = parseCalendar(feedCalendar("All", [{ coffee: coffee(), includeLink: false }], { stamp: sentAt }));
    const privateFeed = parseCalendar(feedCalendar("Mine", [{ coffee: coffee(), includeLink: true, alarm: true }], { stamp: sentAt }));
    expect(publicFeed.events[0].alarms).toEqual([]);
    expect(privateFeed.events[0].alarms).toEqual([{ action: "DISPLAY", trigger: "-PT15M" }]);
  });
});
