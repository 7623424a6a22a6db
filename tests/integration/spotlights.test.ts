import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { createAction, createExpert, deploy } from "#tests/factories/roster.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function person(role: "member" | "expert" | "focal_point" | "organiser") {
  const user = await createUser({ role });
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

const text = async (client: TestClient, path: string) => visibleText((await client.page(path)).html);

describe("Spotlights as their own pages", () => {
  it("lets only organisers write, edit and publish Spotlights", async () => {
    const visitor = new TestClient(baseUrl);
    expect((await visitor.get("/spotlights/new")).status).toBe(302);
    for (const role of ["member", "expert", "focal_point"] as const) {
      const { client } = await person(role);
      expect((await client.get("/spotlights/new")).status, role).toBe(403);
      expect((await client.post("/spotlights/new", { title: `Spotlight by a ${role}` })).status, role).toBe(403);
    }
    expect(await prisma.spotlight.count({ where: { title: { startsWith: "Spotlight by a" } } })).toBe(0);

    const organiser = await person("organiser");
    const created = await organiser.client.post("/spotlights/new", { title: "Action Spotlight: Moldova", country: "MD", highlights: "Peer exchanges on **labour migration**." });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/spotlights/action-spotlight-moldova");

    const focal = await person("focal_point");
    expect((await focal.client.post("/spotlights/action-spotlight-moldova", { intent: "publish" })).status).toBe(403);
    expect((await focal.client.get("/spotlights/action-spotlight-moldova/edit")).status).toBe(403);
    expect((await focal.client.post("/spotlights/action-spotlight-moldova/edit", { title: "Changed by a Focal Point" })).status).toBe(403);
    expect((await prisma.spotlight.findUniqueOrThrow({ where: { slug: "action-spotlight-moldova" } })).status).toBe("draft");

    const edited = await organiser.client.post("/spotlights/action-spotlight-moldova/edit", { title: "Action Spotlight: Moldova", country: "MD", achievements: "A new coordination mechanism." });
    expect(edited.status).toBe(302);
    expect(await text(organiser.client, "/spotlights/action-spotlight-moldova")).toContain("A new coordination mechanism.");
  });

  it("keeps a draft to organisers (as a preview) until it is published, and takes it back when unpublished", async () => {
    const organiser = await person("organiser");
    const member = await person("member");
    const visitor = new TestClient(baseUrl);
    await organiser.client.post("/spotlights/new", { title: "Action Spotlight: Armenia", country: "AM", summary: "Draft summary for Armenia." });
    const url = "/spotlights/action-spotlight-armenia";

    expect((await visitor.get(url)).status).toBe(404);
    expect((await member.client.get(url)).status).toBe(404);
    expect(await text(member.client, "/spotlights")).not.toContain("Action Spotlight: Armenia");
    const preview = await text(organiser.client, url);
    expect(preview).toContain("Preview of a draft");
    expect(preview).toContain("Draft summary for Armenia.");
    expect(await text(organiser.client, "/spotlights")).toContain("Action Spotlight: Armenia");

    expect((await organiser.client.post(url, { intent: "publish" })).status).toBe(302);
    const published = await text(visitor, url);
    expect(published).toContain("Action Spotlight: Armenia");
    expect(published).not.toContain("Preview of a draft");
    expect(await text(visitor, "/spotlights")).toContain("Draft summary for Armenia.");

    expect((await organiser.client.post(url, { intent: "unpublish" })).status).toBe(302);
    expect((await visitor.get(url)).status).toBe(404);
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const organiser = await person("organiser");
    const short = await organiser.client.post("/spotlights/new", { title: "A", country: "ZZ" });
    expect(short.status).toBe(400);
    const page = visibleText(await short.text());
    expect(page).toContain("Enter a title for the Spotlight.");
    expect(page).toContain("Choose a country from the list.");
    const badAction = await organiser.client.post("/spotlights/new", { title: "Action Spotlight: nowhere", actionId: "no-such-action" });
    expect(badAction.status).toBe(400);
    expect(visibleText(await badAction.text())).toContain("Choose an Action from the list.");
    expect(await prisma.spotlight.count({ where: { title: "Action Spotlight: nowhere" } })).toBe(0);
  });

  it("links a Spotlight to its Action, the Action's experts and every Morning Coffee that featured it", async () => {
    const organiser = await person("organiser");
    const action = await createAction({ code: "Kenya II", partnerCountry: "KE", region: "Africa" });
    const open = await createExpert({ name: "Open Expert", visibility: "network" });
    const restricted = await createExpert({ name: "Restricted Expert", visibility: "organisers_and_focal_points", memberState: "FR" });
    await deploy(open.id, action.id);
    await deploy(restricted.id, action.id);
    const held = await createCoffee({ title: "Morning Coffee: spring with Kenya", status: "held", startsAt: new Date(Date.now() - 30 * 86_400_000) });
    const upcoming = await createCoffee({ title: "Morning Coffee: Kenya follow-up" });
    const draft = await createCoffee({ title: "Morning Coffee: secret draft", status: "draft" });

    await organiser.client.post("/spotlights/new", { title: "Action Spotlight: Kenya", country: "KE", actionId: action.id, migrationContext: "Context of Kenya." });
    const spotlight = await prisma.spotlight.findUniqueOrThrow({ where: { slug: "action-spotlight-kenya" } });
    await organiser.client.post("/spotlights/action-spotlight-kenya", { intent: "publish" });
    for (const coffee of [held, upcoming, draft]) {
      const linked = await organiser.client.post(`/sessions/${coffee.slug}/edit`, { intent: "linkSpotlight", spotlightId: spotlight.id });
      expect(linked.status, coffee.title).toBe(302);
    }
    const twice = await organiser.client.post(`/sessions/${held.slug}/edit`, { intent: "linkSpotlight", spotlightId: spotlight.id });
    expect(twice.status).toBe(400);
    expect(visibleText(await twice.text())).toContain("This Spotlight is already linked to the session.");
    const member = await person("member");
    expect((await member.client.post(`/sessions/${held.slug}/edit`, { intent: "unlinkSpotlight", id: spotlight.id })).status).toBe(403);

    const visitorPage = await text(new TestClient(baseUrl), "/spotlights/action-spotlight-kenya");
    expect(visitorPage).toContain("Kenya II");
    expect(visitorPage).toContain("Migration context in Kenya");
    expect(visitorPage).toContain("Morning Coffee: spring with Kenya");
    expect(visitorPage).toContain("Morning Coffee: Kenya follow-up");
    expect(visitorPage).not.toContain("Morning Coffee: secret draft");
    expect(visitorPage).toContain("Experts deployed (2)");
    expect(visitorPage).not.toContain("Open Expert");
    expect(visitorPage).toContain("log in to see the experts");

    const memberPage = await text(member.client, "/spotlights/action-spotlight-kenya");
    expect(memberPage).toContain("Open Expert");
    expect(memberPage).not.toContain("Restricted Expert");
    expect(await text(organiser.client, "/spotlights/action-spotlight-kenya")).toContain("Restricted Expert");

    const session = await text(new TestClient(baseUrl), `/sessions/${upcoming.slug}`);
    expect(session).toContain("Action Spotlight: Kenya");
    expect(await text(new TestClient(baseUrl), `/actions/${action.slug}`)).toContain("Action Spotlight: Kenya");

    // Unlinked from a session: gone from that session, still on its own page.
    expect((await organiser.client.post(`/sessions/${upcoming.slug}/edit`, { intent: "unlinkSpotlight", id: spotlight.id })).status).toBe(302);
    expect(await text(new TestClient(baseUrl), `/sessions/${upcoming.slug}`)).not.toContain("Action Spotlight: Kenya");
    expect(await text(new TestClient(baseUrl), "/spotlights/action-spotlight-kenya")).not.toContain("Morning Coffee: Kenya follow-up");
  });

  it("shows a session's draft Spotlights to nobody on the session page until they are published", async () => {
    const organiser = await person("organiser");
    const coffee = await createCoffee({ title: "Morning Coffee: with a draft Spotlight" });
    await organiser.client.post("/spotlights/new", { title: "Action Spotlight: Bhutan draft", country: "BT" });
    const spotlight = await prisma.spotlight.findUniqueOrThrow({ where: { slug: "action-spotlight-bhutan-draft" } });
    await organiser.client.post(`/sessions/${coffee.slug}/edit`, { intent: "linkSpotlight", spotlightId: spotlight.id });
    expect(await text(organiser.client, `/sessions/${coffee.slug}/edit`)).toContain("Draft: not shown until published");
    expect(await text(new TestClient(baseUrl), `/sessions/${coffee.slug}`)).not.toContain("Action Spotlight: Bhutan draft");
    await organiser.client.post("/spotlights/action-spotlight-bhutan-draft", { intent: "publish" });
    expect(await text(new TestClient(baseUrl), `/sessions/${coffee.slug}`)).toContain("Action Spotlight: Bhutan draft");
  });
});

