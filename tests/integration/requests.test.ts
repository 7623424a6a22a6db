import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createAction, createExpert, createFocalPoint } from "#tests/factories/roster.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function signedIn(user: { email: string }) {
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return client;
}

const form = (overrides: Record<string, string> = {}) => ({
  topic: "Labour migration data exchange",
  euInstitutions: "Office for Foreigners (Poland)",
  partnerInstitutions: "State Migration Service of Azerbaijan",
  thematicArea: "Legal migration and mobility",
  description: "Both administrations want to compare how they collect and share labour migration statistics.",
  ...overrides,
});

async function submit(client: TestClient, overrides: Record<string, string> = {}) {
  const res = await client.post("/requests/new", form(overrides));
  return { res, id: /^\/requests\/([^/?#]+)$/.exec(res.headers.get("location") ?? "")?.[1] ?? null, html: res.status === 302 ? "" : await res.text() };
}

const updatesOf = (userId: string) => prisma.notification.findMany({ where: { userId, kind: "request_update" }, orderBy: { createdAt: "asc" }, select: { message: true, subjectUrl: true } });

describe("submitting a request", () => {
  it("lets Focal Points (for their own State) and roster experts submit; members cannot; bad input changes nothing", async () => {
    const focal = await createFocalPoint("PL");
    const focalClient = await signedIn(focal);
    const own = await submit(focalClient);
    expect(own.res.status).toBe(302);
    expect((await prisma.exchangeRequest.findUniqueOrThrow({ where: { id: own.id! } })).memberState).toBe("PL");
    expect((await submit(focalClient, { memberState: "DE" })).res.status).toBe(400);

    const expert = await createExpert({ memberState: "AT" });
    const expertSubmit = await submit(await signedIn(expert), { topic: "Return counselling practices" });
    expect(expertSubmit.res.status).toBe(302);
    expect((await prisma.exchangeRequest.findUniqueOrThrow({ where: { id: expertSubmit.id! } })).memberState).toBe("AT");

    const member = await createUser({ role: "member" });
    const memberClient = await signedIn(member);
    expect((await memberClient.get("/requests/new")).status).toBe(403);
    expect((await submit(memberClient)).res.status).toBe(403);

    const bad = await submit(focalClient, { topic: "x", thematicArea: "Cooking", description: "too short" });
    expect(bad.res.status).toBe(400);
    const text = visibleText(bad.html);
    for (const m of ["Give the topic in a few words (at least 5 characters).", "Choose a thematic area.", "Describe the exchange you have in mind (at least 20 characters)."]) expect(text).toContain(m);
    expect(await prisma.exchangeRequest.count({ where: { submitterId: { in: [focal.id, member.id] } } })).toBe(1);
  });

  it("shows each request to organisers, its submitter and its State's Focal Points only", async () => {
    const expert = await createExpert({ memberState: "FR" });
    const { id } = await submit(await signedIn(expert), { topic: "Visa facilitation for researchers" });
    const focalFr = await createFocalPoint("FR");
    const focalEs = await createFocalPoint("ES");
    const organiser = await createUser({ role: "organiser" });
    for (const user of [expert, focalFr, organiser]) expect((await (await signedIn(user)).get(`/requests/${id}`)).status, user.email).toBe(200);
    const other = await createExpert({ memberState: "FR" });
    for (const user of [focalEs, other]) {
      const client = await signedIn(user);
      expect((await client.get(`/requests/${id}`)).status).toBe(404);
      expect(visibleText((await client.page("/requests")).html)).not.toContain("Visa facilitation for researchers");
    }
  });
});

describe("moving a request along", () => {
  it("follows the states, tells the submitter and the Focal Point of each change, keeps internal notes internal, and links the Action", async () => {
    const expert = await createExpert({ memberState: "SI", name: "Sara Submitter" });
    const expertClient = await signedIn(expert);
    const focal = await createFocalPoint("SI");
    const { id } = await submit(expertClient, { topic: "Integration of returning migrants" });
    const organiser = await createUser({ role: "organiser", name: "Olga Organiser" });
    const org = await signedIn(organiser);
    const move = (status: string, comment = "") => org.post(`/requests/${id}`, { intent: "status", status, comment });

    // Forbidden jumps are refused with a message and change nothing.
    const jump = await move("done");
    expect(jump.status).toBe(409);
    expect(visibleText(await jump.text())).toContain("A request that is received cannot become done.");
    expect((await move("under_review", "We are looking at partners.")).status).toBe(302);
    expect((await move("accepted")).status).toBe(302);
    expect((await org.post(`/requests/${id}`, { intent: "comment", body: "Budget line 4 fits.", internal: "on" })).status).toBe(302);
    expect((await org.post(`/requests/${id}`, { intent: "comment", body: "We will propose dates soon." })).status).toBe(302);
    const action = await createAction({ code: "Slovenia Link I" });
    expect((await org.post(`/requests/${id}`, { intent: "link", actionId: action.id })).status).toBe(302);
    expect((await move("in_progress")).status).toBe(302);
    expect((await move("done")).status).toBe(302);
    expect((await move("declined")).status).toBe(409);

    const expected = [
      "Now under review: We are looking at partners.",
      "Now accepted.",
      "New comment: We will propose dates soon.",
      "Linked to the Action Slovenia Link I.",
      "Now in progress.",
      "Now done.",
    ];
    for (const user of [expert, focal]) expect((await updatesOf(user.id)).map((n) => n.message), user.email).toEqual(expected);
    expect(await updatesOf(organiser.id)).toEqual([]);

    const submitterView = visibleText((await expertClient.page(`/requests/${id}`)).html);
    expect(submitterView).toContain("Done");
    expect(submitterView).toContain("We will propose dates soon.");
    expect(submitterView).toContain("Slovenia Link I");
    expect(submitterView).not.toContain("Budget line 4 fits.");
    const organiserView = visibleText((await org.page(`/requests/${id}`)).html);
    expect(organiserView).toContain("Internal note");
    expect(organiserView).toContain("Budget line 4 fits.");
  });

  it("lets only organisers move, comment and link; a declined request cannot be linked; two organisers cannot both move it", async () => {
    const focal = await createFocalPoint("HR");
    const focalClient = await signedIn(focal);
    const { id } = await submit(focalClient, { topic: "Asylum reception standards" });
    const attempts: Record<string, string>[] = [{ intent: "status", status: "under_review" }, { intent: "comment", body: "Hello" }, { intent: "link", actionId: "" }];
    for (const body of attempts) {
      expect((await focalClient.post(`/requests/${id}`, body)).status).toBe(403);
    }
    const a = await signedIn(await createUser({ role: "organiser" }));
    const b = await signedIn(await createUser({ role: "organiser" }));
    const [r1, r2] = await Promise.all([a.post(`/requests/${id}`, { intent: "status", status: "under_review" }), b.post(`/requests/${id}`, { intent: "status", status: "under_review" })]);
    expect([r1.status, r2.status].sort()).toEqual([302, 409]);
    expect(await prisma.requestComment.count({ where: { requestId: id!, toStatus: "under_review" } })).toBe(1);
    expect((await a.post(`/requests/${id}`, { intent: "status", status: "declined", comment: "Out of scope." })).status).toBe(302);
    const link = await a.post(`/requests/${id}`, { intent: "link", actionId: "" });
    expect(link.status).toBe(409);
    expect((await prisma.exchangeRequest.findUniqueOrThrow({ where: { id: id! } })).status).toBe("declined");
    expect((await a.post(`/requests/${id}`, { intent: "status", status: "bogus" })).status).toBe(400);
  });
});

describe("privacy", () => {
  it("puts a member's call interests and requests in their data export, and erases them with the account", async () => {
    const expert = await createExpert({ memberState: "LT" });
    const client = await signedIn(expert);
    const { id: requestId } = await submit(client, { topic: "Border management training exchange" });
    const action = await createAction();
    const call = await prisma.expertCall.create({
      data: { actionId: action.id, title: "Open call for privacy", partnerCountry: "UG", region: "Africa", thematicArea: "Legal migration and mobility", profileSought: "Anyone", expertsNeeded: 1, missionStart: new Date("2099-02-01T00:00:00Z"), format: "online", deadline: new Date("2099-01-01T00:00:00Z") },
    });
    expect((await client.post(`/calls/${call.id}`, { intent: "interest", message: "My private motivation text.", availability: "Weekends only" })).status).toBe(302);

    const exported = await (await client.get("/settings/export")).json();
    expect(exported.callInterests.interests).toMatchObject([{ message: "My private motivation text.", availability: "Weekends only", call: { title: "Open call for privacy" } }]);
    expect(exported.exchangeRequests.submitted).toMatchObject([{ topic: "Border management training exchange" }]);

    expect((await client.post("/settings/privacy", { confirm: "DELETE", password: TEST_PASSWORD })).status).toBe(302);
    expect(await prisma.callInterest.count({ where: { expertId: expert.id } })).toBe(0);
    expect((await prisma.exchangeRequest.findUniqueOrThrow({ where: { id: requestId! } })).submitterId).toBeNull();
  });
});
