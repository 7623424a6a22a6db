import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createAction, createExpert, createFocalPoint, deploy } from "#tests/factories/roster.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, newPerson, screenshot } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await expectAccessible(page, "log in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => new URL(page.url()).pathname).not.toBe("/login");
}

describe.skipIf(!hasChromium)("Expert Roster journey in Chromium", () => {
  it("a member applies, the Polish Focal Point approves, and the expert is found in a filtered search", async () => {
    // Some neighbours in the directory, so the filters have something to leave out.
    const action = await createAction({ code: "Azerbaijan V" });
    const deployed = await createExpert({ name: "Ewa Nowak", memberState: "PL", areas: ["Legal migration and mobility"], gender: "female" });
    await deploy(deployed.id, action.id);
    for (const [name, state] of [["Lukas Gruber", "AT"], ["Sofia Rossi", "IT"], ["Anna Keller", "DE"], ["Lars Nielsen", "DK"]] as const) {
      await createExpert({ name, memberState: state, areas: ["Migration and development"], gender: name.startsWith("A") || name.startsWith("S") ? "female" : "male" });
    }
    await createFocalPoint("PL", { name: "Zofia Wiśniewska", email: "zofia.fp@example.org", institution: "Office for Foreigners" });
    await createUser({ name: "Jan Kowalczyk", email: "jan.kowalczyk@example.org", country: "PL", institution: "Office for Foreigners" });
    const mail = testContext().mail;

    // 1. The member applies from their settings.
    const applicant = await newPerson(baseUrl);
    const page = applicant.page;
    await logIn(page, "jan.kowalczyk@example.org");
    await page.goto("/settings");
    await expectAccessible(page, "settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Expert Roster" }).click();
    await page.getByRole("heading", { name: "Apply to the Expert Roster" }).waitFor();
    await expectAccessible(page, "settings: roster application");
    // A mistake first: no thematic area. The form says so and keeps what was typed.
    await page.getByLabel("Type of institution").selectOption("interior");
    await page.getByLabel("Position").fill("Head of Statistics Unit");
    await page.getByLabel("Language 1", { exact: true }).selectOption("pl");
    await page.getByLabel("Level 1", { exact: true }).selectOption("native");
    await page.getByRole("button", { name: "Apply to join the roster" }).click();
    await page.getByText("Choose at least one thematic area.").waitFor();
    expect(await page.getByLabel("Position").inputValue()).toBe("Head of Statistics Unit");
    await expectAccessible(page, "settings: roster application with errors");
    await page.getByLabel("Migration and development").check();
    await page.getByLabel("Horizontal interventions (health, climate change, data, gender)").check();
    await page.getByLabel("Language 2").selectOption("en");
    await page.getByLabel("Level 2").selectOption("C1");
    await page.getByLabel("Short biography").fill("Runs migration statistics and shares practice on data collection.");
    await page.getByLabel("I am available to be deployed on MIEUX+ Actions").check();
    await page.getByRole("button", { name: "Apply to join the roster" }).click();
    await page.getByText("Your application is being reviewed").waitFor();
    await expectAccessible(page, "settings: roster application pending");
    await mail.waitFor((m) => m.to.includes("zofia.fp@example.org") && /New Expert Roster application/.test(m.subject));

    // 2. The Focal Point of Poland approves it.
    const focal = await newPerson(baseUrl);
    await logIn(focal.page, "zofia.fp@example.org");
    await focal.page.goto("/focal-points");
    await expectAccessible(focal.page, "Focal Points by Member State");
    await focal.page.getByRole("link", { name: "Poland" }).first().click();
    await focal.page.getByRole("heading", { name: "Roster applications waiting for a decision (1)" }).waitFor();
    await expectAccessible(focal.page, "Focal Point: Poland");
    await screenshot(focal.page, "roster-focal-point-poland");
    await focal.page.getByRole("button", { name: "Approve Jan Kowalczyk" }).click();
    await focal.page.getByText("Jan Kowalczyk is now on the roster").waitFor();
    await focal.page.getByRole("heading", { name: "Roster applications waiting for a decision (0)" }).waitFor();
    const welcome = await mail.waitFor((m) => m.to.includes("jan.kowalczyk@example.org") && /Welcome/.test(m.subject));
    expect(welcome.subject).toBe("Welcome to the MIEUX+ Expert Roster");
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "jan.kowalczyk@example.org" } })).role).toBe("expert");

    // 3. Anyone in the network finds him with a filtered search; the URL holds the query.
    await page.goto("/roster");
    await expectAccessible(page, "roster directory");
    const search = page.getByRole("search", { name: "Search the roster" });
    await search.getByLabel("Name, institution or keyword").fill("statistics");
    await search.getByLabel("Member State").selectOption("PL");
    await search.getByLabel("Thematic area").selectOption("Migration and development");
    await search.getByRole("button", { name: "Search" }).click();
    await page.getByText("Showing 1–1 of 1 expert").waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("state")).toBe("PL");
    expect(url.searchParams.get("q")).toBe("statistics");
    const results = page.getByRole("region", { name: "Results" });
    await results.getByRole("link", { name: "Jan Kowalczyk" }).waitFor();
    expect(await results.getByText("Ewa Nowak").count()).toBe(0);
    await expectAccessible(page, "roster directory filtered");
    await screenshot(page, "roster-directory-filtered");

    await results.getByRole("link", { name: "Jan Kowalczyk" }).click();
    await page.getByRole("heading", { name: "Jan Kowalczyk", level: 1 }).waitFor();
    await page.getByText("Available for deployment").first().waitFor();
    await expectAccessible(page, "expert profile");

    await page.goto("/roster");
    await screenshot(page, "roster-directory-laptop");
    await page.goto("/roster/stats");
    await page.getByText("EU Member States represented").waitFor();
    await expectAccessible(page, "roster statistics");
    await screenshot(page, "roster-statistics-laptop");
    await page.goto(`/actions/${action.slug}`);
    await expectAccessible(page, "Action page");
    await applicant.context.close();
    await focal.context.close();
  });

  it("looks finished on a phone: directory, filters and statistics", async () => {
    await createUser({ email: "phone.member@example.org", name: "Phone Member" });
    const { page, context } = await newPerson(baseUrl, { width: 390, height: 844 });
    await logIn(page, "phone.member@example.org");
    await page.goto("/roster");
    const search = page.getByRole("search", { name: "Search the roster" });
    // On a phone only the text search shows at first.
    expect(await search.getByLabel("Member State").isVisible()).toBe(false);
    await search.getByLabel("Show all filters").check();
    await search.getByLabel("Member State").selectOption("IT");
    await search.getByRole("button", { name: "Search" }).click();
    await page.getByText("Showing 1–1 of 1 expert").waitFor();
    await expectAccessible(page, "roster directory on a phone");
    await screenshot(page, "roster-directory-phone");
    await page.goto("/roster/stats");
    await expectAccessible(page, "roster statistics on a phone");
    await screenshot(page, "roster-statistics-phone");
    await context.close();
  });

  it("organiser pages for the roster pass axe", async () => {
    await createUser({ email: "org.roster@example.org", role: "organiser" });
    const { page, context } = await newPerson(baseUrl);
    await logIn(page, "org.roster@example.org");
    for (const path of ["/admin/roster", "/actions", "/actions/new"]) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await screenshot(page, "actions-new");
    await context.close();
  });
});
