/**
 * Reading an iTIP REPLY (RFC 5546 §3.2.3), the answer a calendar sends when a member presses
 * Accept or Decline on an invite. Only what we act on is read: METHOD, and in the VEVENT the
 * UID, SEQUENCE and the one ATTENDEE with its PARTSTAT. Pure functions, no I/O.
 */

export type ItipReply = { uid: string; sequence: number; attendee: string; partstat: "ACCEPTED" | "DECLINED" | "TENTATIVE" | "NEEDS-ACTION" | "DELEGATED" };

type ContentLine = { name: string; params: Record<string, string>; value: string };

/** Unfolds (CRLF or LF followed by a space or tab) and splits each line into name, parameters and value. */
function contentLines(text: string): ContentLine[] {
  return text
    .replace(/\r?\n[ \t]/g, "")
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      const name = /^[A-Za-z0-9-]+/.exec(line)?.[0] ?? "";
      let rest = line.slice(name.length);
      const params: Record<string, string> = {};
      for (;;) {
        const param = /^;([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)/.exec(rest);
        if (!param) break;
        params[param[1].toUpperCase()] = param[2].replace(/^"|"$/g, "");
        rest = rest.slice(param[0].length);
      }
      return { name: name.toUpperCase(), params, value: rest.startsWith(":") ? rest.slice(1) : "" };
    });
}

const PARTSTATS = new Set(["ACCEPTED", "DECLINED", "TENTATIVE", "NEEDS-ACTION", "DELEGATED"]);

/** The reply in this iCalendar text, or null when it is not a well-formed REPLY with one attendee. */
export function parseItipReply(text: string): ItipReply | null {
  const lines = contentLines(text);
  const method = lines.find((l) => l.name === "METHOD")?.value.trim().toUpperCase();
  if (method !== "REPLY") return null;
  const start = lines.findIndex((l) => l.name === "BEGIN" && l.value.trim().toUpperCase() === "VEVENT");
  const end = lines.findIndex((l, i) => i > start && l.name === "END" && l.value.trim().toUpperCase() === "VEVENT");
  if (start < 0 || end < 0) return null;
  const event = lines.slice(start + 1, end);
  const uid = event.find((l) => l.name === "UID")?.value.trim();
  const attendees = event.filter((l) => l.name === "ATTENDEE");
  if (!uid || attendees.length !== 1) return null;
  const attendee = /^mailto:(.+)$/i.exec(attendees[0].value.trim())?.[1]?.trim().toLowerCase();
  const partstat = (attendees[0].params.PARTSTAT ?? "NEEDS-ACTION").toUpperCase();
  if (!attendee || !PARTSTATS.has(partstat)) return null;
  const sequence = Number(event.find((l) => l.name === "SEQUENCE")?.value.trim() ?? "0");
  return { uid, sequence: Number.isInteger(sequence) && sequence >= 0 ? sequence : 0, attendee, partstat: partstat as ItipReply["partstat"] };
}

/** Our UID back to the session id: `morning-coffee-<id>@<host>` for this installation's host only. */
export function coffeeIdFromUid(uid: string, host: string): string | null {
  const match = /^morning-coffee-([A-Za-z0-9_-]{1,64})@(.+)$/.exec(uid);
  return match && match[2].toLowerCase() === host.toLowerCase() ? match[1] : null;
}
