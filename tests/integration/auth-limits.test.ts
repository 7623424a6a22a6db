import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetPassword } from "#app/modules/auth/accounts.server.ts";
import { issueEmailToken } from "#app/modules/auth/email-tokens.server.ts";
import { workPasswordResetRequests } from "#app/modules/auth/reset-requests.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";
import { waitUntil } from "#tests/factories/qa.ts";

let baseUrl: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

afterEach(() => {
  vi.useRealTimers();
});

/** Several people behind one address (a ministry's proxy). */
function clientFrom(ip: string) {
  const client = new TestClient(baseUrl);
  Object.defineProperty(client, "ip", { value: ip });
  return client;
}

/** Moves the clock forward without waiting (rate-limit windows read Date). */
function advanceClock(seconds: number) {
  vi.setSystemTime(Date.now() + seconds * 1000);
}

describe("log-in limits count failures and slow them down, never lock", () => {
  it("lets colleagues behind one address log in as often as they like", async () => {
    const colleagues = await Promise.all([createUser(), createUser(), createUser()]);
    for (let i = 0; i < 36; i++) {
      const res = await clientFrom("10.200.0.1").post("/login", { email: colleagues[i % 3].email, password: TEST_PASSWORD });
      expect(res.status, `log-in ${i + 1}`).toBe(302);
    }
  }, 120_000);

  it("makes the account wait longer after each wrong password, and lets the owner in after the wait", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const owner = await createUser();
    const waits: number[] = [];
    let failures = 0;
    while (failures < 10) {
      // A stranger, from a new address each time, guessing.
      const res = await new TestClient(baseUrl).post("/login", { email: owner.email, password: "a wrong guess at it" });
      if (res.status === 429) {
        const wait = Number(res.headers.get("retry-after"));
        waits.push(wait);
        advanceClock(wait);
        continue;
      }
      expect(res.status).toBe(400);
      failures++;
    }
    // No wait for the first five failures, then 1, 2, 4, 8 seconds between guesses.
    expect(waits).toEqual([1, 2, 4, 8]);

    // The owner, meanwhile, is asked to wait (16 s after the tenth failure), told how long, and gets in after it.
    const owners = new TestClient(baseUrl);
    const held = await owners.post("/login", { email: owner.email, password: TEST_PASSWORD });
    expect(held.status).toBe(429);
    expect(held.headers.get("retry-after")).toBe("16");
    expect(visibleText(await held.text())).toContain("Too many failed log-ins. Please wait 16 seconds and try again.");
    expect(await prisma.session.count({ where: { userId: owner.id } })).toBe(0);
    advanceClock(16);
    await logInAs(owners, owner);

    // Logging in clears the account's failures: one typo afterwards costs no wait.
    const typo = await new TestClient(baseUrl).post("/login", { email: owner.email, password: "one typo in it" });
    expect(typo.status).toBe(400);
    await logInAs(new TestClient(baseUrl), owner);
  }, 120_000);

  it("caps an account's wait at one minute however many guesses a stranger makes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const owner = await createUser();
    let longest = 0;
    for (let failures = 0; failures < 14; ) {
      const res = await new TestClient(baseUrl).post("/login", { email: owner.email, password: "still guessing wrongly" });
      if (res.status === 429) {
        longest = Math.max(longest, Number(res.headers.get("retry-after")));
        advanceClock(Number(res.headers.get("retry-after")));
      } else failures++;
    }
    expect(longest).toBe(60);
    const res = await new TestClient(baseUrl).post("/login", { email: owner.email, password: TEST_PASSWORD });
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    advanceClock(60);
    await logInAs(new TestClient(baseUrl), owner);
  }, 120_000);

  it("answers unknown addresses exactly like known ones while they wait", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const known = await createUser();
    const statuses = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i < 7; i++) seen.push((await new TestClient(baseUrl).post("/login", { email, password: "not the password" })).status);
      return seen;
    };
    expect(await statuses("nobody.here@example.org")).toEqual(await statuses(known.email));
  });
});

