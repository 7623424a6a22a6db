import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { linkIn } from "#tests/setup/mail-catcher.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function loggedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

describe("settings", () => {
  it("sends people who are not logged in to the log-in page and back", async () => {
    const res = await new TestClient(baseUrl).get("/settings/security");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fsettings%2Fsecurity");
  });

  it("saves the profile, keeping typed values when something is wrong", async () => {
    const { user, client } = await loggedIn();
    const bad = await client.post("/settings?index", { name: "X", country: "ZZ", institution: "Ministry of Labour" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(visibleText(html)).toContain("Enter your full name");
    expect(visibleText(html)).toContain("Choose a country from the list");
    expect(html).toContain('value="Ministry of Labour"');
    const ok = await client.post("/settings?index", { name: "Jana Novak", country: "SI", institution: "Ministry of the Interior" });
    expect(ok.status).toBe(302);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Jana Novak", country: "SI" });
  });

  it("changes the password only with the current one, and signs out other devices", async () => {
    const { user, client } = await loggedIn();
    const otherDevice = new TestClient(baseUrl);
    await logInAs(otherDevice, user);
    const wrong = await client.post("/settings/security", { intent: "password", currentPassword: "wrong one here", password: "a fresh passphrase 7", confirmPassword: "a fresh passphrase 7" });
    expect(visibleText(await wrong.text())).toContain("Your current password is not right");
    const ok = await client.post("/settings/security", { intent: "password", currentPassword: TEST_PASSWORD, password: "a fresh passphrase 7", confirmPassword: "a fresh passphrase 7" });
    expect(ok.status).toBe(302);
    expect((await client.page("/settings/security")).url).toBe("/settings/security");
    expect((await otherDevice.page("/settings/security")).url).toContain("/login");
    await testContext().mail.waitFor((m) => m.to.includes(user.email) && /password was changed/i.test(m.subject));
  });

  it("changes the email after re-authentication and a link sent to the new address", async () => {
    const { user, client } = await loggedIn();
    const res = await client.post("/settings/security", { intent: "email", currentPassword: TEST_PASSWORD, email: "New.Address@Example.org" });
    expect(visibleText(await res.text())).toContain("Check new.address@example.org for a confirmation link");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const message = await testContext().mail.waitFor((m) => m.to.includes("new.address@example.org"));
    const link = new URL(linkIn(message, "/settings/email/confirm"));
    const confirm = await client.post(link.pathname + link.search, { token: link.searchParams.get("token")! });
    expect(confirm.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("new.address@example.org");
    await testContext().mail.waitFor((m) => m.to.includes(user.email) && /email address was changed/i.test(m.subject));
  });

  it("does not reveal that another account uses an address", async () => {
    const other = await createUser({ email: "already.here@example.org" });
    const { user, client } = await loggedIn();
    const res = await client.post("/settings/security", { intent: "email", currentPassword: TEST_PASSWORD, email: other.email });
    expect(visibleText(await res.text())).toContain("Check already.here@example.org for a confirmation link");
    const notice = await testContext().mail.waitFor((m) => m.to.includes("already.here@example.org"));
    expect(notice.subject).toMatch(/someone tried to use your email/i);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("lists sessions, signs out one device, then everywhere", async () => {
    const { user, client } = await loggedIn();
    const phone = new TestClient(baseUrl);
    await logInAs(phone, user);
    const page = await client.page("/settings/sessions");
    expect(visibleText(page.html)).toContain("This device");
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(2);
    const phoneSession = sessions.find((s) => page.html.includes(`value="${s.id}"`))!;
    await client.post("/settings/sessions", { sessionId: phoneSession.id });
    expect((await phone.page("/settings")).url).toContain("/login");
    expect((await client.page("/settings")).url).toBe("/settings");

    // Someone else's session id is not ours to end.
    const stranger = await loggedIn();
    const strangerSession = await prisma.session.findFirstOrThrow({ where: { userId: stranger.user.id } });
    await client.post("/settings/sessions", { sessionId: strangerSession.id });
    expect(await prisma.session.count({ where: { id: strangerSession.id } })).toBe(1);

    const everywhere = await client.post("/settings/sessions", { intent: "everywhere" });
    expect(everywhere.headers.get("location")).toBe("/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("exports the member's data as JSON", async () => {
    const { user, client } = await loggedIn({ name: "Export Person" });
    const res = await client.get("/settings/export");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const body = await res.json();
    expect(body.account).toMatchObject({ email: user.email, name: "Export Person" });
    expect(body.sessions).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain("passwordHash");
  });

  it("deletes the account after confirmation, anonymising it and ending every session", async () => {
    const { user, client } = await loggedIn();
    const noConfirm = await client.post("/settings/privacy", { confirm: "delete", password: TEST_PASSWORD });
    expect(visibleText(await noConfirm.text())).toContain("Type DELETE in capital letters");
    const wrongPassword = await client.post("/settings/privacy", { confirm: "DELETE", password: "not my password" });
    expect(visibleText(await wrongPassword.text())).toContain("Your password is not right");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
    const ok = await client.post("/settings/privacy", { confirm: "DELETE", password: TEST_PASSWORD });
    expect(ok.status).toBe(302);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ name: "Former member", passwordHash: null, country: null, institution: null });
    expect(after.email).not.toBe(user.email);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const again = await new TestClient(baseUrl).post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(again.status).toBe(400);
  });
});
