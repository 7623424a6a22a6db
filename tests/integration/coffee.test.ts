import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { sendDueReminders } from "#app/modules/coffee/reminders.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee, outboxDrained, registerDirectly } from "#tests/factories/coffee.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { parseCalendar, strictProblems } from "#tests/setup/ical.ts";
import type { CaughtMail } from "#tests/setup/mail-catcher.ts";
import { ROOT } from "#tests/setup/paths.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
const mail = () => testContext().mail;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const mailsTo = (email: string, pattern?: RegExp) => mail().messages.filter((m) => m.to.includes(email) && (!pattern || pattern.test(m.subject)));
/**
 * The invite as a mail client sees it: nodemailer sends the calendar as a text/calendar
 * alternative carrying `method=` (what Outlook and Gmail act on) plus an .ics attachment copy.
 */
const invite = (m: CaughtMail) => {
  const part = m.raw.attachments.find((a) => a.contentType === "text/calendar");
  expect(part, `no text/calendar part in "${m.subject}"`).toBeTruthy();
  const header = part!.headers.get("content-type") as { value: string; params: Record<string, string> };
  expect(header.params.charset?.toLowerCase()).toBe("utf-8");
  const content = part!.content.toString("utf8");
  for (const copy of m.calendars) expect(copy.content).toBe(content);
  const parsed = parseCalendar(content);
  expect(header.params.method).toBe(parsed.method);
  return parsed;
};

