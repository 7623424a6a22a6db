import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "#app/modules/auth/roles.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { sessionCookie } from "#tests/factories/qa.ts";
import { createAction, createExpert, createFocalPoint, deploy } from "#tests/factories/roster.ts";
import { createUser } from "#tests/factories/users.ts";
import { expectAccessible, hasChromium, newPerson } from "#tests/setup/browser.ts";
import { startTestServer } from "#tests/setup/server.ts";

/**
 * Every page, as every kind of visitor, on a 390 px phone: nothing may scroll sideways (WCAG 1.4.10
 * Reflow), every page has its own title and a meta description, and axe finds nothing serious.
 * Pages come from the route files, so a new page is swept or the first test says why not.
 */

type Fixtures = { actionSlug: string; postId: string; expertId: string; coffeeSlug: string; pastCoffeeSlug: string; resourceId: string; spotlightSlug: string; callId: string; requestId: string };

/** Route file → the address to open. */
const PAGES: Record<string, (f: Fixtures) => string> = {
  "$.tsx": () => "/no-such-page",
  "_index.tsx": () => "/",
  "accessibility.tsx": () => "/accessibility",
  "actions.$slug._index.tsx": (f) => `/actions/${f.actionSlug}`,
  "actions.$slug.edit.tsx": (f) => `/actions/${f.actionSlug}/edit`,
  "resources.$id._index.tsx": (f) => `/resources/${f.resourceId}`,
  "resources.$id.edit.tsx": (f) => `/resources/${f.resourceId}/edit`,
  "resources.new.tsx": () => "/resources/new",
  "spotlights.$slug._index.tsx": (f) => `/spotlights/${f.spotlightSlug}`,
  "spotlights.$slug.edit.tsx": (f) => `/spotlights/${f.spotlightSlug}/edit`,
  "spotlights.new.tsx": () => "/spotlights/new",
  "actions._index.tsx": () => "/actions",
  "actions.new.tsx": () => "/actions/new",
  "admin._index.tsx": () => "/admin",
  "admin.audit.tsx": () => "/admin/audit",
  "admin.moderation.tsx": () => "/admin/moderation",
  "admin.outbox.tsx": () => "/admin/outbox",
  "admin.roster.tsx": () => "/admin/roster",
  "admin.users.tsx": () => "/admin/users",
  "check-email.tsx": () => "/check-email",
  "focal-points.$code.tsx": () => "/focal-points/PL",
  "focal-points._index.tsx": () => "/focal-points",
  "forgot-password.tsx": () => "/forgot-password",
  "login.tsx": () => "/login",
  "logout.tsx": () => "/logout",
  "posts.$postId.tsx": (f) => `/posts/${f.postId}`,
  "posts.$postId.edit.tsx": (f) => `/posts/${f.postId}/edit`,
  "posts._index.tsx": () => "/posts",
  "posts.new.tsx": () => "/posts/new",
  "notifications.tsx": () => "/notifications",
  "j.($code).tsx": () => "/j",
  "privacy.tsx": () => "/privacy",
  "report.tsx": (f) => `/report?type=resource&id=${f.resourceId}&redirectTo=/resources/${f.resourceId}`,
  "search.tsx": () => "/search?q=migration",
  "calls._index.tsx": () => "/calls",
  "calls.new.tsx": () => "/calls/new",
  "calls.$id._index.tsx": (f) => `/calls/${f.callId}`,
  "requests._index.tsx": () => "/requests",
  "requests.new.tsx": () => "/requests/new",
  "requests.$id.tsx": (f) => `/requests/${f.requestId}`,
  "reset-password.tsx": () => "/reset-password?token=not-a-real-token",
  "resources._index.tsx": () => "/resources",
  "roster.$id.tsx": (f) => `/roster/${f.expertId}`,
  "roster._index.tsx": () => "/roster",
  "roster.stats.tsx": () => "/roster/stats",
  "sessions.$slug._index.tsx": (f) => `/sessions/${f.coffeeSlug}`,
  "sessions.$slug.attendees.tsx": (f) => `/sessions/${f.coffeeSlug}/attendees`,
  "sessions.$slug.edit.tsx": (f) => `/sessions/${f.coffeeSlug}/edit`,
  "sessions.$slug.feedback.tsx": (f) => `/sessions/${f.pastCoffeeSlug}/feedback`,
  "sessions._index.tsx": () => "/sessions",
  "sessions.new.tsx": () => "/sessions/new",
  "sessions_.$slug_.present.tsx": (f) => `/sessions/${f.coffeeSlug}/present`,
  "sessions_.$slug_.qa.tsx": (f) => `/sessions/${f.coffeeSlug}/qa`,
  "settings._index.tsx": () => "/settings",
  "settings.calendar.tsx": () => "/settings/calendar",
  "settings.email.confirm.tsx": () => "/settings/email/confirm?token=not-a-real-token",
  "settings.notifications.tsx": () => "/settings/notifications",
  "settings.privacy.tsx": () => "/settings/privacy",
  "settings.roster.tsx": () => "/settings/roster",
  "settings.security.tsx": () => "/settings/security",
  "settings.sessions.tsx": () => "/settings/sessions",
  "unsubscribe.$token.tsx": () => "/unsubscribe/not-a-real-token",
  "signup.tsx": () => "/signup",
  "spotlights._index.tsx": () => "/spotlights",
  "verify-email.tsx": () => "/verify-email?token=not-a-real-token",
};

