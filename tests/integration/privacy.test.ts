import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee, registerDirectly } from "#tests/factories/coffee.ts";
import { createPostRow } from "#tests/factories/posts.ts";
import { createAction, createExpert, createFocalPoint } from "#tests/factories/roster.ts";
import { logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { dataModel } from "#tests/setup/data-model.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const DAY = 86_400_000;

/** "Model.column" of every text column, in any table, that still contains one of `needles`. */
async function whereStillFound(needles: string[]) {
  const found: string[] = [];
  for (const [model, { fields }] of Object.entries(dataModel())) {
    const text = fields.filter((f) => f.kind === "scalar" && f.type === "String").map((f) => f.name);
    if (!text.length) continue;
    const delegate = (prisma as unknown as Record<string, { findMany(args: unknown): Promise<Record<string, unknown>[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    const rows = await delegate.findMany({ where: { OR: needles.flatMap((n) => text.map((f) => ({ [f]: { contains: n } }))) } });
    for (const row of rows) for (const f of text) if (needles.some((n) => String(row[f] ?? "").includes(n))) found.push(`${model}.${f}`);
  }
  return found;
}

/** An expert with something in every domain that holds personal data, each row marked with `tag`. */
async function memberEverywhere(tag: string) {
  const user = await createExpert({ name: `Mira ${tag}`, memberState: "SI" });
  const other = await createFocalPoint("SI");
  const action = await createAction();
  const coffee = await createCoffee();
  await registerDirectly(coffee.id, user.id);
  await prisma.coffeeFeedback.create({ data: { coffeeId: coffee.id, userId: user.id, rating: 5, comment: `feedback ${tag}` } });
  await prisma.coffeeSpeaker.create({ data: { coffeeId: coffee.id, userId: user.id, name: `Mira ${tag}` } });
  await prisma.coffeeCalendarFeed.create({ data: { userId: user.id, tokenHash: `hash-${tag}` } });
  const question = await prisma.qaQuestion.create({ data: { coffeeId: coffee.id, authorId: user.id, body: `question ${tag}` } });
  await prisma.qaVote.create({ data: { questionId: question.id, userId: user.id } });
  const post = await createPostRow({ authorId: user.id, title: `post ${tag}` });
  const othersPost = await createPostRow({ authorId: other.id, title: "Someone else's post" });
  await prisma.postComment.create({ data: { postId: othersPost.id, authorId: user.id, body: `comment ${tag}` } });
  await prisma.reaction.create({ data: { targetType: "post", targetId: othersPost.id, userId: user.id, kind: "like" } });
  await prisma.report.create({ data: { targetType: "post", targetId: othersPost.id, reporterId: user.id, reason: `report ${tag}` } });
  await prisma.notification.create({ data: { userId: user.id, actorId: other.id, kind: "comment", subjectUrl: `/posts/${post.id}`, subjectTitle: `notification ${tag}` } });
  await prisma.notification.create({ data: { userId: other.id, actorId: user.id, kind: "comment", subjectUrl: `/posts/${othersPost.id}`, subjectTitle: "A post of yours", message: `Mira ${tag} commented.` } });
  await prisma.rosterApplication.create({ data: { userId: user.id, memberState: "SI", reason: `application ${tag}` } });
  const call = await prisma.expertCall.create({
    data: { actionId: action.id, title: `call ${tag}`, partnerCountry: "MA", region: "Africa", thematicArea: "Legal migration and mobility", profileSought: "x", expertsNeeded: 1, missionStart: new Date(Date.now() + 30 * DAY), format: "remote", deadline: new Date(Date.now() + 10 * DAY) },
  });
  await prisma.callInterest.create({ data: { callId: call.id, expertId: user.id, message: `interest ${tag}`, availability: `available ${tag}` } });
  await prisma.exchangeRequest.create({
    data: { submitterId: user.id, memberState: "SI", topic: `request ${tag}`, euInstitutions: "x", partnerInstitutions: "y", thematicArea: "Legal migration and mobility", description: "z" },
  });
  await prisma.resource.create({ data: { title: `resource ${tag}`, topic: "labour_migration", createdById: user.id } });
  await prisma.spotlight.create({ data: { slug: `spotlight-${tag.toLowerCase()}`, title: `spotlight ${tag}`, createdById: user.id } });
  await prisma.mailOutbox.create({ data: { kind: "welcome", to: user.email, subject: `Welcome, Mira ${tag}`, html: "", text: "", status: "sent", sentAt: new Date() } });
  await prisma.mailOutbox.create({ data: { kind: "coffee_reminder", to: user.email, subject: "Starts soon", html: "<p>Mira</p>", text: "Mira", status: "pending", nextAttemptAt: new Date(Date.now() + DAY) } });
  return { user, other, post };
}

describe("GDPR export and deletion across every domain", () => {
  it("exports what every domain holds about the member", async () => {
    const { user } = await memberEverywhere("Export");
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    const body = await (await client.get("/settings/export")).json();
    expect(body.morningCoffee.registrations).toHaveLength(1);
    expect(body.morningCoffee.feedback[0].comment).toBe("feedback Export");
    expect(body.morningCoffee.speaking).toHaveLength(1);
    expect(body.morningCoffee.privateCalendarFeed).not.toBeNull();
    expect(body.qa.questions[0].body).toBe("question Export");
    expect(body.qa.votes).toHaveLength(1);
    expect(body.posts.posts[0].title).toBe("post Export");
    expect(body.posts.comments[0].body).toBe("comment Export");
    expect(body.posts.reactions).toMatchObject([{ kind: "like" }]);
    expect(body.posts.reports[0].reason).toBe("report Export");
    expect(body.notifications.received.map((n: { subjectTitle: string }) => n.subjectTitle)).toContain("notification Export");
    expect(body.expertRoster.profile.memberState).toBe("SI");
    expect(body.expertRoster.applications[0].reason).toBe("application Export");
    expect(body.callInterests.interests[0].message).toBe("interest Export");
    expect(body.exchangeRequests.submitted[0].topic).toBe("request Export");
    expect(body.resources.added[0].title).toBe("resource Export");
    expect(body.spotlights.written[0].title).toBe("spotlight Export");
  });

  it("leaves no personal data after deletion; what the member wrote stays, attributed to nobody", async () => {
    const { user, post } = await memberEverywhere("Erase");
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    expect((await client.post("/settings/privacy", { confirm: "DELETE", password: TEST_PASSWORD })).status).toBe(302);

    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ name: "Former member", passwordHash: null });
    expect(after.email).not.toBe(user.email);
    const id = user.id;
    // Personal records go.
    expect(await prisma.expertProfile.count({ where: { userId: id } })).toBe(0);
    expect(await prisma.rosterApplication.count({ where: { userId: id } })).toBe(0);
    expect(await prisma.reaction.count({ where: { userId: id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: id } })).toBe(0);
    expect(await prisma.notification.count({ where: { actorId: id } })).toBe(0);
    expect(await prisma.coffeeCalendarFeed.count({ where: { userId: id } })).toBe(0);
    expect(await prisma.callInterest.count({ where: { expertId: id } })).toBe(0);
    expect(await prisma.exchangeRequest.count({ where: { submitterId: id } })).toBe(0);
    expect(await prisma.report.count({ where: { reporterId: id } })).toBe(0);
    // Authored content stays, and the pages name "Former member", never the person.
    expect((await prisma.post.findUniqueOrThrow({ where: { id: post.id } })).authorId).toBe(id);
    expect(await prisma.report.count({ where: { reason: "report Erase" } })).toBe(1);
    expect(await prisma.exchangeRequest.count({ where: { topic: "request Erase" } })).toBe(1);
    const page = await (await new TestClient(baseUrl).get(`/posts/${post.id}`)).text();
    expect(page).toContain("Former member");
    expect(page).not.toContain("Mira Erase");
    // Nothing anywhere in the database still holds the name or the email address.
    expect(await whereStillFound([user.email, "Mira Erase"])).toEqual([]);
    // Mail not yet sent is dropped; the record of sent mail keeps no address or subject.
    expect(await prisma.mailOutbox.findMany({ where: { to: after.email }, select: { kind: true, subject: true } })).toEqual([{ kind: "welcome", subject: "(erased with the account)" }]);
  });
});