async function member(role: "member" | "organiser" = "member") {
  const user = await createUser({ role });
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

function brusselsInput(date: Date) {
  return DateTime.fromJSDate(date, { zone: "Europe/Brussels" }).toFormat("yyyy-MM-dd'T'HH:mm");
}

const validForm = (startsAt: Date, extra: Record<string, string> = {}) => ({
  intent: "save",
  title: "Morning Coffee: Spotlight on Uganda",
  summary: "Highlights from the Uganda Action.",
  description: "An Action Spotlight and a Q&A.",
  agenda: "10:00 Welcome\n10:10 Spotlight",
  startsAtLocal: brusselsInput(startsAt),
  timezone: "Europe/Brussels",
  durationMinutes: "60",
  meetingUrl: "https://meet.example.org/uganda",
  linkVisibleMinutes: "15",
  capacity: "",
  registrationClosesLocal: "",
  qaMode: "moderated",
  actionId: "",
  reminderHours: "24, 1",
  recordingUrl: "",
  outcome: "",
  ...extra,
});

describe("scheduling and permissions", () => {
  it("explains every bad field, keeps the input and writes nothing", async () => {
    const { client } = await member("organiser");
    const before = await prisma.morningCoffee.count();
    const res = await client.post(
      "/sessions/new",
      validForm(new Date(Date.now() + 5 * DAY), { title: "Hi", startsAtLocal: "2026-03-29T02:30", durationMinutes: "5", meetingUrl: "javascript:alert(1)", reminderHours: "soon" }),
    );
    expect(res.status).toBe(400);
    const text = visibleText(await res.text());
    expect(text).toContain("Enter a title of at least 5 characters.");
    expect(text).toContain("A session lasts at least 15 minutes.");
    expect(text).toContain("The meeting link must be a full https:// address.");
    expect(text).toContain("List hours before the start, separated by commas");
    expect(await prisma.morningCoffee.count()).toBe(before);

    // A time skipped by the clock change is refused with a clear reason.
    const gap = await client.post("/sessions/new", validForm(new Date(), { startsAtLocal: "2026-03-29T02:30" }));
    expect(gap.status).toBe(400);
    const gapHtml = await gap.text();
    expect(visibleText(gapHtml)).toContain("This time does not exist in Europe/Brussels");
    expect(gapHtml).toContain('value="Morning Coffee: Spotlight on Uganda"');
    expect(await prisma.morningCoffee.count()).toBe(before);
  });

  it("stores the organiser's wall-clock time in UTC, across a daylight-saving change", async () => {
    const { client } = await member("organiser");
    const res = await client.post("/sessions/new", validForm(new Date(), { title: "Morning Coffee: the Sunday the clocks change", startsAtLocal: "2027-03-28T09:00" }));
    expect(res.status).toBe(302);
    const coffee = await prisma.morningCoffee.findFirstOrThrow({ where: { title: "Morning Coffee: the Sunday the clocks change" } });
    // 28 March 2027 is the last Sunday of March: Brussels is on summer time (UTC+2) from 03:00.
    expect(coffee.startsAt.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(coffee.status).toBe("draft");
    expect(coffee.reminderOffsets).toBe("1440,60");
  });

  it("asks which of the two meanings an autumn time has, and keeps the answer when editing", async () => {
    const { client } = await member("organiser");
    const title = "Morning Coffee: the night the clocks go back";
    const before = await prisma.morningCoffee.count();
    const asked = await client.post("/sessions/new", validForm(new Date(), { title, startsAtLocal: "2026-10-25T02:30" }));
    expect(asked.status).toBe(400);
    const askedText = visibleText(await asked.text());
    expect(askedText).toContain("This time happens twice in Europe/Brussels");
    expect(askedText).toContain("Which 02:30 do you mean?");
    expect(askedText).toContain("02:30 CEST (UTC+2), the first time");
    expect(askedText).toContain("02:30 CET (UTC+1), the second time");
    expect(await prisma.morningCoffee.count()).toBe(before);

    const chosen = await client.post("/sessions/new", validForm(new Date(), { title, startsAtLocal: "2026-10-25T02:30", startsAtOffset: "60" }));
    expect(chosen.status).toBe(302);
    const coffee = await prisma.morningCoffee.findFirstOrThrow({ where: { title } });
    expect(coffee.startsAt.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    // The edit form shows the choice already made.
    const edit = await client.page(`/sessions/${coffee.slug}/edit`);
    const radios = edit.html.match(/<input[^>]*name="startsAtOffset"[^>]*>/g) ?? [];
    expect(radios.filter((r) => r.includes("checked")).map((r) => /value="(-?\d+)"/.exec(r)?.[1])).toEqual(["60"]);
  });

  it("shows the session and agenda times in UTC (labelled) before the browser knows the reader's zone, with the organisers' zone beside them", async () => {
    const coffee = await createCoffee({ startsAt: new Date("2027-05-11T07:00:00Z"), durationMinutes: 90 });
    await prisma.morningCoffee.update({ where: { id: coffee.id }, data: { agenda: "09:00 Welcome\n09:10 Spotlight on Georgia" } });
    const { client } = await member();
    const text = visibleText((await client.page(`/sessions/${coffee.slug}`)).html);
    expect(text).toContain("Tuesday 11 May 2027, 07:00–08:30 UTC");
    expect(text).toContain("09:00–10:30 CEST (Brussels time)");
    expect(text).toContain("07:10 UTC (09:10 CEST, Brussels) Spotlight on Georgia");
  });

  it("keeps drafts from members and editing to organisers", async () => {
    const draft = await createCoffee({ status: "draft", title: "Morning Coffee: a secret draft" });
    const { client } = await member();
    expect((await client.get(`/sessions/${draft.slug}`)).status).toBe(404);
    expect(visibleText((await client.page("/sessions")).html)).not.toContain("a secret draft");
    expect((await client.get(`/sessions/${draft.slug}/event.ics`)).status).toBe(404);
    expect((await client.get("/sessions/new")).status).toBe(403);
    expect((await client.get(`/sessions/${draft.slug}/edit`)).status).toBe(403);
    expect((await client.post(`/sessions/${draft.slug}/edit`, { intent: "publish" })).status).toBe(403);
    expect((await client.get(`/sessions/${draft.slug}/attendees.csv`)).status).toBe(403);
    expect((await prisma.morningCoffee.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");

    const organiser = await member("organiser");
    const preview = await organiser.client.page(`/sessions/${draft.slug}`);
    expect(visibleText(preview.html)).toContain("Preview of a draft");
    const publish = await organiser.client.post(`/sessions/${draft.slug}/edit`, { intent: "publish" });
    expect(publish.status).toBe(302);
    expect((await client.get(`/sessions/${draft.slug}`)).status).toBe(200);
  });
});

describe("registration and calendar invites by email", () => {
  it("sends a METHOD:REQUEST invite on registration and hides the join link until the set time", async () => {
    const coffee = await createCoffee();
    const { user, client } = await member();
    const res = await client.post(`/sessions/${coffee.slug}`, { intent: "register", listPublicly: "on" });
    expect(res.status).toBe(302);
    const message = await mail().waitFor((m) => m.to.includes(user.email) && /registered/i.test(m.subject));
    const cal = invite(message);
    expect(cal.method).toBe("REQUEST");
    const [event] = cal.events;
    expect(event.uid).toContain(coffee.id);
    expect(event.sequence).toBe(0);
    expect(event.attendees).toEqual([expect.objectContaining({ email: user.email, rsvp: "TRUE" })]);
    expect(event.organizer?.email).toBe("no-reply@mieux.test");
    expect(event.url).toBe(`${baseUrl.replace("localhost", "127.0.0.1")}/sessions/${coffee.slug}`);
    expect(event.start.toISOString()).toBe(coffee.startsAt.toISOString());
    expect(event.alarms.length).toBe(1);
    // The mail client sees a real text/calendar part with its method.
    expect(message.raw.headers.get("content-type")).toBeTruthy();

    const page = await client.page(`/sessions/${coffee.slug}`);
    expect(visibleText(page.html)).toContain("You are registered.");
    expect(page.html).not.toContain(coffee.meetingUrl);
    expect(visibleText(page.html)).toContain("The join button appears here 15 minutes before the start");
  });

  it("shows the join button to registered members only, from the set time before the start", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() + 10 * 60 * 1000), linkVisibleMinutes: 15 });
    const registered = await member();
    const other = await member();
    await registerDirectly(coffee.id, registered.user.id);
    const mine = await registered.client.page(`/sessions/${coffee.slug}`);
    expect(mine.html).toContain(coffee.meetingUrl);
    expect(visibleText(mine.html)).toContain("Join the Morning Coffee");
    const theirs = await other.client.page(`/sessions/${coffee.slug}`);
    expect(theirs.html).not.toContain(coffee.meetingUrl);
    const anonymous = await new TestClient(baseUrl).page(`/sessions/${coffee.slug}`);
    expect(anonymous.html).not.toContain(coffee.meetingUrl);
  });

  it("sends every registrant an update with SEQUENCE+1 when the time moves, and nothing for after-session notes", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() + 6 * DAY) });
    const organiser = await member("organiser");
    const a = await member();
    const b = await member();
    for (const p of [a, b]) await p.client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    const firstA = await mail().waitFor((m) => m.to.includes(a.user.email) && /registered/i.test(m.subject));
    await mail().waitFor((m) => m.to.includes(b.user.email) && /registered/i.test(m.subject));

    const moved = new Date(coffee.startsAt.getTime() + DAY);
    const res = await organiser.client.post(`/sessions/${coffee.slug}/edit`, validForm(moved, { title: coffee.title, meetingUrl: coffee.meetingUrl, summary: coffee.summary, description: coffee.description, agenda: "" }));
    expect(res.status).toBe(302);
    for (const p of [a, b]) {
      const update = await mail().waitFor((m) => m.to.includes(p.user.email) && /^Updated/.test(m.subject));
      expect(update.text).toContain("new time");
      const cal = invite(update);
      expect(cal.method).toBe("REQUEST");
      expect(cal.events[0].uid).toBe(invite(firstA).events[0].uid);
      expect(cal.events[0].sequence).toBe(1);
      expect(cal.events[0].start.toISOString()).toBe(moved.toISOString());
    }
    const stored = await prisma.morningCoffee.findUniqueOrThrow({ where: { id: coffee.id } });
    expect(stored.sequence).toBe(1);

    // Adding a recording link changes nothing attendees' calendars need.
    await organiser.client.post(
      `/sessions/${coffee.slug}/edit`,
      validForm(moved, { title: coffee.title, meetingUrl: coffee.meetingUrl, summary: coffee.summary, description: coffee.description, agenda: "", recordingUrl: "https://media.example.org/rec" }),
    );
    await outboxDrained();
    expect(mailsTo(a.user.email, /^Updated/)).toHaveLength(1);
    expect((await prisma.morningCoffee.findUniqueOrThrow({ where: { id: coffee.id } })).sequence).toBe(1);

    // A new join link is another change attendees hear about: SEQUENCE 2, the link in the invite.
    await organiser.client.post(
      `/sessions/${coffee.slug}/edit`,
      validForm(moved, { title: coffee.title, meetingUrl: "https://meet.example.org/new-room", summary: coffee.summary, description: coffee.description, agenda: "", recordingUrl: "https://media.example.org/rec" }),
    );
    const second = await mail().waitFor((m) => m.to.includes(b.user.email) && /^Updated/.test(m.subject) && m.text.includes("new join link"));
    const cal = invite(second);
    expect(cal.events[0].sequence).toBe(2);
    expect(cal.events[0].location).toBe("https://meet.example.org/new-room");
    expect(cal.events[0].uid).toBe(invite(firstA).events[0].uid);
  });

  it("puts members on the waitlist when full, and promotes the first in line with an invite when someone unregisters", async () => {
    const coffee = await createCoffee({ capacity: 1 });
    const first = await member();
    const second = await member();
    await first.client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    await second.client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    const waitlisted = await mail().waitFor((m) => m.to.includes(second.user.email) && /waitlist/i.test(m.subject));
    expect(waitlisted.calendars).toHaveLength(0);
    expect(visibleText((await second.client.page(`/sessions/${coffee.slug}`)).html)).toContain("You are number 1 on the waitlist.");

    await first.client.post(`/sessions/${coffee.slug}`, { intent: "unregister" });
    const cancel = await mail().waitFor((m) => m.to.includes(first.user.email) && /no longer registered/i.test(m.subject));
    const cancelCal = invite(cancel);
    expect(cancelCal.method).toBe("CANCEL");
    // Only this member's place ends: no STATUS:CANCELLED for a session that still takes place (RFC 5546).
    expect(cancelCal.events[0].status).toBeNull();
    expect(cancelCal.events[0].summary).toBe(coffee.title);
    expect(cancelCal.events[0].sequence).toBeGreaterThan(0);
    expect(cancelCal.events[0].attendees[0].email).toBe(first.user.email);

    const promoted = await mail().waitFor((m) => m.to.includes(second.user.email) && /place opened up/i.test(m.subject));
    expect(invite(promoted).method).toBe("REQUEST");
    expect(invite(promoted).events[0].attendees[0].email).toBe(second.user.email);
    expect(visibleText((await second.client.page(`/sessions/${coffee.slug}`)).html)).toContain("You are registered.");

    // Registering again after unregistering: a fresh invite with a SEQUENCE above the CANCEL.
    const again = await first.client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    expect(again.status).toBe(302);
    const back = await mail().waitFor((m) => m.to.includes(first.user.email) && /waitlist/i.test(m.subject));
    expect(back).toBeTruthy();
  });

  it("promotes from the waitlist when the organiser adds places", async () => {
    const coffee = await createCoffee({ capacity: 1, startsAt: new Date(Date.now() + 4 * DAY) });
    const organiser = await member("organiser");
    const first = await createUser();
    const waiting = await createUser();
    await registerDirectly(coffee.id, first.id);
    await registerDirectly(coffee.id, waiting.id, "waitlisted");
    const res = await organiser.client.post(
      `/sessions/${coffee.slug}/edit`,
      validForm(coffee.startsAt, { title: coffee.title, summary: coffee.summary, description: coffee.description, agenda: "", meetingUrl: coffee.meetingUrl, durationMinutes: "90", capacity: "2" }),
    );
    expect(res.status).toBe(302);
    const promoted = await mail().waitFor((m) => m.to.includes(waiting.email) && /place opened up/i.test(m.subject));
    expect(invite(promoted).method).toBe("REQUEST");
    expect((await prisma.coffeeRegistration.findFirstOrThrow({ where: { coffeeId: coffee.id, userId: waiting.id } })).status).toBe("registered");
    // Only the capacity changed: nobody gets an "updated" invite.
    await outboxDrained();
    expect(mailsTo(first.email, /^Updated/)).toHaveLength(0);
  });

  it("sends METHOD:CANCEL to every registrant when the organiser cancels, and the waitlist a note without one", async () => {
    const coffee = await createCoffee();
    const organiser = await member("organiser");
    const people = [await member(), await member()];
    for (const p of people) await registerDirectly(coffee.id, p.user.id);
    const waiting = await member();
    await registerDirectly(coffee.id, waiting.user.id, "waitlisted");
    const refused = await organiser.client.post(`/sessions/${coffee.slug}/edit`, { intent: "cancel" });
    expect(refused.status).toBe(400);
    expect(visibleText(await refused.text())).toContain("Tick the box to confirm the cancellation.");
    expect((await prisma.morningCoffee.findUniqueOrThrow({ where: { id: coffee.id } })).status).toBe("published");

    await organiser.client.post(`/sessions/${coffee.slug}/edit`, { intent: "cancel", confirm: "on" });
    for (const p of people) {
      const m = await mail().waitFor((x) => x.to.includes(p.user.email) && /^Cancelled/.test(x.subject));
      const cal = invite(m);
      expect(cal.method).toBe("CANCEL");
      expect(cal.events[0].uid).toContain(coffee.id);
      expect(cal.events[0].sequence).toBe(1);
      expect(cal.events[0].status).toBe("CANCELLED");
    }
    // Waitlisted members never got an invite, so they get no CANCEL for one: just the news.
    const note = await mail().waitFor((x) => x.to.includes(waiting.user.email) && /^Cancelled/.test(x.subject));
    expect(note.calendars).toHaveLength(0);
    expect(note.text).toContain("your place on its waitlist has ended");
    const feed = parseCalendar(await (await fetch(`${baseUrl}/calendar/public.ics`)).text());
    expect(feed.events.find((e) => e.uid.includes(coffee.id))?.status).toBe("CANCELLED");
  });
});

