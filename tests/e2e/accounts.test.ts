import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { expectAccessible, hasChromium, newPerson, screenshot } from "#tests/setup/browser.ts";
import { linkIn } from "#tests/setup/mail-catcher.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe.skipIf(!hasChromium)("account journey in Chromium", () => {
  it("signs up, confirms the email, logs out, logs in and resets the password", async () => {
    const { page, context } = await newPerson(baseUrl);
    const mail = testContext().mail;

    await page.goto("/");
    await expectAccessible(page, "home");
    await page.getByRole("link", { name: "Join", exact: true }).click();
    await expect.poll(() => page.url()).toContain("/signup");
    await expectAccessible(page, "sign-up");

    // A mistake first: the form explains it and keeps what was typed.
    await page.getByLabel("Full name").fill("Elena Petrova");
    await page.getByLabel("Work email").fill("elena.petrova@example.org");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByText("Use at least 12 characters.").isVisible()).toBe(true);
    expect(await page.getByLabel("Full name").inputValue()).toBe("Elena Petrova");
    await expectAccessible(page, "sign-up with errors");

    await page.getByLabel("Password", { exact: true }).fill("a quiet harbour at dawn");
    await page.getByLabel("Member State or country").selectOption("BG");
    await page.getByLabel("Institution", { exact: true }).fill("State Agency for Refugees");
    await page.getByLabel(/I have read the/).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await expectAccessible(page, "check email");

    const verification = await mail.waitFor((m) => m.to.includes("elena.petrova@example.org"));
    await page.goto(linkIn(verification, "/verify-email"));
    await expectAccessible(page, "verify email");
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await page.getByRole("heading", { name: "Welcome, Elena" }).waitFor();
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "elena.petrova@example.org" } })).emailVerifiedAt).not.toBeNull();
    await screenshot(page, "home-signed-in");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "Log in" }).first().waitFor();

    await page.goto("/login");
    await expectAccessible(page, "log in");
    await page.getByLabel("Email").fill("elena.petrova@example.org");
    await page.getByLabel("Password").fill("not my password at all");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByText("The email address or password is not right").waitFor();
    await page.getByLabel("Password").fill("a quiet harbour at dawn");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Welcome, Elena" }).waitFor();

    await page.goto("/settings/sessions");
    await expectAccessible(page, "settings: sessions");
    await page.getByText("This device").waitFor();
    await page.getByRole("button", { name: "Log out" }).click();

    await page.goto("/forgot-password");
    await expectAccessible(page, "forgot password");
    await page.getByLabel("Email").fill("elena.petrova@example.org");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("a reset link is on its way").waitFor();
    const reset = await mail.waitFor((m) => m.to.includes("elena.petrova@example.org") && /reset/i.test(m.subject));
    await page.goto(linkIn(reset, "/reset-password"));
    await expectAccessible(page, "reset password");
    await page.getByLabel("New password", { exact: true }).fill("a brighter harbour at noon");
    await page.getByLabel("Repeat the new password").fill("a brighter harbour at noon");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect.poll(() => page.url()).toContain("/login");
    await page.getByText("Your password has been changed").waitFor();

    await page.getByLabel("Email").fill("elena.petrova@example.org");
    await page.getByLabel("Password").fill("a brighter harbour at noon");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Welcome, Elena" }).waitFor();
    await context.close();
  });

  it("looks finished on a phone: the menu opens and every area is reachable", async () => {
    const { page, context } = await newPerson(baseUrl, { width: 390, height: 844 });
    await page.goto("/");
    await page.getByRole("button", { name: "Open menu" }).click();
    const nav = page.getByRole("navigation", { name: "Main" }).last();
    for (const name of ["Morning Coffee", "Expert Roster", "Focal Points", "Actions", "Spotlights", "Resources"]) {
      await expect.poll(() => nav.getByRole("link", { name }).isVisible()).toBe(true);
    }
    await expectAccessible(page, "home on a phone");
    await screenshot(page, "home-phone");
    await page.goto("/this/does/not/exist");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectAccessible(page, "404");
    for (const [path, heading] of [["/spotlights", "Action Spotlights"], ["/resources", "Resources"], ["/privacy", "Privacy and your data"], ["/accessibility", "Accessibility statement"]]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await expectAccessible(page, path);
    }
    await context.close();
  });
});
