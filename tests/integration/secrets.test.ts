import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { TestClient } from "#tests/setup/http-client.ts";

// The app as an operator runs it (production build, its own process), logging every request,
// without SMTP_URL: mail goes to data/mail, which is where this test reads its links.
let app: AppProcess;
beforeAll(async () => {
  app = await startAppProcess({ name: "secrets", env: { SMTP_URL: "", LOG_LEVEL: "info" } });
}, 90_000);
afterAll(async () => {
  await app?.stop();
});

async function mailTo(email: string, subject: RegExp) {
  const dir = path.join(app.dataDir, "mail");
  for (let i = 0; i < 100; i++) {
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      if (mail.subject && subject.test(mail.subject) && JSON.stringify(mail.to).includes(email)) return mail.text ?? "";
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail "${subject}" for ${email}`);
}

const tokenIn = (text: string, route: string) => {
  const link = text.match(new RegExp(`https?://\\S+${route}\\?token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`no ${route} link in:\n${text}`);
  return { path: new URL(link).pathname + new URL(link).search, token: new URL(link).searchParams.get("token")! };
};

describe("secrets in logs and at rest", () => {
  it("keeps no live token in the request log or the database after sign-up, verification, reset and a calendar poll", async () => {
    const email = "secret.keeper@example.org";
    const secrets: string[] = [];
    const client = new TestClient(app.url);
    const signup = await client.post("/signup", { name: "Secret Keeper", email, password: "first long passphrase 1", country: "AT", institution: "Federal Ministry of the Interior", acceptTerms: "on" });
    expect(signup.status).toBe(302);

    // Verify (the link also logs in).
    const verify = tokenIn(await mailTo(email, /confirm|verify/i), "/verify-email");
    secrets.push(verify.token);
    expect((await client.get(verify.path)).status).toBe(200);
    expect((await client.post("/verify-email", { token: verify.token })).status).toBe(302);

    // Reset the password from a fresh browser.
    const stranger = new TestClient(app.url);
    await stranger.post("/forgot-password", { email });
    const reset = tokenIn(await mailTo(email, /reset/i), "/reset-password");
    secrets.push(reset.token);
    expect((await stranger.get(reset.path)).status).toBe(200);
    const newPassword = "second long passphrase 2";
    expect((await stranger.post("/reset-password", { token: reset.token, password: newPassword, confirmPassword: newPassword })).status).toBe(302);

    // Sign in again, make a private calendar address and poll it as a calendar app would.
    const member = new TestClient(app.url);
    expect((await member.post("/login", { email, password: newPassword })).status).toBe(302);
    secrets.push(member.cookies.get("mieux_session")!);
    const created = await (await member.post("/settings/calendar", { intent: "rotate" })).text();
    const feedPath = created.match(/\/calendar\/([\w-]{20,})\.ics/);
    expect(feedPath).not.toBeNull();
    secrets.push(feedPath![1]);
    for (let i = 0; i < 2; i++) expect((await fetch(`${app.url}${feedPath![0]}`)).status).toBe(200);

    // Every mail has gone out (the outbox keeps no body once sent).
    const db = new Database(app.databaseUrl.slice("file:".length), { readonly: true });
    await expect.poll(() => (db.prepare("SELECT COUNT(*) AS n FROM MailOutbox WHERE status != 'sent'").get() as { n: number }).n, { timeout: 10_000 }).toBe(0);
    expect((db.prepare("SELECT COUNT(*) AS n FROM MailOutbox").get() as { n: number }).n).toBeGreaterThanOrEqual(2);

    // The requests were logged, with their secrets redacted.
    await new Promise((r) => setTimeout(r, 200));
    const log = app.output();
    expect(log).toContain("/verify-email?token=[redacted]");
    expect(log).toContain("/reset-password?token=[redacted]");
    expect(log).toContain("/calendar/[redacted].ics");
    // Without SMTP_URL and outside development, the mail log line names the file but not its links.
    expect(log).toContain("mail written to data/mail");

    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const everyRow = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join("\n");
    db.close();
    expect(secrets.length).toBe(4);
    for (const secret of secrets) {
      expect(log.includes(secret), `log holds ${secret.slice(0, 6)}…`).toBe(false);
      expect(everyRow.includes(secret), `database holds ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
