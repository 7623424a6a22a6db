import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { makeFocalPoint } from "#tests/factories/posts.ts";
import { TEST_PASSWORD, createUser } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, newPerson } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe.skipIf(!hasChromium)("posts journey in Chromium", () => {
  it("a Focal Point posts for Poland, a member comments and reacts, another reports, an organiser hides the comment", async () => {
    const focal = await createUser({ role: "focal_point", country: "PL", name: "Paulina Kowalska" });
    await makeFocalPoint(focal.id, "PL");
    const member = await createUser({ name: "Marek Member" });
    const reporter = await createUser({ name: "Rita Reporter" });
    const organiser = await createUser({ role: "organiser", name: "Olivia Organiser" });

    const fp = await newPerson(baseUrl, { width: 390, height: 844 });
    await logIn(fp.page, focal.email);
    await fp.page.goto("/posts/new");
    await expectAccessible(fp.page, "new post");
    await noHorizontalScroll(fp.page);
    await fp.page.getByLabel("Title").fill("Poland welcomes a study visit");
    await fp.page.getByLabel("Kind").selectOption("update");
    await fp.page.getByLabel("Text").fill("Colleagues from a partner ministry visited **Warsaw**.");
    await fp.page.getByRole("button", { name: "Publish" }).click();
    await fp.page.getByRole("heading", { name: "Poland welcomes a study visit" }).waitFor();
    await expectAccessible(fp.page, "post");
    await noHorizontalScroll(fp.page);
    const postUrl = new URL(fp.page.url()).pathname;
    await fp.context.close();

    const m = await newPerson(baseUrl);
    await logIn(m.page, member.email);
    await m.page.goto("/posts?memberState=PL");
    await expectAccessible(m.page, "feed filtered");
    await m.page.getByRole("link", { name: "Poland welcomes a study visit" }).click();
    await m.page.getByLabel("Add a comment").fill("Offensive remark about the visitors");
    await m.page.getByRole("button", { name: "Post comment" }).click();
    await m.page.getByText("Offensive remark about the visitors").first().waitFor();
    await m.page.getByRole("button", { name: /Like 0/ }).first().click();
    await expect.poll(() => m.page.getByRole("button", { name: /Like 1/ }).first().getAttribute("aria-pressed")).toBe("true");
    await expectAccessible(m.page, "post with comment");
    await m.context.close();

    const r = await newPerson(baseUrl, { width: 390, height: 844 });
    await logIn(r.page, reporter.email);
    await r.page.goto(postUrl);
    await r.page.getByText("Report comment").click();
    await r.page.getByLabel("What is wrong with this comment?").fill("Insulting the visitors");
    await r.page.getByRole("button", { name: "Send report" }).click();
    await r.page.getByText("Thank you: the moderators will look at your report").waitFor();
    await r.context.close();

    const o = await newPerson(baseUrl);
    await logIn(o.page, organiser.email);
    await o.page.goto("/admin/moderation");
    await o.page.getByText("Insulting the visitors").waitFor();
    await expectAccessible(o.page, "moderation queue");
    await o.page.getByLabel("Reason the author will read").fill("Please keep comments respectful");
    await o.page.getByRole("button", { name: "Apply decision" }).click();
    await o.page.getByText("No open reports.").waitFor();
    await o.page.goto(postUrl);
    expect(await o.page.getByText("Offensive remark about the visitors").count()).toBe(0);
    await o.page.goto("/posts");
    await expectAccessible(o.page, "feed");
    await o.context.close();
    expect(await prisma.postComment.count({ where: { hiddenAt: { not: null } } })).toBe(1);
  });

  it("a member reports a post; the organiser hides it: gone from the feed, its page, the Atom feed and the home page; the author reads why; restoring brings it back", async () => {
    const author = await createUser({ role: "focal_point", country: "PT", name: "Pedro Author" });
    await makeFocalPoint(author.id, "PT");
    const reporter = await createUser({ name: "Renata Reporter" });
    const organiser = await createUser({ role: "organiser", name: "Oskar Organiser" });
    const title = "Visa rules that are simply wrong";
    const post = await prisma.post.create({ data: { authorId: author.id, kind: "update", title, body: "Everyone can enter without a visa.", memberState: "PT" } });
    const postUrl = `/posts/${post.id}`;
    const atomTitles = async () => (await (await fetch(`${baseUrl}/feed.atom`)).text()).includes(title);

    // What every reader sees before: the feed, the home page, the Atom feed.
    const r = await newPerson(baseUrl);
    await logIn(r.page, reporter.email);
    await r.page.goto("/posts");
    await r.page.getByRole("link", { name: title }).waitFor();
    expect(await atomTitles()).toBe(true);
    await r.page.goto(postUrl);
    await r.page.getByText("Report", { exact: true }).click();
    await r.page.getByLabel("What is wrong with this post?").fill("Dangerous false information about visas");
    await r.page.getByRole("button", { name: "Send report" }).click();
    await r.page.getByText("Thank you: the moderators will look at your report").waitFor();

    const o = await newPerson(baseUrl);
    await logIn(o.page, organiser.email);
    await o.page.goto("/admin/moderation");
    await o.page.getByText("Dangerous false information about visas").waitFor();
    await o.page.getByLabel("Decision").selectOption("hide");
    await o.page.getByLabel("Reason the author will read").fill("The visa information is false");
    await o.page.getByRole("button", { name: "Apply decision" }).click();
    await o.page.getByText("No open reports.").waitFor();

    // Gone everywhere a reader looks.
    await r.page.goto("/posts");
    await r.page.getByRole("heading", { name: "Posts", level: 1 }).waitFor();
    expect(await r.page.getByRole("link", { name: title }).count()).toBe(0);
    await r.page.goto("/");
    expect(await r.page.getByText(title).count()).toBe(0);
    expect((await r.page.goto(postUrl))?.status()).toBe(404);
    expect(await atomTitles()).toBe(false);

    // The author reads the reason.
    const a = await newPerson(baseUrl, { width: 390, height: 844 });
    await logIn(a.page, author.email);
    await a.page.goto("/notifications");
    await a.page.getByText("The visa information is false").waitFor();
    await expectAccessible(a.page, "notifications with a hidden post");
    await noHorizontalScroll(a.page);

    // The organiser restores it from the queue's list of hidden content.
    await o.page.goto("/admin/moderation");
    await expectAccessible(o.page, "moderation queue with hidden content");
    const restore = o.page.getByRole("button", { name: `Restore post: ${title}` });
    await restore.click();
    await restore.waitFor({ state: "detached" });
    await r.page.goto("/posts");
    await r.page.getByRole("link", { name: title }).waitFor();
    await r.page.goto("/");
    await r.page.getByText(title).first().waitFor();
    expect((await r.page.goto(postUrl))?.status()).toBe(200);
    expect(await atomTitles()).toBe(true);
    for (const p of [r, o, a]) await p.context.close();
  });

  it("shows the feed, notifications and moderation pages at 390 px without horizontal scrolling", async () => {
    const organiser = await createUser({ role: "organiser" });
    const { page, context } = await newPerson(baseUrl, { width: 390, height: 844 });
    await logIn(page, organiser.email);
    for (const path of ["/posts", "/notifications", "/admin/moderation"]) {
      await page.goto(path);
      await noHorizontalScroll(page);
      await expectAccessible(page, `${path} at 390 px`);
    }
    await context.close();
  });
});
