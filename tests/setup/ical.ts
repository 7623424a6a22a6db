import ICAL from "ical.js";

export type ParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string;
  url: string;
  status: string | null;
  start: Date;
  end: Date;
  startIsUtc: boolean;
  organizer: { email: string; cn: string | null } | null;
  attendees: { email: string; cn: string | null; rsvp: string | null; role: string | null; partstat: string | null }[];
  alarms: { action: string; trigger: string }[];
};

export type ParsedCalendar = { method: string | null; name: string | null; refresh: string | null; ttl: string | null; prodid: string | null; events: ParsedEvent[] };

const mailto = (v: unknown) => String(v ?? "").replace(/^mailto:/i, "");

/** Parses iCalendar text with Mozilla's ical.js (a real client's parser) into plain values. */
export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const prop = (c: ICAL.Component, name: string) => {
    const v = c.getFirstPropertyValue(name);
    return v == null ? null : String(v);
  };
  const events = root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const organizerProp = vevent.getFirstProperty("organizer");
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description ?? "",
      location: event.location ?? "",
      url: prop(vevent, "url") ?? "",
      status: prop(vevent, "status"),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startIsUtc: event.startDate.zone?.tzid === "UTC",
      organizer: organizerProp ? { email: mailto(organizerProp.getFirstValue()), cn: (organizerProp.getParameter("cn") as string) ?? null } : null,
      attendees: vevent.getAllProperties("attendee").map((p) => ({
        email: mailto(p.getFirstValue()),
        cn: (p.getParameter("cn") as string) ?? null,
        rsvp: (p.getParameter("rsvp") as string) ?? null,
        role: (p.getParameter("role") as string) ?? null,
        partstat: (p.getParameter("partstat") as string) ?? null,
      })),
      alarms: vevent.getAllSubcomponents("valarm").map((a) => ({ action: prop(a, "action") ?? "", trigger: prop(a, "trigger") ?? "" })),
    };
  });
  return { method: prop(root, "method"), name: prop(root, "x-wr-calname"), refresh: prop(root, "refresh-interval"), ttl: prop(root, "x-published-ttl"), prodid: prop(root, "prodid"), events };
}

/**
 * What strict parsers refuse even when ical.js shrugs: lines not ending in CRLF (the last one
 * too), content lines over 75 octets, a DQUOTE or control character inside a quoted parameter
 * value, and a calendar with no component at all. Returns the problems found (none: []).
 */
export function strictProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the last line does not end with CRLF");
  const lines = text.split("\r\n").slice(0, -1);
  lines.forEach((line, i) => {
    if (/[\r\n]/.test(line)) problems.push(`line ${i + 1} has a bare CR or LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${i + 1} is longer than 75 octets`);
  });
  // Unfold, then look at each property's parameters.
  const unfolded = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  for (const line of unfolded) {
    const name = /^[A-Za-z0-9-]+/.exec(line)?.[0] ?? "";
    let rest = line.slice(name.length);
    while (rest.startsWith(";")) {
      // eslint-disable-next-line no-control-regex
      const param = /^;[A-Za-z0-9-]+=("[^"\u0000-\u001f\u007f]*"|[^";:,\u0000-\u001f\u007f]*)(,("[^"\u0000-\u001f\u007f]*"|[^";:,\u0000-\u001f\u007f]*))*/.exec(rest);
      if (!param) {
        problems.push(`${name}: a parameter value is not valid: ${rest.slice(0, 60)}`);
        break;
      }
      if (/\\"/.test(param[0])) problems.push(`${name}: backslash-escaped quote in a parameter value`);
      rest = rest.slice(param[0].length);
    }
    if (!rest.startsWith(":")) problems.push(`${name}: no ':' after the parameters`);
  }
  const components = unfolded.filter((l) => /^BEGIN:/.test(l) && l !== "BEGIN:VCALENDAR");
  if (!components.length) problems.push("the calendar has no component");
  return problems;
}