/** Route files that are not pages of their own, and why. */
const NOT_PAGES: Record<string, string> = {
  "admin.tsx": "layout: its pages are swept",
  "settings.tsx": "layout: its pages are swept",
  "calendar.$feed.ts": "iCalendar feed",
  "calendar.public[.]ics.ts": "iCalendar feed",
  "robots[.]txt.ts": "text file",
  "roster.$id.photo.tsx": "image",
  "roster.export[.csv].tsx": "CSV download",
  "sessions.$slug.attendees[.]csv.ts": "CSV download",
  "sessions.$slug.event[.]ics.ts": "iCalendar file",
  "sessions_.$slug_.qa[.csv].tsx": "CSV download",
  "settings.export.tsx": "JSON download",
  "notifications_.$id.ts": "redirect: marks a notification read and follows it",
  "feed[.]atom.ts": "Atom feed",
  "calls.$id.interests[.]csv.ts": "CSV download",
  "resources.$id.file.ts": "file download",
  "posts.$postId.cover.tsx": "image",
  "members.search.tsx": "JSON for the @mention combobox",
};

// SWEEP_ONLY=<regex on route file names> and SWEEP_ROLES=member,admin narrow a run while fixing a page.
const ONLY = process.env.SWEEP_ONLY ? new RegExp(process.env.SWEEP_ONLY) : null;
const ALL_ROLES: ("anonymous" | Role)[] = ["anonymous", "member", "expert", "focal_point", "organiser", "admin"];
const ROLES = process.env.SWEEP_ROLES ? ALL_ROLES.filter((r) => process.env.SWEEP_ROLES!.split(",").includes(r)) : ALL_ROLES;
const PHONE = { width: 390, height: 844 };

let baseUrl: string;
let fixtures: Fixtures;
const people = new Map<Role, string>();
// Axe runs once per address (on the first visitor who may see it): it is the slow part.
const axeChecked = new Set<string>();

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  const action = await createAction({ code: "Azerbaijan V" });
  const expert = await createExpert({ name: "Kristjan Tamm", memberState: "EE", email: "sweep.expert@example.org", institution: "Ministry of Culture of the Republic of Estonia, Department of Cultural Diversity" });
  await deploy(expert.id, action.id);
  const focal = await createFocalPoint("PL", { name: "Zofia Wiśniewska", email: "sweep.fp@example.org", country: "PL" });
  const member = await createUser({ name: "Amara Nkemelu", email: "sweep.member@example.org", country: "CM" });
  const organiser = await createUser({ name: "Lucas Moreau", email: "sweep.organiser@example.org", role: "organiser" });
  const admin = await createUser({ name: "Aino Virtanen", email: "sweep.admin@example.org", role: "admin" });
  const post = await prisma.post.create({ data: { authorId: organiser.id, kind: "resource", title: "Cultural agility: ten tips before a deployment", body: "# Tips\n\n**Listen first**, then share. A long address that must wrap: https://example.org/a/very/long/path/that/does/not/fit/on/a/phone/screen/at/all" } });
  const coffee = await createCoffee({ title: "Morning Coffee: Action Spotlight on Azerbaijan V and cultural agility" });
  const past = await createCoffee({ title: "Morning Coffee: Cameroon, Georgia and Uganda", startsAt: new Date(Date.now() - 40 * 86_400_000) });
  const resource = await prisma.resource.create({
    data: { title: "Working across cultures: a checklist for experts", summary: "Before, during and after a deployment.", body: "Ask how decisions are made.", topic: "Cultural agility", createdById: organiser.id },
  });
  const spotlight = await prisma.spotlight.create({
    data: { slug: "sweep-spotlight-azerbaijan-v", title: "Action Spotlight: Azerbaijan V", country: "AZ", summary: "Cultural integration of migrants.", status: "published", publishedAt: new Date(), actionId: action.id },
  });
  const call = await prisma.expertCall.create({
    data: {
      actionId: action.id, title: "Call for experts: integration of migrants in Azerbaijan", partnerCountry: "AZ", region: "EU Neighbourhood",
      thematicArea: "Legal migration and mobility", profileSought: "A public official with experience of integration services.", expertsNeeded: 2,
      missionStart: new Date(Date.now() + 60 * 86_400_000), format: "online", deadline: new Date(Date.now() + 30 * 86_400_000), createdById: organiser.id,
    },
  });
  const request = await prisma.exchangeRequest.create({
    data: { submitterId: focal.id, memberState: "PL", topic: "Labour migration data exchange", euInstitutions: "Ministry of Family and Social Policy", partnerInstitutions: "State Migration Service", thematicArea: "Legal migration and mobility", description: "A peer exchange on labour migration statistics." },
  });
  fixtures = { callId: call.id, requestId: request.id, actionSlug: action.slug, postId: post.id, expertId: expert.id, coffeeSlug: coffee.slug, pastCoffeeSlug: past.slug, resourceId: resource.id, spotlightSlug: spotlight.slug };
  people.set("member", member.id);
  people.set("expert", expert.id);
  people.set("focal_point", focal.id);
  people.set("organiser", organiser.id);
  people.set("admin", admin.id);
});