describe("reminders", () => {
  it("sends the 24-hour and 1-hour reminders once each, skipping cancelled registrations", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() + 5 * DAY) });
    const going = await createUser();
    const gone = await createUser();
    const waiting = await createUser();
    await registerDirectly(coffee.id, going.id);
    await registerDirectly(coffee.id, gone.id, "cancelled");
    await registerDirectly(coffee.id, waiting.id, "waitlisted");

    const start = coffee.startsAt.getTime();
    // The clock is global: other sessions in this file may be due too, so count this one's claims.
    const claimed = () => prisma.coffeeReminderClaim.count({ where: { registration: { coffeeId: coffee.id } } });
    await sendDueReminders(new Date(start - 25 * HOUR));
    expect(await claimed()).toBe(0);
    await sendDueReminders(new Date(start - 23 * HOUR));
    expect(await claimed()).toBe(1);
    await sendDueReminders(new Date(start - 22 * HOUR));
    expect(await claimed()).toBe(1);
    const day = await mail().waitFor((m) => m.to.includes(going.email) && /starts in 24 hours/.test(m.subject));
    expect(day.text).toContain(coffee.title);
    await sendDueReminders(new Date(start - 50 * 60 * 1000));
    expect(await claimed()).toBe(2);
    await mail().waitFor((m) => m.to.includes(going.email) && /starts in 1 hour/.test(m.subject));
    await outboxDrained();
    expect(mailsTo(going.email, /^Reminder/)).toHaveLength(2);
    expect(mailsTo(gone.email)).toHaveLength(0);
    expect(mailsTo(waiting.email)).toHaveLength(0);
  });

  it("loses and duplicates nothing when a sending process is killed mid-batch and several processes resume", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() + 8 * DAY), reminderOffsets: "1440" });
    const people = await Promise.all(Array.from({ length: 40 }, () => createUser()));
    for (const p of people) await registerDirectly(coffee.id, p.id);
    const now = new Date(coffee.startsAt.getTime() - 23 * HOUR).toISOString();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
    const otherProcess = (startAt = 0): ChildProcess => spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/support/reminder-process.ts"), now, String(startAt)], { cwd: ROOT, env, stdio: process.env.DEBUG_COFFEE ? "inherit" : "ignore" });
    const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
    const claims = () => prisma.coffeeReminderClaim.count({ where: { registration: { coffeeId: coffee.id } } });

    // A process starts sending and is killed (SIGKILL: no clean shutdown) part-way through.
    const doomed = otherProcess();
    const doomedExit = exited(doomed);
    const deadline = Date.now() + 60_000;
    while ((await claims()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    doomed.kill("SIGKILL");
    await doomedExit;
    const claimedBeforeKill = await claims();
    expect(claimedBeforeKill).toBeGreaterThan(0);
    console.info(`[coffee] the killed process had claimed ${claimedBeforeKill} of 40 reminders`);

    // Two fresh processes and this server's own pass resume at the same time.
    const together = Date.now() + 8_000;
    const [codeA, codeB, here] = await Promise.all([
      exited(otherProcess(together)),
      exited(otherProcess(together)),
      new Promise((r) => setTimeout(r, together - Date.now())).then(() => sendDueReminders(new Date(now))),
    ]);
    console.info(`[coffee] after the restart this process queued ${here.sent}; the others the rest`);
    expect(codeA).toBe(0);
    expect(codeB).toBe(0);
    expect(await claims()).toBe(40);
    await outboxDrained(30_000);
    for (const p of people) expect(mailsTo(p.email, /^Reminder/), p.email).toHaveLength(1);
    // Each claim has exactly one queued email with it.
    expect(await prisma.mailOutbox.count({ where: { kind: "coffee_reminder", to: { in: people.map((p) => p.email) } } })).toBe(40);
  }, 240_000);
});