describe("Actions: organisers create and edit", () => {
  it("lets only organisers edit an Action, with status, impact areas and everything the catalogue shows", async () => {
    const action = await createAction({ code: "Tunisia III", partnerCountry: "TN", region: "Africa" });
    const form = (overrides: Record<string, string> = {}) => {
      const body = new URLSearchParams({ code: "Tunisia III", title: "Labour migration governance in Tunisia", summary: "Support to the partner ministry.", partnerCountry: "TN", region: "Africa", thematicArea: "Legal migration and mobility", status: "ongoing", startDate: "2025-02-01", endDate: "", ...overrides });
      body.append("impactAreas", "Policy development");
      body.append("impactAreas", "Capacity building and training");
      return body;
    };
    for (const role of ["member", "focal_point"] as const) {
      const { client } = await person(role);
      expect((await client.get(`/actions/${action.slug}/edit`)).status, role).toBe(403);
      expect((await client.request(`/actions/${action.slug}/edit`, { method: "POST", body: form({ title: "Hijacked" }) })).status, role).toBe(403);
    }
    expect((await prisma.action.findUniqueOrThrow({ where: { id: action.id } })).title).toBe(action.title);

    const organiser = await person("organiser");
    const bad = await organiser.client.request(`/actions/${action.slug}/edit`, { method: "POST", body: form({ startDate: "2025-06-01", endDate: "2025-01-01", status: "someday" }) });
    expect(bad.status).toBe(400);
    expect(visibleText(await bad.text())).toContain("Choose planned, ongoing or completed.");
    const dates = await organiser.client.request(`/actions/${action.slug}/edit`, { method: "POST", body: form({ startDate: "2025-06-01", endDate: "2025-01-01" }) });
    expect(dates.status).toBe(400);
    expect(visibleText(await dates.text())).toContain("The end date is before the start date.");

    const saved = await organiser.client.request(`/actions/${action.slug}/edit`, { method: "POST", body: form() });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/actions/tunisia-iii");
    const page = await text(new TestClient(baseUrl), "/actions/tunisia-iii");
    expect(page).toContain("Labour migration governance in Tunisia");
    expect(page).toContain("Ongoing");
    expect(page).toContain("Policy development");
    expect(page).toContain("Capacity building and training");
    expect(page).not.toContain("Producing knowledge");
    expect(await text(new TestClient(baseUrl), "/actions")).toContain("Ongoing · Legal migration and mobility");

    const clash = await createAction({ code: "Jordan I" });
    const taken = await organiser.client.request(`/actions/${clash.slug}/edit`, { method: "POST", body: form({ code: "Tunisia III" }) });
    expect(taken.status).toBe(400);
    expect(visibleText(await taken.text())).toContain("An Action with this code already exists.");
  });

  it("creates an Action with its status and impact areas", async () => {
    const organiser = await person("organiser");
    const body = new URLSearchParams({ code: "Ecuador I", title: "Migration data in Ecuador", partnerCountry: "EC", region: "Latin America and the Caribbean", thematicArea: "Horizontal interventions (health, climate change, data, gender)", status: "planned" });
    body.append("impactAreas", "Producing knowledge");
    const res = await organiser.client.request("/actions/new", { method: "POST", body });
    expect(res.status).toBe(302);
    const page = await text(new TestClient(baseUrl), "/actions/ecuador-i");
    expect(page).toContain("Planned");
    expect(page).toContain("Producing knowledge");
    const member = await person("member");
    expect((await member.client.request("/actions/new", { method: "POST", body })).status).toBe(403);
  });
});