describe("password reset requests", () => {
  /** The response with what legitimately differs per request (nonces, request ids, dates, the echoed address) blanked. */
  async function comparable(res: Response, email: string) {
    const body = (await res.text()).replaceAll(email, "EMAIL").replace(/nonce(=|-)"?[A-Za-z0-9+/=_-]+"?/g, "nonce");
    const headers = [...res.headers]
      .filter(([name]) => !["date", "x-request-id"].includes(name))
      .map(([name, value]) => [name, value.replace(/nonce-[A-Za-z0-9+/=_-]+/g, "nonce")]);
    return { status: res.status, headers, body };
  }

  it("gives known and unknown addresses the same response; the job emails the account through SMTP and nothing for the unknown address", async () => {
    const mail = testContext().mail;
    const user = await createUser({ email: "forgetful@example.org" });
    const before = await prisma.mailOutbox.count();
    const knownRes = await new TestClient(baseUrl).post("/forgot-password", { email: "  Forgetful@Example.org " });
    const unknownRes = await new TestClient(baseUrl).post("/forgot-password", { email: "unknown01@example.org" });
    const known = await comparable(knownRes, user.email);
    const unknown = await comparable(unknownRes, "unknown01@example.org");
    expect(known.status).toBe(200);
    expect(unknown).toEqual(known);
    expect(visibleText(known.body)).toContain("a reset link is on its way");

    // The outbox worker claims both requests: the account's link arrives at the SMTP server.
    const sent = await mail.waitFor((m) => m.to.includes(user.email) && /reset/i.test(m.subject));
    expect(sent.text).toMatch(/\/reset-password\?token=/);
    await waitUntil(async () => (await prisma.passwordResetRequest.count()) === 0, { what: "both requests to be worked" });
    expect(mail.messages.some((m) => m.to.includes("unknown01@example.org"))).toBe(false);
    expect(await prisma.mailOutbox.count()).toBe(before + 1);
  });

  it("works a request written before a crash, exactly once, with several workers at once", async () => {
    const mail = testContext().mail;
    const user = await createUser({ email: "crashed.before.sending@example.org" });
    // What a process that crashed right after answering leaves behind: the row, nothing else.
    await prisma.passwordResetRequest.create({ data: { email: user.email } });
    // Three workers (besides the server's own) race for it; each claim is a delete in its own transaction.
    const results = await Promise.all([workPasswordResetRequests(), workPasswordResetRequests(), workPasswordResetRequests()]);
    const sent = await mail.waitFor((m) => m.to.includes(user.email));
    expect(sent.subject).toMatch(/reset/i);
    expect(results.reduce((n, r) => n + r.worked, 0)).toBeLessThanOrEqual(1);
    expect(await prisma.mailOutbox.count({ where: { to: user.email, kind: "reset_password" } })).toBe(1);
    expect(await prisma.emailToken.count({ where: { userId: user.id, purpose: "reset_password" } })).toBe(1);
    expect(await prisma.passwordResetRequest.count()).toBe(0);
  });
});

describe("choosing a new password from a link", () => {
  it("checks the link before hashing the password", async () => {
    const user = await createUser();
    let hashes = 0;
    const countingHash = async (password: string) => {
      hashes++;
      const { hashPassword } = await import("#app/modules/auth/password.server.ts");
      return hashPassword(password);
    };
    const forged = await resetPassword("forged-token-that-is-long-enough", "a brand new passphrase here", {}, countingHash);
    expect(forged.ok).toBe(false);
    expect(hashes).toBe(0);

    const token = await issueEmailToken(prisma, { userId: user.id, purpose: "reset_password" });
    const weak = await resetPassword(token, "password1234", {}, countingHash);
    expect(weak.ok).toBe(false);
    expect(hashes).toBe(0);

    const done = await resetPassword(token, "a brand new passphrase here", {}, countingHash);
    expect(done.ok).toBe(true);
    expect(hashes).toBe(1);
    await logInAs(new TestClient(baseUrl), user, "a brand new passphrase here");
  });

  it("limits how many links one address may try", async () => {
    const client = new TestClient(baseUrl);
    const form = { token: "guessed-token-0000000000", password: "a brand new passphrase here", confirmPassword: "a brand new passphrase here" };
    for (let i = 0; i < 20; i++) {
      const res = await client.post("/reset-password", { ...form, token: `guessed-token-${i}-0000000000` });
      expect(res.status).toBe(400);
    }
    // Even a real link waits now; its owner is told how long, and nothing changes.
    const user = await createUser();
    const token = await issueEmailToken(prisma, { userId: user.id, purpose: "reset_password" });
    const limited = await client.post(`/reset-password?token=${token}`, { ...form, token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(visibleText(await limited.text())).toContain("Too many attempts. Please wait");
    await logInAs(new TestClient(baseUrl), user);
  });
});