describe("delivery when the mail server fails", () => {
  it("delivers every update exactly once after the mail server comes back", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() + 6 * DAY) });
    const organiser = await member("organiser");
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    for (const p of people) await registerDirectly(coffee.id, p.id);
    mail().setFailing(true);
    try {
      const moved = new Date(coffee.startsAt.getTime() + 2 * HOUR);
      await organiser.client.post(
        `/sessions/${coffee.slug}/edit`,
        validForm(moved, { title: coffee.title, summary: coffee.summary, description: coffee.description, agenda: "", meetingUrl: coffee.meetingUrl, durationMinutes: "90" }),
      );
      // The worker tries, the server refuses, the messages wait for their retry.
      const deadline = Date.now() + 15_000;
      const refused = { kind: "coffee_updated", to: { in: people.map((p) => p.email) }, status: "pending", lastError: { not: null } };
      while ((await prisma.mailOutbox.count({ where: refused })) < 12 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      mail().setFailing(false);
    }
    expect(people.every((p) => mailsTo(p.email).length === 0)).toBe(true);
    // Later (the retry time has come): everything goes out once.
    const { deliverDueMail } = await import("#app/modules/notifications/outbox.server.ts");
    for (let i = 0; i < 5; i++) await deliverDueMail({ now: new Date(Date.now() + 10 * 60_000), limit: 50 });
    await outboxDrained();
    for (const p of people) {
      const updates = mailsTo(p.email, /^Updated/);
      expect(updates, p.email).toHaveLength(1);
      expect(invite(updates[0]).events[0].sequence).toBe(1);
    }
  });
});