/** How far the page scrolls sideways, and the widest elements that stick out. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (overflow > 0) {
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          const parent = el.parentElement?.getBoundingClientRect();
          // Only the outermost element that sticks out: its children follow it.
          if (!parent || parent.right <= width + 1) culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} (${Math.round(r.width)} px wide, right edge ${Math.round(r.right)})`);
        }
      }
    }
    return { overflow, culprits: culprits.slice(0, 4) };
  });
}

async function headOf(page: Page) {
  return page.evaluate(() => ({ title: document.title.trim(), description: document.querySelector('meta[name="description"]')?.getAttribute("content")?.trim() ?? "" }));
}

describe.skipIf(!hasChromium)("every page on a 390 px phone", () => {
  it("every route file is either swept or listed as not a page", () => {
    const files = fs.readdirSync(path.join(process.cwd(), "app", "routes")).filter((f) => !f.includes(".test."));
    const unknown = files.filter((f) => !(f in PAGES) && !(f in NOT_PAGES));
    const stale = [...Object.keys(PAGES), ...Object.keys(NOT_PAGES)].filter((f) => !files.includes(f));
    expect(unknown, "route files neither swept nor listed as not a page").toEqual([]);
    expect(stale, "listed route files that no longer exist").toEqual([]);
  });

  for (const role of ROLES) {
    it(`as ${role === "anonymous" ? "an anonymous visitor" : `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`}: no sideways scrolling, a title and a description on every page`, async () => {
      const { context, page } = await newPerson(baseUrl, PHONE);
      const userId = role === "anonymous" ? null : people.get(role)!;
      if (userId) {
        const [name, value] = (await sessionCookie(userId)).split("=");
        await context.addCookies([{ name, value, url: baseUrl }]);
      }
      const problems: string[] = [];
      const titles = new Map<string, string[]>();
      for (const [file, address] of Object.entries(PAGES)) {
        if (ONLY && !ONLY.test(file)) continue;
        const url = address(fixtures);
        const response = await page.goto(url);
        const status = response?.status() ?? 0;
        if (status >= 500) problems.push(`${url}: status ${status}`);
        await page.waitForLoadState("load");
        const { overflow, culprits } = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${url} (${file}) scrolls sideways by ${overflow} px: ${culprits.join("; ")}`);
        const { title, description } = await headOf(page);
        if (!title || title === "MIEUX+ Community") problems.push(`${url}: no specific title ("${title}")`);
        if (!description) problems.push(`${url}: no meta description`);
        const landed = new URL(page.url()).pathname + new URL(page.url()).search;
        // Error pages (403 for a role that may not see a page) share their title on purpose.
        if (status < 400) titles.set(title, [...(titles.get(title) ?? []), landed]);
        if (!axeChecked.has(landed)) {
          axeChecked.add(landed);
          await expectAccessible(page, `${landed} as ${role}`);
        }
      }
      // Different pages, different titles (a redirect to the same page is the same page).
      for (const [title, where] of titles) {
        const distinct = new Set(where.map((w) => w.split("?")[0]));
        if (distinct.size > 1) problems.push(`one title for ${[...distinct].join(", ")}: "${title}"`);
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
