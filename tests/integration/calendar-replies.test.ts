/**
 * Accept and Decline from a member's calendar: the reply reaches the organiser mailbox on a real
 * IMAP server (dovecot on loopback) and the replies job applies it. Skipped when dovecot is not
 * installed, unless REQUIRE_IMAP=1 (then it fails).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCalendarReplies } from "#app/modules/coffee/replies.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { resetSingleton } from "#app/utils/singleton.server.ts";
import { createCoffee, outboxDrained, registerDirectly } from "#tests/factories/coffee.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { parseCalendar } from "#tests/setup/ical.ts";
import { DOVECOT, startImapServer } from "#tests/setup/imap-server.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

const required = process.env.REQUIRE_IMAP === "1" || process.env.REQUIRE_IMAP === "true";
const imap = await startImapServer();
if (!imap && required) throw new Error(`REQUIRE_IMAP=1 but dovecot is not installed at ${DOVECOT} (apt-get install -y dovecot-imapd)`);
if (!imap) console.warn(`\n!! calendar replies: dovecot not found at ${DOVECOT}; IMAP tests skipped (apt-get install -y dovecot-imapd)\n`);
if (imap) {
  Object.assign(process.env, { IMAP_URL: imap.url, ORGANIZER_EMAIL: "coffee-team@mieux.test" });
  // Imports above may already have read the environment: read it again with the mailbox set.
  resetSingleton("env");
}

const mail = () => testContext().mail;
let baseUrl = "";

/** An iTIP REPLY as Outlook sends it: multipart/alternative with a base64 text/calendar; method=REPLY part. */
function replyMessage({ from, attendee = from, uid, sequence, partstat }: { from: string; attendee?: string; uid: string; sequence: number; partstat: string }) {
  const ics = [
    "BEGIN:VCALENDAR",
    "METHOD:REPLY",
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "BEGIN:VEVENT",
    `ATTENDEE;PARTSTAT=${partstat};CN="Someone":mailto:${attendee.toUpperCase()}`,
    `UID:${uid}`,
    `SEQUENCE:${sequence}`,
    "DTSTAMP:20260401T101500Z",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
  const boundary = "b1_reply";
  return [
    `From: Someone <${from}>`,
    "To: coffee-team@mieux.test",
    `Subject: ${partstat === "DECLINED" ? "Declined" : "Accepted"}: Morning Coffee`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Reply from my calendar.",
    `--${boundary}`,
    'Content-Type: text/calendar; charset="utf-8"; method=REPLY',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(ics).toString("base64").replace(/(.{76})/g, "$1\r\n"),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

async function registered(client: TestClient, email: string, slug: string) {
  await client.post(`/sessions/${slug}`, { intent: "register" });
  const message = await mail().waitFor((m) => m.to.includes(email) && /registered/i.test(m.subject));
  return parseCalendar(message.calendars[0].content).events[0];
}

async function memberClient() {
  const user = await createUser();
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

const registration = (coffeeId: string, userId: string) => prisma.coffeeRegistration.findUniqueOrThrow({ where: { coffeeId_userId: { coffeeId, userId } } });

describe.runIf(imap)("calendar replies read from the organiser mailbox (IMAP)", () => {
  beforeAll(async () => {
    baseUrl = (await startTestServer()).url;
  });
  afterAll(async () => {
    await imap?.close();
  });

  it("names the organiser mailbox in invites; a Decline frees the place and promotes the first on the waitlist", async () => {
    const coffee = await createCoffee({ capacity: 1 });
    const a = await memberClient();
    const event = await registered(a.client, a.user.email, coffee.slug);
    expect(event.organizer?.email).toBe("coffee-team@mieux.test");
    const b = await memberClient();
    await b.client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    expect((await registration(coffee.id, b.user.id)).status).toBe("waitlisted");

    await imap!.deliver(replyMessage({ from: a.user.email, uid: event.uid, sequence: event.sequence, partstat: "DECLINED" }));
    await readCalendarReplies();

    expect((await registration(coffee.id, a.user.id)).status).toBe("cancelled");
    expect((await registration(coffee.id, b.user.id)).status).toBe("registered");
    const promoted = await mail().waitFor((m) => m.to.includes(b.user.email) && /place opened up/i.test(m.subject));
    expect(parseCalendar(promoted.calendars[0].content).method).toBe("REQUEST");
    // The member declined in their calendar: a note, and no CANCEL for them to act on again.
    const note = await mail().waitFor((m) => m.to.includes(a.user.email) && /^You declined/.test(m.subject));
    expect(note.calendars).toHaveLength(0);
    expect(note.text).toContain("no reminders");
    expect((await imap!.inbox()).every((m) => m.seen)).toBe(true);
  });

  it("an Accept confirms the place; forged senders, other people's places, older invites and other UIDs change nothing; each message is read once", async () => {
    const coffee = await createCoffee();
    const c = await memberClient();
    const event = await registered(c.client, c.user.email, coffee.slug);
    const bystander = await createUser();
    await registerDirectly(coffee.id, bystander.id);

    await imap!.deliver(replyMessage({ from: c.user.email, uid: event.uid, sequence: event.sequence, partstat: "ACCEPTED" }));
    // A stranger sending a Decline in C's name; C's address with another attendee's place; a UID from elsewhere.
    await imap!.deliver(replyMessage({ from: "mallory@example.net", attendee: c.user.email, uid: event.uid, sequence: event.sequence, partstat: "DECLINED" }));
    await imap!.deliver(replyMessage({ from: c.user.email, attendee: bystander.email, uid: event.uid, sequence: event.sequence, partstat: "DECLINED" }));
    await imap!.deliver(replyMessage({ from: c.user.email, uid: `morning-coffee-${coffee.id}@calendar.example.net`, sequence: event.sequence, partstat: "DECLINED" }));
    await imap!.deliver("From: c@example.org\r\nTo: coffee-team@mieux.test\r\nSubject: Thank you\r\n\r\nSee you there!\r\n");
    await readCalendarReplies();

    const accepted = await registration(coffee.id, c.user.id);
    expect(accepted.status).toBe("registered");
    expect(accepted.acceptedAt).toBeInstanceOf(Date);
    // Organisers see who confirmed.
    const organiser = await createUser({ role: "organiser" });
    const organiserClient = new TestClient(baseUrl);
    await logInAs(organiserClient, organiser);
    const list = visibleText((await organiserClient.page(`/sessions/${coffee.slug}/attendees`)).html);
    expect(list.match(/accepted in their calendar/g)).toHaveLength(1);
    expect((await registration(coffee.id, bystander.id)).status).toBe("registered");
    expect((await imap!.inbox()).every((m) => m.seen)).toBe(true);
    expect((await readCalendarReplies()).read).toBe(0);

    // The organisers moved the session (SEQUENCE 1): a Decline of the old invite is stale.
    await prisma.morningCoffee.update({ where: { id: coffee.id }, data: { sequence: { increment: 1 } } });
    await imap!.deliver(replyMessage({ from: c.user.email, uid: event.uid, sequence: event.sequence, partstat: "DECLINED" }));
    await readCalendarReplies();
    expect((await registration(coffee.id, c.user.id)).status).toBe("registered");

    // The same Decline for the current invite, delivered twice: applied once.
    for (let i = 0; i < 2; i++) await imap!.deliver(replyMessage({ from: c.user.email, uid: event.uid, sequence: event.sequence + 1, partstat: "DECLINED" }));
    await readCalendarReplies();
    expect((await registration(coffee.id, c.user.id)).status).toBe("cancelled");
    await outboxDrained();
    expect(mail().messages.filter((m) => m.to.includes(c.user.email) && /^You declined/.test(m.subject))).toHaveLength(1);
  });
});