describe("calendar feeds", () => {
  it("serves the public feed with refresh hints, ETag and 304, and never the meeting link", async () => {
    const coffee = await createCoffee();
    const draft = await createCoffee({ status: "draft" });
    const res = await fetch(`${baseUrl}/calendar/public.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = res.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const body = await res.text();
    const cal = parseCalendar(body);
    expect(cal.name).toBe("MIEUX+ Morning Coffee");
    expect(cal.refresh).toBe("PT1H");
    expect(cal.ttl).toBe("PT1H");
    expect(cal.events.some((e) => e.uid.includes(coffee.id))).toBe(true);
    expect(cal.events.some((e) => e.uid.includes(draft.id))).toBe(false);
    expect(body).not.toContain(coffee.meetingUrl);
    const again = await fetch(`${baseUrl}/calendar/public.ics`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);

    // A change makes a new ETag.
    await prisma.morningCoffee.update({ where: { id: coffee.id }, data: { title: "Morning Coffee: retitled" } });
    const changed = await fetch(`${baseUrl}/calendar/public.ics`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);

    const single = await fetch(`${baseUrl}/sessions/${coffee.slug}/event.ics`);
    expect(single.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const singleText = await single.text();
    const one = parseCalendar(singleText);
    expect(one.events).toHaveLength(1);
    // No calendar name: Outlook for Windows would open the file as a new calendar.
    expect(singleText).not.toMatch(/^(X-WR-CALNAME|NAME)[:;]/m);
    expect(strictProblems(singleText)).toEqual([]);
    expect(one.events[0].url).toMatch(new RegExp(`/sessions/${coffee.slug}$`));
  });

  it("gives each member a private feed whose old address dies on rotation, and 404 for unknown tokens", async () => {
    const coffee = await createCoffee();
    const { user, client } = await member();
    await registerDirectly(coffee.id, user.id);
    const created = await client.post("/settings/calendar", { intent: "rotate" });
    expect(created.status).toBe(200);
    const html = await created.text();
    const url = html.match(/https?:\/\/[^"<\s]+\/calendar\/[A-Za-z0-9_-]+\.ics/)?.[0];
    expect(url).toBeTruthy();
    const feedPath = new URL(url!).pathname;
    const token = feedPath.slice("/calendar/".length, -".ics".length);
    const stored = await prisma.coffeeCalendarFeed.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const feed = await fetch(`${baseUrl}${feedPath}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toMatch(/^private/);
    const cal = parseCalendar(await feed.text());
    const mine = cal.events.find((e) => e.uid.includes(coffee.id))!;
    // A published calendar names no attendee (that is for invites).
    expect(mine.attendees).toEqual([]);
    expect(mine.location).toBe(coffee.meetingUrl);

    await client.post("/settings/calendar", { intent: "rotate" });
    expect((await fetch(`${baseUrl}${feedPath}`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/calendar/${"x".repeat(32)}.ics`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/calendar/nonsense`)).status).toBe(404);
  });
});

describe("calendar responses and invite choices", () => {
  /** One raw GET, so the test sees headers exactly as sent (fetch would decompress and merge them). */
  function rawGet(pathname: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; rawHeaders: string[]; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${baseUrl}${pathname}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  }
  const headerValues = (raw: string[], name: string) => raw.filter((_, i) => i % 2 === 1 && raw[i - 1].toLowerCase() === name);

  it("gives gzip and identity bodies different ETags, each revalidating on its own", async () => {
    const coffee = await createCoffee({ title: `Morning Coffee: ${"a long title ".repeat(20)}` });
    for (const path of [`/sessions/${coffee.slug}/event.ics`, "/calendar/public.ics"]) {
      const plain = await rawGet(path, { "Accept-Encoding": "identity" });
      const gz = await rawGet(path, { "Accept-Encoding": "gzip" });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).toString("utf8")).toBe(plain.body.toString("utf8"));
      expect(gz.headers.etag).not.toBe(plain.headers.etag);
      expect((await rawGet(path, { "Accept-Encoding": "gzip", "If-None-Match": gz.headers.etag! })).status).toBe(304);
      expect((await rawGet(path, { "Accept-Encoding": "identity", "If-None-Match": plain.headers.etag! })).status).toBe(304);
      expect(plain.body.toString("utf8").endsWith("END:VCALENDAR\r\n")).toBe(true);
    }
  });

  it("sends one Referrer-Policy header: no-referrer on a private feed, the site's default elsewhere", async () => {
    const { user, client } = await member();
    const coffee = await createCoffee();
    await registerDirectly(coffee.id, user.id);
    const html = await (await client.post("/settings/calendar", { intent: "rotate" })).text();
    const feedPath = new URL(html.match(/https?:\/\/[^"<\s]+\/calendar\/[A-Za-z0-9_-]+\.ics/)![0]).pathname;
    const feed = await rawGet(feedPath);
    expect(feed.status).toBe(200);
    expect(headerValues(feed.rawHeaders, "referrer-policy")).toEqual(["no-referrer"]);
    expect(headerValues(feed.rawHeaders, "x-content-type-options")).toEqual(["nosniff"]);
    const page = await rawGet("/sessions");
    expect(headerValues(page.rawHeaders, "referrer-policy")).toEqual(["strict-origin-when-cross-origin"]);
  });

  it("a member who takes sessions from their private feed can turn invite emails off, and back on", async () => {
    const { user, client } = await member();
    // No feed yet: nothing to turn off.
    const early = await client.post("/settings/calendar", { intent: "invites" });
    expect(early.status).toBe(302);
    expect(await prisma.coffeeCalendarFeed.count({ where: { userId: user.id } })).toBe(0);

    await client.post("/settings/calendar", { intent: "rotate" });
    const settings = await client.page("/settings/calendar");
    expect(visibleText(settings.html)).toContain("Also send calendar invites by email");
    // An unticked checkbox sends nothing: invites off.
    expect((await client.post("/settings/calendar", { intent: "invites" })).status).toBe(302);

    const first = await createCoffee();
    await client.post(`/sessions/${first.slug}`, { intent: "register" });
    const quiet = await mail().waitFor((m) => m.to.includes(user.email) && m.subject.includes(first.title));
    expect(quiet.calendars).toHaveLength(0);
    expect(quiet.text).toContain("Your private calendar feed shows this session");
    await client.post(`/sessions/${first.slug}`, { intent: "unregister" });
    const gone = await mail().waitFor((m) => m.to.includes(user.email) && /no longer registered/.test(m.subject));
    expect(gone.calendars).toHaveLength(0);

    await client.post("/settings/calendar", { intent: "invites", sendInvites: "on" });
    const second = await createCoffee();
    await client.post(`/sessions/${second.slug}`, { intent: "register" });
    const withInvite = await mail().waitFor((m) => m.to.includes(user.email) && m.subject.includes(second.title));
    expect(invite(withInvite).method).toBe("REQUEST");
  });
});

describe("after the session", () => {
  it("takes one feedback per attendee, refuses bad ratings, and reports the share rated 4–5", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() - 3 * HOUR), recordingUrl: "https://media.example.org/recording", outcome: "We talked about data." });
    const organiser = await member("organiser");
    const a = await member();
    const b = await member();
    const outsider = await member();
    for (const p of [a, b]) await registerDirectly(coffee.id, p.user.id);

    const page = visibleText((await a.client.page(`/sessions/${coffee.slug}`)).html);
    expect(page).toContain("Watch the recording");
    expect(page).toContain("We talked about data.");
    expect(page).toContain("Q&A archive");

    const bad = await a.client.post(`/sessions/${coffee.slug}`, { intent: "feedback", rating: "9", comment: "" });
    expect(bad.status).toBe(400);
    expect(visibleText(await bad.text())).toContain("Choose a rating from 1 to 5.");
    expect(await prisma.coffeeFeedback.count({ where: { coffeeId: coffee.id } })).toBe(0);

    await a.client.post(`/sessions/${coffee.slug}`, { intent: "feedback", rating: "3", comment: "Fine" });
    await a.client.post(`/sessions/${coffee.slug}`, { intent: "feedback", rating: "5", comment: "Great Spotlight" });
    await b.client.post(`/sessions/${coffee.slug}`, { intent: "feedback", rating: "2", comment: "" });
    const refused = await outsider.client.post(`/sessions/${coffee.slug}`, { intent: "feedback", rating: "5", comment: "" });
    expect(refused.status).toBe(400);
    expect(await prisma.coffeeFeedback.count({ where: { coffeeId: coffee.id } })).toBe(2);

    expect((await a.client.get(`/sessions/${coffee.slug}/feedback`)).status).toBe(403);
    const results = visibleText((await organiser.client.page(`/sessions/${coffee.slug}/feedback`)).html);
    expect(results).toContain("Rated good or excellent (4–5) 50%");
    expect(results).toContain("Great Spotlight");
  });

  it("lets organisers mark attendance and export the attendee list as CSV", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() - HOUR) });
    const organiser = await member("organiser");
    const attendee = await createUser({ name: "Ana =Formula" });
    const registration = await registerDirectly(coffee.id, attendee.id);
    const res = await organiser.client.post(`/sessions/${coffee.slug}/attendees`, { id: registration.id, attended: "yes" });
    expect(res.status).toBe(302);
    expect((await prisma.coffeeRegistration.findUniqueOrThrow({ where: { id: registration.id } })).attended).toBe(true);
    const csv = await organiser.client.get(`/sessions/${coffee.slug}/attendees.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const body = await csv.text();
    expect(body).toContain("name,email,institution,country,status,attended,listed,registered_at");
    expect(body).toContain(`Ana =Formula,${attendee.email}`);
    expect(body).toMatch(/registered,yes,no/);
  });

  it("includes registrations and feedback in the member's data export", async () => {
    const coffee = await createCoffee({ startsAt: new Date(Date.now() - HOUR) });
    const { user, client } = await member();
    await registerDirectly(coffee.id, user.id);
    await client.post(`/sessions/${coffee.slug}`, { intent: "feedback", rating: "4", comment: "Good" });
    const res = await client.get("/settings/export");
    const data = (await res.json()) as { morningCoffee: { registrations: { coffee: { slug: string } }[]; feedback: { rating: number }[] } };
    expect(data.morningCoffee.registrations.map((r) => r.coffee.slug)).toContain(coffee.slug);
    expect(data.morningCoffee.feedback[0].rating).toBe(4);
  });
});

describe("Morning Coffee pages", () => {
  it("lists upcoming and past sessions, and the home page teases the next one", async () => {
    const upcoming = await createCoffee({ title: "Morning Coffee: next spring", startsAt: new Date(Date.now() + 2 * DAY) });
    await createCoffee({ title: "Morning Coffee: last autumn", status: "held", startsAt: new Date(Date.now() - 30 * DAY) });
    const text = visibleText((await new TestClient(baseUrl).page("/sessions")).html);
    const upcomingAt = text.indexOf("Upcoming");
    const pastAt = text.indexOf("Past sessions");
    expect(upcomingAt).toBeGreaterThan(-1);
    expect(text.indexOf("Morning Coffee: next spring")).toBeGreaterThan(upcomingAt);
    expect(text.indexOf("Morning Coffee: next spring")).toBeLessThan(pastAt);
    expect(text.indexOf("Morning Coffee: last autumn")).toBeGreaterThan(pastAt);
    const soonest = await prisma.morningCoffee.findFirstOrThrow({ where: { status: "published", startsAt: { gte: new Date() } }, orderBy: { startsAt: "asc" } });
    const home = visibleText((await new TestClient(baseUrl).page("/")).html);
    expect(home).toContain(soonest.title);
    expect(upcoming.slug).toBeTruthy();
  });

  it("refuses registration after the deadline and writes nothing", async () => {
    const coffee = await createCoffee();
    await prisma.morningCoffee.update({ where: { id: coffee.id }, data: { registrationClosesAt: new Date(Date.now() - HOUR) } });
    const { user, client } = await member();
    const page = visibleText((await client.page(`/sessions/${coffee.slug}`)).html);
    expect(page).toContain("Registration is closed.");
    const res = await client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    expect(res.status).toBe(302);
    expect(await prisma.coffeeRegistration.count({ where: { coffeeId: coffee.id, userId: user.id } })).toBe(0);
    await outboxDrained();
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("shows who is coming only to participants, and only those who chose to be listed", async () => {
    const coffee = await createCoffee();
    const listed = await createUser({ name: "Listed Person" });
    const hidden = await createUser({ name: "Hidden Person" });
    await prisma.coffeeRegistration.create({ data: { coffeeId: coffee.id, userId: listed.id, status: "registered", listPublicly: true } });
    await prisma.coffeeRegistration.create({ data: { coffeeId: coffee.id, userId: hidden.id, status: "registered", listPublicly: false } });
    const participant = await member();
    await participant.client.post(`/sessions/${coffee.slug}`, { intent: "register" });
    const seen = visibleText((await participant.client.page(`/sessions/${coffee.slug}`)).html);
    expect(seen).toContain("Who is coming");
    expect(seen).toContain("Listed Person");
    expect(seen).not.toContain("Hidden Person");
    const outsider = await member();
    const notSeen = visibleText((await outsider.client.page(`/sessions/${coffee.slug}`)).html);
    expect(notSeen).not.toContain("Listed Person");
  });
});
