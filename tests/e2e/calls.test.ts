import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createAction, createExpert, createFocalPoint } from "#tests/factories/roster.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, newPerson, screenshot } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";

// A fixed clock for the server, so the call's deadline is in the future whatever day the test runs.
const now = new Date("2030-01-10T09:00:00Z");
let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer({ clock: () => now })).url;
});

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe("/login");
}

async function expectNoSideScroll(page: Page, label: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  expect(scroll, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(width);
}

describe.skipIf(!hasChromium)("calls for experts in Chromium", () => {
  it("an organiser publishes a call → a matching expert is notified, opens it and expresses interest → the Focal Point endorses → the organiser selects → the expert is notified", async () => {
    await createAction({ code: "Georgia III" });
    await createUser({ email: "olga.org@example.org", name: "Olga Organiser", role: "organiser" });
    await createExpert({ email: "marta.expert@example.org", name: "Marta Kowalska", memberState: "PL", areas: ["International protection and asylum policy"], languages: [{ language: "en", level: "C1" }, { language: "ru", level: "B2" }], available: true });
    await createFocalPoint("PL", { email: "piotr.fp@example.org", name: "Piotr Nowak" });

    // 0. The expert already has a page open: the bell shows nothing unread.
    const expert = await newPerson(baseUrl);
    const ex = expert.page;
    await logIn(ex, "marta.expert@example.org");
    await ex.goto("/calls");
    await ex.getByRole("link", { name: "Notifications, none unread" }).waitFor();
    // Wait for the bell's socket, so the live count below is not a page load.
    await ex.locator('a[href="/notifications"][data-live="true"]').waitFor();

    // 1. The organiser publishes the call.
    const organiser = await newPerson(baseUrl);
    const org = organiser.page;
    await logIn(org, "olga.org@example.org");
    await org.goto("/calls");
    await expectAccessible(org, "calls (organiser, empty)");
    await org.getByRole("link", { name: "New call" }).click();
    await org.getByRole("heading", { name: "New call for experts" }).waitFor();
    await expectAccessible(org, "new call");
    await org.getByLabel("Action").selectOption({ label: "Georgia III" });
    await org.getByLabel("Title").fill("Asylum case management adviser");
    await org.getByLabel("Partner country").selectOption("GE");
    await org.getByLabel("Region").selectOption("EU Neighbourhood");
    await org.getByLabel("Thematic area").selectOption("International protection and asylum policy");
    await org.getByLabel("Profile sought").fill("Senior official who has run asylum case management and can train caseworkers.");
    await org.getByLabel("Language 1 (optional)", { exact: true }).selectOption("en");
    await org.getByLabel("Level for language 1 (optional)", { exact: true }).selectOption("B2");
    await org.getByLabel("Number of experts").fill("1");
    await org.getByLabel("Mission starts").fill("2030-03-02");
    await org.getByLabel("Mission ends").fill("2030-03-06");
    await org.getByLabel("Format").selectOption("on_site");
    await org.getByLabel("Deadline for interests").fill("2030-02-01");
    await org.getByRole("button", { name: "Publish call" }).click();
    await org.getByRole("heading", { name: "Asylum case management adviser" }).waitFor();
    await org.getByRole("heading", { name: "Roster experts who fit (1)" }).waitFor();
    await expectAccessible(org, "call (organiser)");
    const callUrl = new URL(org.url()).pathname;

    // 2. The matching expert's open page sees the bell rise live (no reload), then opens the
    //    notification (which marks it read) and expresses interest.
    await ex.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
    expect(new URL(ex.url()).pathname).toBe("/calls");
    await ex.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await ex.getByRole("heading", { name: "Notifications" }).waitFor();
    await expectAccessible(ex, "notifications (expert, one unread)");
    await ex.getByText("A call for experts fits your roster profile").waitFor();
    await ex.getByRole("link", { name: "Asylum case management adviser" }).click();
    await ex.getByRole("heading", { name: "Express your interest" }).waitFor();
    await expectAccessible(ex, "call (expert)");
    await ex.getByLabel("Message").fill("I led the asylum case management reform in my ministry and train caseworkers.");
    await ex.getByLabel("Your availability").fill("The whole mission");
    await ex.getByRole("button", { name: "Send my interest" }).click();
    await ex.getByText("Status: Interested").waitFor();
    await expectAccessible(ex, "call (expert, interested)");
    await ex.getByRole("link", { name: "Notifications, none unread" }).waitFor();

    // 3. The Focal Point of Poland is told and endorses.
    const focal = await newPerson(baseUrl);
    const fp = focal.page;
    await logIn(fp, "piotr.fp@example.org");
    await fp.goto("/notifications");
    await fp.getByText("Marta Kowalska expressed interest in this call.").waitFor();
    await fp.goto(callUrl);
    const endorse = fp.getByRole("form", { name: "Endorse Marta Kowalska" });
    await endorse.getByLabel("Endorse").selectOption("yes");
    await endorse.getByLabel("Comment for the organisers").fill("Strong trainer, fluent in Russian too.");
    await endorse.getByRole("button", { name: "Save" }).click();
    await fp.getByText("Endorsed by Piotr Nowak").waitFor();
    await expectAccessible(fp, "call (Focal Point)");

    // 4. The organiser selects the expert with a message.
    await org.reload();
    await org.getByText("Strong trainer, fluent in Russian too.").waitFor();
    const decide = org.getByRole("form", { name: "Decide on Marta Kowalska" });
    await decide.getByLabel("Message to the expert").fill("Welcome on board; we will confirm the mission dates next week.");
    await decide.getByRole("button", { name: "Select" }).click();
    await org.getByText("Expert selected and notified").waitFor();
    await expectAccessible(org, "call (organiser, selected)");
    await screenshot(org, "call-organiser-selected");

    // 5. The expert is notified: the bell on the call page they left open rises again, live.
    await ex.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
    await ex.getByRole("status").filter({ hasText: "1 unread notification" }).waitFor({ state: "attached" });
    await ex.goto("/notifications");
    await ex.getByText("You were selected for the call").waitFor();
    await ex.getByText("Welcome on board; we will confirm the mission dates next week.").waitFor();
    await expectAccessible(ex, "notifications (expert)");
    const marta = await prisma.user.findUniqueOrThrow({ where: { email: "marta.expert@example.org" } });
    expect(await prisma.callInterest.findFirstOrThrow({ where: { expertId: marta.id } })).toMatchObject({ status: "selected", endorsed: true });
    for (const person of [organiser, expert, focal]) await person.context.close();
  });

  it("calls and requests pages work on a phone (390 px) without sideways scrolling and pass axe", async () => {
    const expertUser = await createExpert({ email: "phone.expert@example.org", memberState: "AT" });
    const call = await prisma.expertCall.findFirstOrThrow();
    const request = await prisma.exchangeRequest.create({
      data: { submitterId: expertUser.id, memberState: "AT", topic: "Labour migration statistics exchange", euInstitutions: "Statistics Austria", partnerInstitutions: "Ministry of Labour of Georgia", thematicArea: "Legal migration and mobility", description: "Comparing how both collect labour migration data." },
    });
    await createUser({ email: "phone.org@example.org", role: "organiser" });
    for (const [email, paths] of [
      ["phone.expert@example.org", ["/calls", `/calls/${call.id}`, "/requests", "/requests/new", `/requests/${request.id}`]],
      ["phone.org@example.org", ["/calls/new", `/calls/${call.id}`, `/requests/${request.id}`]],
    ] as const) {
      const { page, context } = await newPerson(baseUrl, { width: 390, height: 844 });
      await logIn(page, email);
      for (const path of paths) {
        await page.goto(path);
        await expectAccessible(page, `${path} on a phone (${email})`);
        await expectNoSideScroll(page, path);
      }
      await page.goto("/notifications");
      await expectAccessible(page, `/notifications on a phone (${email})`);
      await expectNoSideScroll(page, "/notifications");
      await page.getByRole("link", { name: /^Notifications, / }).waitFor();
      // The header navigation reaches both pages from the menu.
      await page.getByRole("button", { name: "Open menu" }).click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exchange requests" }).click();
      await page.getByRole("heading", { name: "Knowledge-exchange requests" }).waitFor();
      await context.close();
    }
  });
});
