import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee, registerDirectly } from "#tests/factories/coffee.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, launchBrowser, newPerson, screenshot } from "#tests/setup/browser.ts";
import { parseCalendar } from "#tests/setup/ical.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor();
}

/** Toasts fade in; axe measures colours mid-animation, so let them finish first. */
async function settled(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll("[data-sonner-toast]")].every((t) => t.getAttribute("data-mounted") === "true"));
  await page.waitForTimeout(500);
  return page;
}

const calendarPart = (m: { raw: { attachments: { contentType: string; content: Buffer }[] } }) =>
  parseCalendar(m.raw.attachments.find((a) => a.contentType === "text/calendar")!.content.toString("utf8"));

describe.skipIf(!hasChromium)("Morning Coffee journey in Chromium", () => {
  it("organiser schedules, member registers and gets the invite, organiser moves the time, the update arrives, member subscribes", async () => {
    const mail = testContext().mail;
    const organiserUser = await createUser({ role: "organiser", name: "Lucas Moreau" });
    const memberUser = await createUser({ name: "Amara Nkemelu" });
    const start = DateTime.now().setZone("Europe/Brussels").plus({ days: 20 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });

    // The organiser schedules a draft, adds a speaker, links a Spotlight, previews it and publishes.
    const organiser = await newPerson(baseUrl);
    const o = organiser.page;
    await logIn(o, organiserUser.email);
    await o.goto("/sessions");
    await o.getByRole("link", { name: "New Morning Coffee" }).click();
    await o.getByRole("heading", { name: "New Morning Coffee" }).waitFor();
    await expectAccessible(await settled(o), "new Morning Coffee");
    await o.getByLabel("Title", { exact: true }).fill("Morning Coffee: Action Spotlight on Uganda");
    await o.getByLabel("Summary").fill("Highlights of the Uganda Action and a live Q&A.");
    await o.getByLabel("Agenda").fill("10:00 Welcome\n10:10 Action Spotlight: Uganda\n10:40 Q&A");
    await o.getByLabel("Starts at").fill(start.toFormat("yyyy-MM-dd'T'HH:mm"));
    await o.getByLabel("Meeting link").fill("https://meet.example.org/uganda-coffee");
    await o.getByRole("button", { name: "Save draft" }).click();
    await o.getByRole("heading", { name: /^Edit: Morning Coffee: Action Spotlight on Uganda/ }).waitFor();
    await expectAccessible(await settled(o), "edit Morning Coffee");

    await o.getByLabel("Speaker's name").fill("Grace Namutebi");
    await o.getByLabel("Speaker's role").fill("Partner institution, Uganda");
    await o.getByRole("button", { name: "Add speaker" }).click();
    await o.getByText("Speaker added").first().waitFor();
    // Spotlights are written on their own pages; the session links one.
    await prisma.spotlight.create({ data: { slug: "e2e-spotlight-uganda", title: "Action Spotlight: Uganda", country: "UG", highlights: "Peer-to-peer exchanges on migration data.", status: "published", publishedAt: new Date() } });
    await o.reload();
    await o.getByLabel("Spotlight to link").selectOption({ label: "Action Spotlight: Uganda" });
    await o.getByRole("button", { name: "Link Spotlight" }).click();
    await o.getByText("Spotlight linked").first().waitFor();

    await o.getByRole("link", { name: "Preview" }).click();
    await o.getByText("Preview of a draft").waitFor();
    await expectAccessible(await settled(o), "draft preview");
    await o.getByRole("link", { name: "Back to editing" }).click();
    await o.getByRole("button", { name: "Publish" }).click();
    await o.getByText("Published: members can now register").first().waitFor();
    const coffee = await prisma.morningCoffee.findFirstOrThrow({ where: { title: "Morning Coffee: Action Spotlight on Uganda" } });
    expect(coffee.status).toBe("published");
    expect(coffee.startsAt.toISOString()).toBe(start.toUTC().toISO({ suppressMilliseconds: false })!.replace("+00:00", "Z"));

    // A member in Tbilisi finds it, sees the time in their own zone and Brussels time beside it, and registers.
    const browser = await launchBrowser();
    const memberContext = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "Asia/Tbilisi" });
    const m = await memberContext.newPage();
    m.setDefaultTimeout(15_000);
    await logIn(m, memberUser.email);
    await m.goto("/sessions");
    await expectAccessible(await settled(m), "Morning Coffee list");
    await m.getByRole("link", { name: "Morning Coffee: Action Spotlight on Uganda" }).click();
    await m.getByRole("heading", { name: "Morning Coffee: Action Spotlight on Uganda", level: 1 }).waitFor();
    const tbilisi = start.setZone("Asia/Tbilisi").toFormat("HH:mm");
    await m.getByText(`your time (Tbilisi)`).first().waitFor();
    expect(await m.locator("article header").innerText()).toContain(tbilisi);
    expect(await m.locator("article header").innerText()).toContain("(Brussels time)");
    // The agenda, written in Brussels time, is shown in the reader's zone too, named, with Brussels beside it.
    const agendaText = await m.getByRole("region", { name: "Agenda" }).innerText();
    const welcomeTbilisi = start.setZone("Asia/Tbilisi").toFormat("HH:mm");
    expect(agendaText).toContain(`${welcomeTbilisi} GMT+4 (10:00 ${start.offset === 120 ? "CEST" : "CET"}, Brussels) Welcome`);
    await m.getByText(/Starts in 1[89] days|Starts in 20 days/).waitFor();
    await m.getByText("Action Spotlight: Uganda").first().waitFor();
    await m.getByText("Grace Namutebi").waitFor();
    await expectAccessible(await settled(m), "Morning Coffee page");
    await m.getByLabel("Show my name to other participants").check();
    await m.getByRole("button", { name: "Register" }).click();
    await m.getByText("You are registered.").waitFor();
    expect(await m.content()).not.toContain("meet.example.org/uganda-coffee");
    await expectAccessible(await settled(m), "Morning Coffee page, registered");
    await screenshot(m, "coffee-session-registered");

    const invitation = await mail.waitFor((x) => x.to.includes(memberUser.email) && /registered/i.test(x.subject));
    const first = calendarPart(invitation);
    expect(first.method).toBe("REQUEST");
    expect(first.events[0].sequence).toBe(0);
    expect(first.events[0].start.toISOString()).toBe(coffee.startsAt.toISOString());

    // The organiser moves it one hour later; the member gets the update.
    await o.goto(`/sessions/${coffee.slug}/edit`);
    await screenshot(o, "coffee-edit");
    const later = start.plus({ hours: 1 });
    await o.getByLabel("Starts at").fill(later.toFormat("yyyy-MM-dd'T'HH:mm"));
    await o.getByRole("button", { name: "Save changes" }).click();
    await o.getByText(/1 registered member will receive the updated invite/).first().waitFor();
    const update = await mail.waitFor((x) => x.to.includes(memberUser.email) && /^Updated/.test(x.subject));
    const second = calendarPart(update);
    expect(second.method).toBe("REQUEST");
    expect(second.events[0].uid).toBe(first.events[0].uid);
    expect(second.events[0].sequence).toBe(1);
    expect(second.events[0].start.getTime() - first.events[0].start.getTime()).toBe(60 * 60 * 1000);

    // The member subscribes to the private feed, which already shows the new time.
    await m.goto("/settings/calendar");
    await expectAccessible(await settled(m), "calendar settings");
    await m.getByRole("button", { name: "Create my private address" }).click();
    const address = await m.getByLabel("Calendar address").inputValue();
    expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{20,}\.ics$/);
    const subscribe = m.getByRole("link", { name: "Subscribe in my calendar app" });
    expect(await subscribe.getAttribute("href")).toBe(address.replace(/^http:/, "webcal:"));
    await expectAccessible(await settled(m), "calendar settings with address");
    await screenshot(m, "coffee-calendar-settings");
    const feed = await m.request.get(address);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = parseCalendar(await feed.text()).events;
    expect(events).toHaveLength(1);
    expect(events[0].uid).toBe(first.events[0].uid);
    expect(events[0].sequence).toBe(1);
    expect(events[0].location).toBe("https://meet.example.org/uganda-coffee");

    await o.goto(`/sessions/${coffee.slug}/attendees`);
    await o.getByText("Amara Nkemelu").waitFor();
    await expectAccessible(await settled(o), "attendees");
    await screenshot(o, "coffee-attendees");

    // After a session: the recording, the summary, the Q&A archive link and the feedback form.
    const past = await createCoffee({ title: "Morning Coffee: last autumn", status: "held", startsAt: new Date(Date.now() - 40 * 24 * 3600_000), recordingUrl: "https://media.example.org/autumn", outcome: "Three Spotlights and a lively Q&A." });
    await registerDirectly(past.id, memberUser.id);
    const m2 = await memberContext.newPage();
    await m2.goto(`/sessions/${past.slug}`);
    await m2.getByRole("link", { name: "Watch the recording" }).waitFor();
    await m2.getByRole("link", { name: "Q&A archive" }).waitFor();
    await m2.getByText("Three Spotlights and a lively Q&A.").waitFor();
    await expectAccessible(await settled(m2), "past session with feedback form");
    await m2.getByLabel("5 Excellent").check();
    await m2.getByLabel("Comment").fill("The Spotlights were clear and practical.");
    await m2.getByRole("button", { name: "Send feedback" }).click();
    await m2.getByText("You rated this session 5 out of 5.").waitFor();
    await o.goto(`/sessions/${past.slug}/feedback`);
    await o.getByText("The Spotlights were clear and practical.").waitFor();
    await expectAccessible(await settled(o), "feedback results");
    await o.goto("/sessions");
    await expectAccessible(await settled(o), "Morning Coffee list as organiser");
    await screenshot(o, "coffee-list");
    await memberContext.close();
    await organiser.context.close();
  });
});
