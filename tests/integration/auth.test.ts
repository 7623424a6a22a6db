import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { linkIn } from "#tests/setup/mail-catcher.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
const mail = () => testContext().mail;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const signupForm = (email: string, extra: Record<string, string> = {}) => ({
  name: "Maria Keller",
  email,
  password: "a long and unusual passphrase",
  country: "AT",
  institution: "Federal Ministry of the Interior",
  acceptTerms: "on",
  ...extra,
});

describe("sign up and email verification", () => {
  it("creates an unverified account, emails a link, and the link confirms and logs in", async () => {
    const client = new TestClient(baseUrl);
    const res = await client.post("/signup", signupForm("maria.keller@example.org"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/check-email");
    expect(client.cookies.size).toBe(0);

    const message = await mail().waitFor((m) => m.to.includes("maria.keller@example.org"));
    expect(message.subject).toMatch(/confirm your email/i);
    expect(message.html).toContain("Confirm my email");
    const link = linkIn(message, "/verify-email");

    // Opening the link (as a mail scanner would) changes nothing; the button does.
    const page = await client.page(new URL(link).pathname + new URL(link).search);
    expect(visibleText(page.html)).toContain("Confirm my email");
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "maria.keller@example.org" } })).emailVerifiedAt).toBeNull();

    const verifyPath = new URL(link).pathname + new URL(link).search;
    const confirm = await client.post(verifyPath, { token: new URL(link).searchParams.get("token")! });
    expect(confirm.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "maria.keller@example.org" } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const home = await client.page("/");
    expect(visibleText(home.html)).toContain("Welcome, Maria");

    // The link is single-use.
    const again = await new TestClient(baseUrl).post(verifyPath, { token: new URL(link).searchParams.get("token")! });
    expect(again.status).toBe(400);
    expect(visibleText(await again.text())).toContain("already been used");
  });

  it("keeps what was typed and explains each invalid field, writing nothing", async () => {
    const client = new TestClient(baseUrl);
    const before = await prisma.user.count();
    const res = await client.post("/signup", signupForm("not-an-email", { password: "short", country: "", acceptTerms: "" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain("Enter a valid email address");
    expect(text).toContain("Choose your Member State or country");
    expect(text).toContain("Please accept the privacy notice");
    expect(html).toContain('value="Maria Keller"');
    expect(html).toContain('value="Federal Ministry of the Interior"');
    expect(html).not.toContain('value="short"');
    expect(await prisma.user.count()).toBe(before);
  });

  it("rejects common and short passwords with a clear message", async () => {
    const client = new TestClient(baseUrl);
    const short = await client.post("/signup", signupForm("short@example.org", { password: "abc" }));
    expect(visibleText(await short.text())).toContain("Use at least 12 characters");
    const common = await client.post("/signup", signupForm("common@example.org", { password: "password1234" }));
    expect(common.status).toBe(400);
    expect(visibleText(await common.text())).toMatch(/too common|common word/);
    expect(await prisma.user.count({ where: { email: { in: ["short@example.org", "common@example.org"] } } })).toBe(0);
  });

  it("answers a duplicate sign-up exactly like a new one and tells only the owner", async () => {
    const owner = await createUser({ email: "taken@example.org", name: "Olga Owner" });
    const client = new TestClient(baseUrl);
    const res = await client.post("/signup", signupForm("taken@example.org"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/check-email");
    const message = await mail().waitFor((m) => m.to.includes("taken@example.org"));
    expect(message.subject).toMatch(/already have/i);
    expect(await prisma.user.count({ where: { email: "taken@example.org" } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).name).toBe("Olga Owner");
  });
});

describe("log in, log out and sessions", () => {
  it("logs in with a fresh HttpOnly SameSite=Lax session cookie stored only as a hash", async () => {
    const user = await createUser();
    const client = new TestClient(baseUrl);
    const res = await logInAs(client, user);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("mieux_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const token = client.cookies.get("mieux_session")!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].id).not.toBe(token);
    expect(sessions[0].id).toMatch(/^[0-9a-f]{64}$/);

    // A second log-in makes a new session, never reuses one.
    const other = new TestClient(baseUrl);
    await logInAs(other, user);
    expect(other.cookies.get("mieux_session")).not.toBe(token);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await createUser();
    const client = new TestClient(baseUrl);
    const wrong = await client.post("/login", { email: user.email, password: "not the right password" });
    const unknown = await client.post("/login", { email: "nobody@example.org", password: "not the right password" });
    expect(wrong.status).toBe(unknown.status);
    const a = visibleText(await wrong.text());
    const b = visibleText(await unknown.text());
    expect(a).toContain("The email address or password is not right");
    expect(b).toContain("The email address or password is not right");
    expect(client.cookies.has("mieux_session")).toBe(false);
  });

  it("logs out on POST only, ending the session", async () => {
    const user = await createUser();
    const client = new TestClient(baseUrl);
    await logInAs(client, user);
    const get = await client.get("/logout");
    expect(get.status).toBe(200);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const post = await client.post("/logout", {});
    expect(post.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(client.cookies.has("mieux_session")).toBe(false);
  });

  it("refuses a cross-site form post before anything runs", async () => {
    const user = await createUser();
    const client = new TestClient(baseUrl);
    const res = await client.post("/login", { email: user.email, password: TEST_PASSWORD }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
  // Log-in limits (failures only, growing waits) are tested in auth-limits.test.ts.
});

describe("password reset", () => {
  it("emails a single-use link that sets a new password and ends every session", async () => {
    const user = await createUser({ email: "reset.me@example.org" });
    const device = new TestClient(baseUrl);
    await logInAs(device, user);

    const client = new TestClient(baseUrl);
    const res = await client.post("/forgot-password", { email: "reset.me@example.org" });
    expect(visibleText(await res.text())).toContain("a reset link is on its way");
    const message = await mail().waitFor((m) => m.to.includes("reset.me@example.org") && /reset/i.test(m.subject));
    const link = new URL(linkIn(message, "/reset-password"));
    const token = link.searchParams.get("token")!;

    const mismatch = await client.post(`/reset-password?token=${token}`, { token, password: "my brand new passphrase", confirmPassword: "something else entirely" });
    expect(visibleText(await mismatch.text())).toContain("The two passwords do not match");

    const ok = await client.post(`/reset-password?token=${token}`, { token, password: "my brand new passphrase", confirmPassword: "my brand new passphrase" });
    expect(ok.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await device.page("/settings")).url).toContain("/login");

    const reused = await client.post(`/reset-password?token=${token}`, { token, password: "another new passphrase", confirmPassword: "another new passphrase" });
    expect(visibleText(await reused.text())).toContain("already been used");

    await logInAs(new TestClient(baseUrl), user, "my brand new passphrase");
  });

  it("answers the same for unknown addresses and sends nothing", async () => {
    const before = await prisma.mailOutbox.count();
    const res = await new TestClient(baseUrl).post("/forgot-password", { email: "ghost@example.org" });
    expect(res.status).toBe(200);
    expect(visibleText(await res.text())).toContain("a reset link is on its way");
    expect(await prisma.mailOutbox.count()).toBe(before);
  });

  it("refuses an expired link", async () => {
    const user = await createUser({ email: "late@example.org" });
    await new TestClient(baseUrl).post("/forgot-password", { email: user.email });
    const message = await mail().waitFor((m) => m.to.includes("late@example.org"));
    const token = new URL(linkIn(message, "/reset-password")).searchParams.get("token")!;
    await prisma.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await new TestClient(baseUrl).page(`/reset-password?token=${token}`);
    expect(visibleText(page.html)).toContain("This reset link has expired");
  });
});

describe("server basics", () => {
  it("reports health and readiness", async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });

  it("shows a real 404 page for unknown addresses", async () => {
    const res = await fetch(`${baseUrl}/no/such/page`);
    expect(res.status).toBe(404);
    expect(visibleText(await res.text())).toContain("Page not found");
  });

  it("sends a nonce-based Content-Security-Policy", async () => {
    const res = await fetch(`${baseUrl}/login`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(await res.text()).toContain(`nonce="${nonce}"`);
  });

  it("refuses oversized bodies with a clear message", async () => {
    const res = await fetch(`${baseUrl}/login`, { method: "POST", headers: { "Content-Length": String(7 * 1024 * 1024), Origin: baseUrl }, body: "x".repeat(10) }).catch((e) => e);
    if (res instanceof Response) {
      expect(res.status).toBe(413);
      expect(await res.text()).toContain("too large");
    }
  });
});
