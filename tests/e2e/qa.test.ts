import { beforeAll, describe, expect, it } from "vitest";
import { endAllSessions } from "#app/modules/auth/session.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee, createParticipant } from "#tests/factories/qa.ts";
import { expectAccessible, hasChromium, newPerson, screenshot } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

/** A browser profile already logged in as a new participant. */
async function person(overrides: Parameters<typeof createParticipant>[0] = {}) {
  const { user, cookie } = await createParticipant(overrides);
  const { context, page } = await newPerson(baseUrl);
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name, value, url: baseUrl }]);
  return { user, context, page };
}

describe.skipIf(!hasChromium)("live Q&A in Chromium", () => {
  it("an asker, a moderator and the presenter screen follow the same session live", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: Spotlight on Azerbaijan V", qaMode: "moderated" });
    const asker = await person({ name: "Ines Duarte", country: "PT", institution: "Immigration and Borders Service" });
    const moderator = await person({ name: "Olga Organiser", role: "organiser" });
    const screen = await person({ role: "organiser" });

    await moderator.page.goto(`/sessions/${coffee.slug}/qa`);
    await moderator.page.getByTestId("presence").waitFor();
    await expectAccessible(moderator.page, "Q&A (moderator, empty)");
    await asker.page.goto(`/sessions/${coffee.slug}/qa`);
    await asker.page.getByTestId("presence").waitFor();
    await expectAccessible(asker.page, "Q&A (participant, empty)");
    await screen.page.goto(`/sessions/${coffee.slug}/present`);
    await expectAccessible(screen.page, "presenter screen (empty)");

    // The asker asks; in a moderated session only they and the moderators see it.
    await asker.page.getByLabel("Your question").fill("How did the Action measure its impact on policy development?");
    await asker.page.getByRole("button", { name: "Ask", exact: true }).click();
    await asker.page.getByText("Only you and the moderators can see it").waitFor();
    expect(await asker.page.getByLabel("Your question").inputValue()).toBe("");

    // It reaches the moderator live, announced politely, with the asker's Member State.
    await moderator.page.getByRole("heading", { name: "Awaiting approval (1)" }).waitFor();
    await expect.poll(() => moderator.page.getByTestId("announcer").textContent()).toContain("New question awaiting approval");
    await moderator.page.getByText(/Portugal · Immigration and Borders Service/).waitFor();
    await moderator.page.getByRole("option", { name: "Portugal" }).waitFor({ state: "attached" });
    await expectAccessible(moderator.page, "Q&A (moderator, pending question)");
    await screenshot(moderator.page, "qa-moderator-pending");

    // Keyboard: the asker keeps typing while new questions arrive; focus is not stolen.
    await asker.page.getByLabel("Your question").focus();
    await asker.page.keyboard.type("A second thought");
    await moderator.page.getByRole("button", { name: "Approve" }).click();
    await moderator.page.getByLabel("Your question").fill("What would you do differently next time?");
    await moderator.page.getByRole("button", { name: "Ask", exact: true }).click();
    await asker.page.getByRole("heading", { name: "What would you do differently next time?" }).waitFor();
    expect(await asker.page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("body");
    expect(await asker.page.getByLabel("Your question").inputValue()).toBe("A second thought");
    await expect.poll(() => asker.page.getByTestId("announcer").textContent()).toContain("New question: What would you do differently");

    // The asker upvotes someone else's question (never their own); the count updates for the moderator.
    const card = asker.page.getByRole("article", { name: "How did the Action measure its impact on policy development?" });
    expect(await card.getByRole("button", { name: "Upvote" }).count()).toBe(0);
    const other = asker.page.getByRole("article", { name: "What would you do differently next time?" });
    await other.getByRole("button", { name: "Upvote", pressed: false }).click();
    await other.getByRole("button", { name: "Upvote", pressed: true }).waitFor();
    const votedCard = moderator.page.getByRole("article", { name: "What would you do differently next time?" });
    await expect.poll(() => votedCard.getByTestId("votes").textContent()).toContain("1");
    const modCard = moderator.page.getByRole("article", { name: "How did the Action measure its impact on policy development?" });

    // Pinning shows it large on the presenter screen, with the top questions below.
    await modCard.getByRole("button", { name: "Pin as now answering" }).click();
    await expect.poll(() => screen.page.getByTestId("pinned").textContent()).toBe("How did the Action measure its impact on policy development?");
    await screen.page.getByTestId("top-questions").getByText("What would you do differently next time?").waitFor();
    await screen.page.getByRole("img", { name: /QR code that opens the Q&A/ }).waitFor();
    await expectAccessible(screen.page, "presenter screen (pinned)");
    await screenshot(screen.page, "qa-presenter");
    await card.getByText("Now answering").waitFor();
    await expectAccessible(asker.page, "Q&A (participant, pinned)");
    await screenshot(asker.page, "qa-participant");

    expect(await prisma.auditLog.count({ where: { action: { in: ["qa.approve", "qa.pin"] } } })).toBeGreaterThanOrEqual(2);
    for (const p of [asker, moderator, screen]) await p.context.close();
  });

  it("a member reports a question from the live Q&A with the keyboard; hiding it from Admin → Moderation removes it from open Q&A pages at once", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: reported question" });
    const asker = await person({ name: "Tomasz Asker" });
    const reporter = await person({ name: "Hana Reporter" });
    const watcher = await person();
    const organiser = await person({ role: "organiser" });
    const qa = `/sessions/${coffee.slug}/qa`;
    await asker.page.goto(qa);
    await asker.page.getByTestId("presence").waitFor();
    await asker.page.getByLabel("Your question").fill("A rude question for the panel");
    await asker.page.getByRole("button", { name: "Ask", exact: true }).click();
    for (const p of [reporter, watcher]) {
      await p.page.goto(qa);
      await p.page.getByRole("article", { name: "A rude question for the panel" }).waitFor();
    }
    // The asker is offered no Report link on their own question.
    expect(await asker.page.getByRole("article", { name: "A rude question for the panel" }).getByRole("link", { name: "Report" }).count()).toBe(0);

    // Keyboard only: focus the link (described by the question), Enter, type, Enter.
    const link = reporter.page.getByRole("article", { name: "A rude question for the panel" }).getByRole("link", { name: "Report" });
    await link.focus();
    await expect.poll(() => link.getAttribute("aria-describedby")).toMatch(/^q-/);
    await reporter.page.keyboard.press("Enter");
    await reporter.page.getByRole("heading", { name: "Report this q&a question" }).waitFor();
    await expectAccessible(reporter.page, "report page (question)");
    await reporter.page.getByLabel("What is wrong?").fill("Rude to the speakers");
    await reporter.page.getByRole("button", { name: "Send report" }).press("Enter");
    await reporter.page.getByText("Thank you: the moderators will look at your report").waitFor();
    expect(new URL(reporter.page.url()).pathname).toBe(qa);

    await organiser.page.goto("/admin/moderation");
    await organiser.page.getByText("Rude to the speakers").waitFor();
    await organiser.page.getByLabel("Reason the author will read").fill("Please be courteous");
    await organiser.page.getByRole("button", { name: "Apply decision" }).click();
    await organiser.page.getByText("No open reports.").waitFor();
    // The watcher's page was never reloaded: the question leaves it live.
    await watcher.page.getByRole("article", { name: "A rude question for the panel" }).waitFor({ state: "detached" });
    await asker.page.getByTestId("hidden-notice").getByText(/A moderator hid your question/).waitFor();
    for (const p of [asker, reporter, watcher, organiser]) await p.context.close();
  });

  it("tells the asker when their question is hidden, and says so when they were signed out elsewhere", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: notices" });
    const asker = await person({ name: "Marta Kowalska" });
    const moderator = await person({ role: "organiser" });
    await asker.page.goto(`/sessions/${coffee.slug}/qa`);
    await asker.page.getByTestId("presence").waitFor();
    await moderator.page.goto(`/sessions/${coffee.slug}/qa`);
    await moderator.page.getByTestId("presence").waitFor();

    await asker.page.getByLabel("Your question").fill("Is this off topic?");
    await asker.page.getByRole("button", { name: "Ask", exact: true }).click();
    await moderator.page.getByRole("article", { name: "Is this off topic?" }).getByRole("button", { name: "Hide" }).click();
    await asker.page.getByTestId("hidden-notice").getByText(/A moderator hid your question/).waitFor();
    expect(await asker.page.getByTestId("hidden-notice").textContent()).toContain("Is this off topic?");
    await expectAccessible(asker.page, "Q&A (question hidden notice)");

    // Signed out everywhere from another device: the open page is cut off at once and says why.
    await endAllSessions(asker.user.id);
    await asker.page.getByRole("alert").getByText("Log in to take part in the Q&A.").waitFor();
    await asker.page.getByRole("link", { name: "Log in again" }).waitFor();
    for (const p of [asker, moderator]) await p.context.close();
  });

  it("someone in the room types the join code from the presenter screen on a phone and lands in the Q&A", async () => {
    const coffee = await createCoffee({ title: "Morning Coffee: join by code" });
    const screen = await person({ role: "organiser" });
    await screen.page.goto(`/sessions/${coffee.slug}/present`);
    // The factory's session was not published through the app, so it has no code yet: ask for one.
    await screen.page.getByRole("button", { name: "Show a join code" }).click();
    await screen.page.getByTestId("join-code").waitFor();
    const code = (await screen.page.getByTestId("join-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const { cookie } = await createParticipant();
    const phone = await newPerson(baseUrl, { width: 390, height: 844 });
    const [name, value] = cookie.split("=");
    await phone.context.addCookies([{ name, value, url: baseUrl }]);
    await phone.page.goto("/j");
    await expectAccessible(phone.page, "join by code (390 px)");
    await phone.page.getByLabel("Join code").fill("ZZZZZZ");
    await phone.page.getByRole("button", { name: "Go to the Q&A" }).click();
    await phone.page.getByText(/No Morning Coffee has the join code/).waitFor();
    await expectAccessible(phone.page, "join by code, wrong code (390 px)");
    await phone.page.getByLabel("Join code").fill(code.toLowerCase());
    await phone.page.getByRole("button", { name: "Go to the Q&A" }).click();
    await phone.page.waitForURL(`**/sessions/${coffee.slug}/qa`);
    await phone.page.getByRole("heading", { name: "Q&A: Morning Coffee: join by code" }).waitFor();
    for (const c of [screen.context, phone.context]) await c.close();
  });
});
