import { beforeAll, describe, expect, it } from "vitest";
import { createPost } from "#app/modules/posts/posts.server.ts";
import { PostInputSchema } from "#app/modules/posts/posts.schema.ts";
import { createUser } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, newPerson } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)("the search box in Chromium", () => {
  it("focuses the header box with /, searches, and shows highlighted results that fit a phone", async () => {
    const organiser = await createUser({ role: "organiser" });
    const created = await createPost({ id: organiser.id, role: "organiser" }, PostInputSchema.parse({ title: "Mobilité partnerships in Wallonia", body: "Labour migration pathways.", kind: "update" }), null);
    expect(created.ok).toBe(true);

    const { page, context } = await newPerson(baseUrl, PHONE);
    await page.goto("/posts");
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "Search the site" });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("mobilite wall");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/search");
    await page.getByRole("link", { name: "Mobilité partnerships in Wallonia" }).waitFor();
    expect(await page.locator("mark").first().textContent()).toBe("Mobilité");
    expect(await page.getByRole("status").textContent()).toContain("1 result");

    // "/" typed into a field stays a character.
    const pageBox = page.getByRole("searchbox", { name: "Search for" });
    await pageBox.fill("");
    await pageBox.focus();
    await page.keyboard.type("a/b");
    expect(await pageBox.inputValue()).toBe("a/b");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "/search scrolls sideways at 390 px").toBeLessThanOrEqual(0);
    await expectAccessible(page, "/search on a phone");
    await context.close();
  });
});
