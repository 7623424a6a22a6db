import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { createAction } from "#tests/factories/roster.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, newPerson, screenshot } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const PHONE = { width: 390, height: 844 };

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** Toasts fade in; axe must not judge colours mid-animation. */
async function settled(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll("[data-sonner-toast]")].every((t) => t.getAttribute("data-mounted") === "true"));
  await page.waitForTimeout(300);
  return page;
}

/** What a person on a phone notices: nothing to scroll sideways, and axe finds nothing serious. */
async function fitsAndPasses(page: Page, label: string) {
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  await expectAccessible(page, label);
}

describe.skipIf(!hasChromium)("Spotlights, Actions and the resources library in Chromium", () => {
  it("an organiser writes a Spotlight, previews it, publishes it and links it to a Morning Coffee (on a phone)", async () => {
    const organiser = await createUser({ role: "organiser", name: "Lucas Moreau" });
    const action = await createAction({ code: "Uganda II", partnerCountry: "UG", region: "Africa" });
    const coffee = await createCoffee({ title: "Morning Coffee: Spotlight on Uganda II" });
    const { page, context } = await newPerson(baseUrl, PHONE);
    await logIn(page, organiser.email);

    await page.goto("/spotlights");
    await page.getByRole("link", { name: "New Spotlight" }).click();
    await page.getByRole("heading", { name: "New Spotlight", level: 1 }).waitFor();
    await fitsAndPasses(page, "new Spotlight");
    await page.getByLabel("Spotlight title").fill("Action Spotlight: Uganda II");
    await page.getByLabel("Featured country").selectOption("UG");
    await page.getByLabel("Action (optional)").selectOption({ label: `Uganda II — ${action.title}` });
    await page.getByLabel("Summary").fill("What partners and experts learned together.");
    await page.getByLabel("Highlights").fill("- Peer exchanges on **migration data**\n- A shared glossary");
    await page.getByLabel("Achievements").fill("A data-sharing agreement between two ministries.");
    await page.getByLabel("Migration context of the country").fill("Uganda hosts many refugees from neighbouring countries.");
    await page.getByRole("button", { name: "Save draft and preview" }).click();

    await page.getByText("Preview of a draft").waitFor();
    await page.getByRole("heading", { name: "Action Spotlight: Uganda II", level: 1 }).waitFor();
    await page.getByText("Peer exchanges on migration data").waitFor();
    await fitsAndPasses(page, "Spotlight preview");
    await screenshot(page, "spotlight-preview-phone");
    // Not public yet: a visitor gets the 404 page.
    const visitor = await newPerson(baseUrl, PHONE);
    const hidden = await visitor.page.goto("/spotlights/action-spotlight-uganda-ii");
    expect(hidden?.status()).toBe(404);

    await page.getByRole("link", { name: "Edit the Spotlight" }).click();
    await page.getByRole("heading", { name: "Edit: Action Spotlight: Uganda II" }).waitFor();
    await fitsAndPasses(page, "edit Spotlight");
    await page.getByLabel("Achievements").fill("A data-sharing agreement between two ministries, signed in 2025.");
    await page.getByRole("button", { name: "Save draft and preview" }).click();
    await page.getByText("signed in 2025").waitFor();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published: the Spotlight is public").first().waitFor();
    expect((await prisma.spotlight.findUniqueOrThrow({ where: { slug: "action-spotlight-uganda-ii" } })).status).toBe("published");
    await fitsAndPasses(page, "published Spotlight");

    // Link it to the Morning Coffee from the session's edit page.
    await page.goto(`/sessions/${coffee.slug}/edit`);
    await page.getByLabel("Spotlight to link").selectOption({ label: "Action Spotlight: Uganda II" });
    await page.getByRole("button", { name: "Link Spotlight" }).click();
    await page.getByText("Spotlight linked").first().waitFor();
    await expectAccessible(await settled(page), "session edit with a linked Spotlight");

    // Anyone now finds it on the session page, and the Spotlight names the session.
    const v = visitor.page;
    await v.goto(`/sessions/${coffee.slug}`);
    await v.getByRole("link", { name: "Action Spotlight: Uganda II" }).click();
    await v.getByRole("heading", { name: "Action Spotlight: Uganda II", level: 1 }).waitFor();
    await v.getByRole("link", { name: "Morning Coffee: Spotlight on Uganda II" }).waitFor();
    await v.getByRole("link", { name: /Uganda II — / }).waitFor();
    await fitsAndPasses(v, "Spotlight page for a visitor");
    await v.goto("/spotlights");
    await v.getByText("What partners and experts learned together.").waitFor();
    await fitsAndPasses(v, "Spotlights list");

    // The Action: edited by the organiser, its page shows the Spotlight.
    await page.goto(`/actions/${action.slug}`);
    await page.getByRole("link", { name: "Edit the Action" }).click();
    await page.getByRole("heading", { name: "Edit: Uganda II" }).waitFor();
    await fitsAndPasses(page, "edit Action");
    await page.getByLabel("Status").selectOption("ongoing");
    await page.getByLabel("Producing knowledge").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Action Uganda II saved").first().waitFor();
    await page.getByText("Ongoing").first().waitFor();
    await page.getByRole("link", { name: "Action Spotlight: Uganda II" }).waitFor();
    await fitsAndPasses(page, "Action page");
    await visitor.context.close();
    await context.close();
  });

  it("a Focal Point adds a resource with a file; members find it by search and filters (on a phone)", async () => {
    const focal = await createUser({ role: "focal_point", name: "Zofia Wiśniewska" });
    const { page, context } = await newPerson(baseUrl, PHONE);
    await logIn(page, focal.email);
    await page.goto("/resources");
    await page.getByRole("heading", { name: "Resources", level: 1 }).waitFor();
    await fitsAndPasses(page, "resources library");
    await page.getByRole("link", { name: "Add a resource" }).click();
    await page.getByRole("heading", { name: "Add a resource", level: 1 }).waitFor();
    await fitsAndPasses(page, "new resource");

    // A program renamed to .pdf is refused, with the message next to the file field.
    await page.getByLabel("Title").fill("Interpreting in partner ministries");
    await page.getByLabel("Topic").selectOption("Cultural agility");
    await page.getByLabel("File (optional)").setInputFiles({ name: "tips.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512)]) });
    await page.getByRole("button", { name: "Add to the library" }).click();
    await page.getByText("This file is not one we accept").first().waitFor();
    await fitsAndPasses(page, "new resource with an error");

    await page.getByLabel("Title").fill("Interpreting in partner ministries");
    await page.getByLabel("Summary").fill("Five habits for working through an interpreter.");
    await page.getByLabel("Text").fill("1. **Speak in short sentences.**\n2. Look at the person, not the interpreter.");
    await page.getByLabel("Topic").selectOption("Cultural agility");
    await page.getByLabel("Region").selectOption("Asia");
    await page.getByLabel("Tags").fill("interpreters, deployment");
    await page.getByLabel("File (optional)").setInputFiles({ name: "interpreting.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await page.getByRole("button", { name: "Add to the library" }).click();
    await page.getByRole("heading", { name: "Interpreting in partner ministries", level: 1 }).waitFor();
    await page.getByRole("link", { name: /Download PDF/ }).waitFor();
    await fitsAndPasses(page, "resource page");
    await screenshot(page, "resource-phone");

    await page.getByRole("link", { name: "Edit the resource" }).click();
    await page.getByRole("heading", { name: /^Edit: Interpreting/ }).waitFor();
    await fitsAndPasses(page, "edit resource");

    const member = await createUser({ name: "Amara Nkemelu" });
    const reader = await newPerson(baseUrl, PHONE);
    await logIn(reader.page, member.email);
    const r = reader.page;
    await r.goto("/resources");
    const search = r.getByRole("search", { name: "Search and filter resources" });
    await search.getByLabel("Search").fill("INTERPRETER");
    await search.getByRole("button", { name: "Search" }).click();
    await r.getByRole("link", { name: "Interpreting in partner ministries" }).waitFor();
    await search.getByLabel("Region").selectOption("Africa");
    await search.getByRole("button", { name: "Search" }).click();
    await r.getByText("No resource matches").waitFor();
    await fitsAndPasses(r, "library search without results");
    await r.goto("/resources?tag=interpreters");
    await r.getByRole("link", { name: "Interpreting in partner ministries" }).waitFor();
    expect(await r.getByRole("link", { name: "Add a resource" }).count()).toBe(0);
    await reader.context.close();
    await context.close();
  });
});
