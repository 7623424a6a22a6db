import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createAction, createExpert, createFocalPoint, deploy } from "#tests/factories/roster.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

// The server's clock is ours: calls close at their deadline without any job, so the test moves time.
let now = new Date("2030-01-10T09:00:00Z");
let baseUrl: string;
let actionId: string;
beforeAll(async () => {
  baseUrl = (await startTestServer({ clock: () => now })).url;
  actionId = (await createAction({ code: "Callland I" })).id;
});

async function signedIn(user: { email: string }) {
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return client;
}

const AREA = "International protection and asylum policy";

function callForm(overrides: Record<string, string> = {}) {
  return {
    actionId, title: "Asylum case management expert", partnerCountry: "GE", region: "EU Neighbourhood", thematicArea: AREA,
    profileSought: "Senior official with experience of asylum case management systems.",
    language0: "en", level0: "B2", language1: "", level1: "", language2: "", level2: "",
    expertsNeeded: "1", missionStart: "2030-03-02", missionEnd: "2030-03-06", format: "on_site", deadline: "2030-02-01",
    ...overrides,
  };
}

async function publish(client: TestClient, overrides: Record<string, string> = {}) {
  const res = await client.post("/calls/new", callForm(overrides));
  const id = /^\/calls\/([^/?#]+)$/.exec(res.headers.get("location") ?? "")?.[1] ?? null;
  return { res, id, html: res.status === 302 ? "" : await res.text() };
}

const notificationsOf = (userId: string, kind: string) => prisma.notification.findMany({ where: { userId, kind }, select: { subjectUrl: true, message: true } });

let organiser: Awaited<ReturnType<typeof createUser>>;
let organiserClient: TestClient;
beforeAll(async () => {
  organiser = await createUser({ role: "organiser", name: "Olga Organiser" });
  organiserClient = await signedIn(organiser);
});

describe("publishing a call", () => {
  it("is for organisers only; bad input gets clear messages and creates nothing", async () => {
    const member = await createUser({ role: "member" });
    const expert = await createExpert();
    const focal = await createFocalPoint("AT");
    for (const user of [member, expert, focal]) {
      const client = await signedIn(user);
      expect((await client.get("/calls/new")).status).toBe(403);
      expect((await publish(client)).res.status).toBe(403);
    }
    const anon = await new TestClient(baseUrl).post("/calls/new", callForm());
    expect(anon.headers.get("location")).toMatch(/^\/login/);
    const bad = await publish(organiserClient, { title: "", thematicArea: "Cooking", format: "hybrid" });
    expect(bad.res.status).toBe(400);
    const text = visibleText(bad.html);
    for (const message of ["Give the call a title.", "Choose a thematic area.", "Choose on site or online."]) expect(text).toContain(message);
    expect(text).toContain("Senior official with experience of asylum case management systems."); // the input is kept
    const inconsistent = await publish(organiserClient, { level0: "Z9", deadline: "2030-04-01", missionEnd: "2030-03-01" });
    expect(inconsistent.res.status).toBe(400);
    const text2 = visibleText(inconsistent.html);
    for (const message of ["Choose the level needed.", "The mission ends before it starts.", "The deadline must be on or before the mission's start."]) expect(text2).toContain(message);
    expect(await prisma.expertCall.count()).toBe(0);
  });

  it("notifies the roster experts who fit, and shows them to organisers, those not yet deployed first", async () => {
    const fits = await createExpert({ name: "Fiona Fits", areas: [AREA], languages: [{ language: "en", level: "C1" }], available: true });
    const deployed = await createExpert({ name: "Anna Deployed", areas: [AREA], languages: [{ language: "en", level: "native" }], available: true, availableUntil: new Date("2030-12-31T00:00:00Z") });
    await deploy(deployed.id, actionId);
    const hidden = await createExpert({ name: "Hanna Restricted", areas: [AREA], languages: [{ language: "en", level: "B2" }], available: true, visibility: "organisers_and_focal_points" });
    const misfits = await Promise.all([
      createExpert({ name: "Wrong Area", areas: ["Migration and development"], languages: [{ language: "en", level: "C2" }], available: true }),
      createExpert({ name: "Low Level", areas: [AREA], languages: [{ language: "en", level: "B1" }], available: true }),
      createExpert({ name: "Not Available", areas: [AREA], languages: [{ language: "en", level: "C2" }], available: false }),
      createExpert({ name: "Busy Until", areas: [AREA], languages: [{ language: "en", level: "C2" }], available: true, availableUntil: new Date("2030-02-15T00:00:00Z") }),
      createExpert({ name: "Still Pending", areas: [AREA], languages: [{ language: "en", level: "C2" }], available: true, status: "pending" }),
    ]);
    const { res, id } = await publish(organiserClient);
    expect(res.status).toBe(302);
    for (const user of [fits, deployed, hidden]) expect(await notificationsOf(user.id, "call_match"), user.name).toEqual([{ subjectUrl: `/calls/${id}`, message: "Your roster profile fits this call for experts." }]);
    for (const user of misfits) expect(await notificationsOf(user.id, "call_match"), user.name).toEqual([]);

    const page = visibleText((await organiserClient.page(`/calls/${id}`)).html);
    expect(page).toContain("Roster experts who fit (3)");
    expect(page.indexOf("Fiona Fits")).toBeLessThan(page.indexOf("Anna Deployed"));
    expect(page).toContain("Hanna Restricted");
    for (const user of misfits) expect(page).not.toContain(user.name);
    // Experts see the call, not the matching list.
    const expertPage = visibleText((await (await signedIn(fits)).page(`/calls/${id}`)).html);
    expect(expertPage).toContain("Asylum case management expert");
    expect(expertPage).toContain("Express your interest");
    expect(expertPage).not.toContain("Roster experts who fit");
    expect(visibleText((await (await signedIn(fits)).page("/calls")).html)).toContain("Asylum case management expert");
  });
});

describe("interest, endorsement and decisions", () => {
  let callId: string;
  let expert: Awaited<ReturnType<typeof createUser>>;
  let expertClient: TestClient;
  let focal: Awaited<ReturnType<typeof createUser>>;
  let otherFocal: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    callId = (await publish(organiserClient, { title: "Two data experts", expertsNeeded: "1", thematicArea: "Horizontal interventions (health, climate change, data, gender)" })).id!;
    expert = await createExpert({ name: "Piotr Expert", memberState: "PL" });
    expertClient = await signedIn(expert);
    focal = await createFocalPoint("PL", { name: "Paula Focal" });
    otherFocal = await createFocalPoint("DE", { name: "Dieter Focal" });
  });

  it("lets a roster expert express interest once (even twice at once), and tells the Focal Point of their Member State", async () => {
    const form = { intent: "interest", message: "I ran the national data exchange for six years.", availability: "The whole mission" };
    const [a, b] = await Promise.all([expertClient.post(`/calls/${callId}`, form), expertClient.post(`/calls/${callId}`, form)]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect(await prisma.callInterest.count({ where: { callId, expertId: expert.id } })).toBe(1);
    expect(await notificationsOf(focal.id, "call_interest")).toEqual([{ subjectUrl: `/calls/${callId}`, message: "Piotr Expert expressed interest in this call." }]);
    expect(await notificationsOf(otherFocal.id, "call_interest")).toEqual([]);
    const page = visibleText((await expertClient.page(`/calls/${callId}`)).html);
    expect(page).toContain("Your interest");
    expect(page).toContain("Status: Interested");
  });

  it("refuses members without an active roster profile and bad input, changing nothing", async () => {
    const member = await createUser({ role: "member" });
    const res = await (await signedIn(member)).post(`/calls/${callId}`, { intent: "interest", message: "I would like to help with this.", availability: "May" });
    expect(res.status).toBe(409);
    expect(visibleText(await res.text())).toContain("Only experts on the roster can express interest.");
    const other = await createExpert();
    const bad = await (await signedIn(other)).post(`/calls/${callId}`, { intent: "interest", message: "short", availability: "" });
    expect(bad.status).toBe(400);
    expect(visibleText(await bad.text())).toContain("Write a short message (at least 10 characters) on why you fit.");
    expect(await prisma.callInterest.count({ where: { callId, expertId: { in: [member.id, other.id] } } })).toBe(0);
  });

  it("lets experts withdraw before the deadline and express interest again", async () => {
    const second = await createExpert({ memberState: "PL" });
    const client = await signedIn(second);
    expect((await client.post(`/calls/${callId}`, { intent: "interest", message: "Statistics and data protection expert.", availability: "May" })).status).toBe(302);
    expect((await client.post(`/calls/${callId}`, { intent: "withdraw" })).status).toBe(302);
    expect((await prisma.callInterest.findFirstOrThrow({ where: { callId, expertId: second.id } })).status).toBe("withdrawn");
    expect((await client.post(`/calls/${callId}`, { intent: "withdraw" })).status).toBe(409);
    expect((await client.post(`/calls/${callId}`, { intent: "interest", message: "Back again with more availability.", availability: "April and May" })).status).toBe(302);
    expect((await prisma.callInterest.findFirstOrThrow({ where: { callId, expertId: second.id } })).status).toBe("interested");
    expect((await client.post(`/calls/${callId}`, { intent: "withdraw" })).status).toBe(302);
  });

  it("lets only the Focal Point of the expert's Member State endorse, and organisers see it", async () => {
    const interest = await prisma.callInterest.findFirstOrThrow({ where: { callId, expertId: expert.id } });
    const otherClient = await signedIn(otherFocal);
    expect(visibleText((await otherClient.page(`/calls/${callId}`)).html)).not.toContain("Piotr Expert");
    const refused = await otherClient.post(`/calls/${callId}`, { intent: "endorse", interestId: interest.id, endorsed: "yes", comment: "Not mine" });
    expect(refused.status).toBe(403);
    const focalClient = await signedIn(focal);
    expect(visibleText((await focalClient.page(`/calls/${callId}`)).html)).toContain("Piotr Expert");
    expect((await focalClient.post(`/calls/${callId}`, { intent: "endorse", interestId: interest.id, endorsed: "yes", comment: "Our best data person." })).status).toBe(302);
    const page = visibleText((await organiserClient.page(`/calls/${callId}`)).html);
    expect(page).toContain("Endorsed by Paula Focal");
    expect(page).toContain("Our best data person.");
  });

  it("lets only organisers decide; selecting notifies the expert, and two organisers cannot both select past the number needed", async () => {
    const interest = await prisma.callInterest.findFirstOrThrow({ where: { callId, expertId: expert.id } });
    const rival = await createExpert({ name: "Rita Rival" });
    const rivalClient = await signedIn(rival);
    await rivalClient.post(`/calls/${callId}`, { intent: "interest", message: "I also know data exchange well.", availability: "Any time" });
    const rivalInterest = await prisma.callInterest.findFirstOrThrow({ where: { callId, expertId: rival.id } });
    for (const client of [expertClient, await signedIn(focal)]) {
      expect((await client.post(`/calls/${callId}`, { intent: "select", interestId: interest.id, message: "" })).status).toBe(403);
    }
    expect((await organiserClient.post(`/calls/${callId}`, { intent: "shortlist", interestId: interest.id, message: "" })).status).toBe(302);
    const second = await signedIn(await createUser({ role: "organiser" }));
    const [a, b] = await Promise.all([
      organiserClient.post(`/calls/${callId}`, { intent: "select", interestId: interest.id, message: "Welcome to the team." }),
      second.post(`/calls/${callId}`, { intent: "select", interestId: rivalInterest.id, message: "Welcome aboard." }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect(await prisma.callInterest.count({ where: { callId, status: "selected" } })).toBe(1);
    expect((await prisma.expertCall.findUniqueOrThrow({ where: { id: callId } })).selectedCount).toBe(1);
    const winner = a.status === 302 ? { user: expert, interest } : { user: rival, interest: rivalInterest };
    const loser = a.status === 302 ? { user: rival, interest: rivalInterest } : { user: expert, interest };
    expect(await notificationsOf(winner.user.id, "call_selected")).toHaveLength(1);
    expect(await notificationsOf(loser.user.id, "call_selected")).toEqual([]);
    // The other is declined with a message, and told.
    expect((await organiserClient.post(`/calls/${callId}`, { intent: "decline", interestId: loser.interest.id, message: "Another profile fitted better." })).status).toBe(302);
    expect(await notificationsOf(loser.user.id, "call_declined")).toEqual([{ subjectUrl: `/calls/${callId}`, message: "Another profile fitted better." }]);
    expect((await organiserClient.post(`/calls/${callId}`, { intent: "decline", interestId: winner.interest.id, message: "" })).status).toBe(409);
  });

  it("records the deployment on the Action once the mission is confirmed, once", async () => {
    const selected = await prisma.callInterest.findFirstOrThrow({ where: { callId, status: "selected" } });
    expect((await organiserClient.post(`/calls/${callId}`, { intent: "confirm", interestId: selected.id, message: "" })).status).toBe(302);
    expect((await organiserClient.post(`/calls/${callId}`, { intent: "confirm", interestId: selected.id, message: "" })).status).toBe(409);
    const deployments = await prisma.deployment.findMany({ where: { expertId: selected.expertId, actionId } });
    expect(deployments).toHaveLength(1);
    expect(deployments[0].startDate.toISOString()).toBe("2030-03-02T00:00:00.000Z");
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: selected.expertId } })).deploymentCount).toBe(1);
  });

  it("exports the interests as CSV for organisers only, formulas neutralised", async () => {
    const sly = await createExpert({ name: "=HYPERLINK(\"x\")" });
    await (await signedIn(sly)).post(`/calls/${callId}`, { intent: "interest", message: "=1+1 is my favourite formula", availability: "@any time" });
    const res = await organiserClient.get(`/calls/${callId}/interests.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = await res.text();
    expect(csv.split("\n")[0]).toBe("name,email,member_state,institution,status,endorsed,focal_point_comment,message,availability,decision_message,deployed,expressed_at");
    expect(csv).toContain("Piotr Expert");
    expect(csv).toContain("'=1+1 is my favourite formula");
    expect(csv).toContain("'@any time");
    expect((await expertClient.get(`/calls/${callId}/interests.csv`)).status).toBe(403);
  });
});

describe("the deadline", () => {
  it("closes the call by itself: no more interests or withdrawals, and the page shows the outcome", async () => {
    const { id } = await publish(organiserClient, { title: "Short-notice trainer", deadline: "2030-01-20", missionStart: "2030-02-01", missionEnd: "" });
    const early = await createExpert({ name: "Erik Early" });
    const late = await createExpert({ name: "Laura Late" });
    const earlyClient = await signedIn(early);
    await earlyClient.post(`/calls/${id}`, { intent: "interest", message: "I have trained border officials.", availability: "February" });
    const interest = await prisma.callInterest.findFirstOrThrow({ where: { callId: id!, expertId: early.id } });
    await organiserClient.post(`/calls/${id}`, { intent: "select", interestId: interest.id, message: "" });

    // The last second of the deadline day is still open.
    now = new Date("2030-01-20T23:59:58Z");
    expect(visibleText((await earlyClient.page(`/calls/${id}`)).html)).toContain("Open until 2030-01-20");
    now = new Date("2030-01-21T00:00:00Z");
    const lateClient = await signedIn(late);
    const refused = await lateClient.post(`/calls/${id}`, { intent: "interest", message: "Sorry I am late to this.", availability: "February" });
    expect(refused.status).toBe(409);
    expect(visibleText(await refused.text())).toContain("This call closed at its deadline");
    expect((await earlyClient.post(`/calls/${id}`, { intent: "withdraw" })).status).toBe(409);
    expect(await prisma.callInterest.count({ where: { callId: id!, expertId: late.id } })).toBe(0);
    const page = visibleText((await lateClient.page(`/calls/${id}`)).html);
    expect(page).toContain("Closed on 2030-01-20");
    expect(page).toContain("1 expert expressed interest; 1 of 1 selected.");
    expect(page).toContain("Erik Early");
    expect(page).not.toContain("Express your interest");
    const list = visibleText((await lateClient.page("/calls")).html);
    expect(list.indexOf("Short-notice trainer")).toBeGreaterThan(list.indexOf("Closed calls"));
    now = new Date("2030-01-10T09:00:00Z");
  });
});
