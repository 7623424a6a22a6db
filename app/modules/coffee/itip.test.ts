import { describe, expect, it } from "vitest";
import { coffeeIdFromUid, parseItipReply } from "./itip.ts";

// As Outlook writes a reply: folded lines, quoted CN, upper-case MAILTO.
const outlookReply = [
  "BEGIN:VCALENDAR",
  "METHOD:REPLY",
  "PRODID:Microsoft Exchange Server 2010",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  'ATTENDEE;PARTSTAT=DECLINED;CN="Tamm, Kristjan":MAILTO:Kristjan.Tamm@Example.',
  " ee",
  "UID:morning-coffee-abc123@community.example.eu",
  "SEQUENCE:2",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

describe("iTIP replies", () => {
  it("reads UID, SEQUENCE, the attendee's address and PARTSTAT from a folded Outlook reply", () => {
    expect(parseItipReply(outlookReply)).toEqual({ uid: "morning-coffee-abc123@community.example.eu", sequence: 2, attendee: "kristjan.tamm@example.ee", partstat: "DECLINED" });
  });

  it("refuses what is not one attendee's REPLY", () => {
    expect(parseItipReply(outlookReply.replace("METHOD:REPLY", "METHOD:REQUEST"))).toBeNull();
    expect(parseItipReply(outlookReply.replace("END:VEVENT", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:x@example.org\r\nEND:VEVENT"))).toBeNull();
    expect(parseItipReply(outlookReply.replace("PARTSTAT=DECLINED", "PARTSTAT=MAYBE"))).toBeNull();
    expect(parseItipReply("not a calendar")).toBeNull();
  });

  it("maps only this installation's UIDs back to a session", () => {
    expect(coffeeIdFromUid("morning-coffee-abc123@community.example.eu", "community.example.eu")).toBe("abc123");
    expect(coffeeIdFromUid("morning-coffee-abc123@elsewhere.example", "community.example.eu")).toBeNull();
    expect(coffeeIdFromUid("something-else@community.example.eu", "community.example.eu")).toBeNull();
  });
});
