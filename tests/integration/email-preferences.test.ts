import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportUserData } from "#app/modules/auth/privacy.server.ts";
import { digestWeek, sendWeeklyDigests } from "#app/modules/notifications/digest.server.ts";
import { notify, transactionWithNotifications, type NotificationInput } from "#app/modules/notifications/notify.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createCoffee, outboxDrained } from "#tests/factories/coffee.ts";
import { createAction, createExpert } from "#tests/factories/roster.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import type { CaughtMail } from "#tests/setup/mail-catcher.ts";
import { ROOT } from "#tests/setup/paths.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const mail = () => testContext().mail;
const mailsTo = (email: string, pattern?: RegExp) => mail().messages.filter((m) => m.to.includes(email) && (!pattern || pattern.test(m.subject)));
/** A header as the mail server received it (the raw line, unfolded). */
const header = (m: CaughtMail, name: string) =>
  m.raw.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/\r?\n\s+/g, " ")
    .slice(name.length + 1)
    .trim() ?? null;
const outboxTo = (email: string) => prisma.mailOutbox.findMany({ where: { to: email }, select: { kind: true, subject: true } });

async function signedIn(user: { email: string }) {
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return client;
}

/** notify() in a write's transaction, the one way to notify (decision 132). */
const notifyNow = (input: NotificationInput | NotificationInput[]) => transactionWithNotifications((tx) => notify(input, tx));

const AREA = "International protection and asylum policy";
const subject = { type: "post", id: "p1", url: "/posts/p1", title: "Return counselling in practice" };

describe("immediate emails", () => {
  it("emails a call that fits an expert at once, through the real SMTP server, with one-click unsubscribe headers", async () => {
    const organiser = await createUser({ role: "organiser" });
    const action = await createAction({ code: "Mailland I" });
    const expert = await createExpert({ name: "Elena Email", areas: [AREA], languages: [{ language: "en", level: "C1" }], available: true });
    const client = await signedIn(organiser);
    const res = await client.post("/calls/new", {
      actionId: action.id, title: "Asylum reception expert", partnerCountry: "GE", region: "EU Neighbourhood", thematicArea: AREA,
      profileSought: "Senior official with experience of reception systems.", language0: "en", level0: "B2", language1: "", level1: "", language2: "", level2: "",
      expertsNeeded: "1", missionStart: "2030-03-02", missionEnd: "2030-03-06", format: "on_site", deadline: "2030-02-01",
    });
    expect(res.status).toBe(302);
    const callPath = res.headers.get("location");

    const email = await mail().waitFor((m) => m.to.includes(expert.email));
    expect(email.subject).toBe("A call for experts fits your roster profile: Asylum reception expert");
    expect(email.text).toContain(`${baseUrl}${callPath}`);
    expect(email.text).toContain(`${baseUrl}/settings/notifications`);
    const listUnsubscribe = header(email, "List-Unsubscribe");
    expect(listUnsubscribe).toMatch(new RegExp(`^<${baseUrl}/unsubscribe/[^>]+>$`));
    expect(header(email, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The same link is in the body, for people whose mail program shows no unsubscribe button.
    expect(email.text).toContain(listUnsubscribe!.slice(1, -1));
  });

  it("renders a message once for many readers, yet each copy names its reader and carries their own unsubscribe link", async () => {
    const a = await createUser({ name: "Seán O'Brien & Co <x>" });
    const b = await createUser({ name: "Beatrix Bauer" });
    await notifyNow([a, b].map((u) => ({ userId: u.id, kind: "call_match" as const, subject: { url: "/calls/shared", title: "Shared call" } })));
    const [ma, mb] = await Promise.all([mail().waitFor((m) => m.to.includes(a.email)), mail().waitFor((m) => m.to.includes(b.email))]);
    expect(ma.text).toContain("Hello Seán O'Brien & Co <x>,");
    expect(ma.html).toContain("Seán O&#x27;Brien &amp; Co &lt;x&gt;");
    expect(mb.text).toContain("Hello Beatrix Bauer,");
    for (const [m, u] of [[ma, a], [mb, b]] as const) {
      const link = header(m, "List-Unsubscribe")!.slice(1, -1);
      expect(link).toContain(`/unsubscribe/${u.id}.call_match.`);
      expect(m.text).toContain(link);
      expect(m.html).toContain(link);
      expect(`${m.text}${m.html}`).not.toMatch(/XRECIPIENTNAMEX|unsubscribe\.invalid/);
    }
  });

  it("keeps digest kinds for the digest, sends nothing for 'off', and nothing to unverified or deleted accounts (suspended ones get only the moderators' messages)", async () => {
    const member = await createUser();
    await notifyNow({ userId: member.id, kind: "mention", subject }); // a digest kind by default
    expect(await outboxTo(member.email)).toEqual([]);

    // Turned off in Settings → Notifications (the real form): nothing at all for that kind.
    const client = await signedIn(member);
    const form: Record<string, string> = { digest: "weekly" };
    const page = await client.page("/settings/notifications");
    for (const [, name] of page.html.matchAll(/type="radio" name="([a-z_]+)"/g)) form[name] ??= "immediate";
    form.roster_decision = "off";
    form.mention = "immediate";
    expect((await client.post("/settings/notifications", form)).status).toBe(302);
    await notifyNow({ userId: member.id, kind: "roster_decision", subject: { url: "/settings/roster", title: "Your application" } });
    expect(await outboxTo(member.email)).toEqual([]);
    // …and what they moved to "at once" now comes at once.
    await notifyNow({ userId: member.id, kind: "mention", subject });
    expect(await outboxTo(member.email)).toEqual([{ kind: "notification_mention", subject: "Someone mentioned you: Return counselling in practice" }]);

    const unverified = await createUser({ verified: false });
    const suspended = await createUser();
    await prisma.user.update({ where: { id: suspended.id }, data: { suspendedUntil: new Date(Date.now() + 86_400_000) } });
    const deleted = await createUser();
    await prisma.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await notifyNow([unverified, suspended, deleted].map((u) => ({ userId: u.id, kind: "roster_decision" as const, subject: { url: "/settings/roster", title: "Your application" } })));
    for (const u of [unverified, suspended, deleted]) expect(await outboxTo(u.email)).toEqual([]);
    // The in-app rows are there all the same.
    expect(await prisma.notification.count({ where: { userId: { in: [unverified.id, suspended.id] }, kind: "roster_decision" } })).toBe(2);
    // A suspended member still hears from the moderators: why they are suspended.
    await notifyNow({ userId: suspended.id, kind: "suspended", subject: { url: "/settings", title: "Your account is suspended until 3 December" }, message: "Repeated off-topic posts" });
    expect(await outboxTo(suspended.email)).toEqual([{ kind: "notification_suspended", subject: "Your account is suspended for a period: Your account is suspended until 3 December" }]);
  });

  it("refuses a settings form with a missing or unknown choice, changing nothing", async () => {
    const member = await createUser();
    const client = await signedIn(member);
    const res = await client.post("/settings/notifications", { digest: "weekly", mention: "sometimes" });
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain("Nothing was saved");
    expect(await prisma.emailPreference.count({ where: { userId: member.id } })).toBe(0);
    const page = visibleText((await client.page("/settings/notifications")).html);
    expect(page).toContain("A call for experts fits your roster profile");
    expect(page).toContain("Weekly digest");
  });
});

describe("unsubscribe without logging in", () => {
  async function tokenFor(kind: "call_match") {
    const member = await createUser();
    await notifyNow({ userId: member.id, kind, subject: { url: "/calls/x", title: "Migration data expert" } });
    const email = await mail().waitFor((m) => m.to.includes(member.email));
    const url = header(email, "List-Unsubscribe")!.slice(1, -1);
    return { member, path: new URL(url).pathname };
  }

  it("shows what stops on GET and changes nothing; the button's POST unsubscribes", async () => {
    const { member, path: link } = await tokenFor("call_match");
    const anonymous = new TestClient(baseUrl);
    const page = await anonymous.get(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    const text = visibleText(await page.text());
    expect(text).toContain("Stop receiving emails about: a call for experts fits your roster profile");
    expect(await prisma.emailPreference.count({ where: { userId: member.id } })).toBe(0);

    const done = await anonymous.post(link, {});
    expect(done.status).toBe(200);
    expect(visibleText(await done.text())).toContain("You are unsubscribed");
    expect(await prisma.emailPreference.findMany({ where: { userId: member.id }, select: { kind: true, delivery: true } })).toEqual([{ kind: "call_match", delivery: "off" }]);
    await notifyNow({ userId: member.id, kind: "call_match", subject: { url: "/calls/y", title: "Another call" } });
    expect(await prisma.mailOutbox.count({ where: { to: member.email } })).toBe(1); // only the first one
  });

  it("accepts the RFC 8058 one-click POST from a mail provider: no cookie, a foreign Origin", async () => {
    const { member, path: link } = await tokenFor("call_match");
    const res = await fetch(new URL(link, baseUrl), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.example.net" },
      body: "List-Unsubscribe=One-Click",
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    expect(await prisma.emailPreference.findUnique({ where: { userId_kind: { userId: member.id, kind: "call_match" } } })).toMatchObject({ delivery: "off" });
    // The exemption is this address only: other forms still refuse another site's Origin.
    const other = await new TestClient(baseUrl).post("/settings/notifications", { digest: "off" }, { origin: "https://mail.example.net" });
    expect(other.status).toBe(403);
  });

  it("refuses a forged or tampered token with a clear page, changing nothing", async () => {
    const { member, path: link } = await tokenFor("call_match");
    const victim = await createUser();
    const token = link.split("/").pop()!;
    const [userId, scope, signature] = token.split(".");
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    const forged = [
      `${userId}.${scope}.${flipped}`, // tampered signature
      `${victim.id}.${scope}.${signature}`, // someone else's account with this signature
      `${userId}.all.${signature}`, // a wider scope than signed
      "not-a-real-token",
    ];
    for (const bad of forged) {
      const get = await fetch(new URL(`/unsubscribe/${bad}`, baseUrl));
      expect(get.status, bad).toBe(400);
      expect(visibleText(await get.text())).toContain("This unsubscribe link is not valid");
      const post = await fetch(new URL(`/unsubscribe/${bad}`, baseUrl), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
      expect(post.status, bad).toBe(400);
    }
    expect(await prisma.emailPreference.count({ where: { userId: { in: [member.id, victim.id] } } })).toBe(0);
  });
});

describe("weekly digest", () => {
  // Monday 4 March 2030, 09:00 UTC: after the default moment (Monday 07:00 UTC) of ISO week 2030-W10.
  const NOW = new Date("2030-03-04T09:00:00Z");
  const IN_WEEK = new Date("2030-03-01T12:00:00Z");

  it("goes out exactly once per member for the week with two processes at once, without hidden content, and not twice on a re-run", async () => {
    expect(digestWeek(NOW)).toMatchObject({ week: "2030-W10", dueAt: new Date("2030-03-04T07:00:00Z") });
    const author = await createUser({ name: "Paula Poster" });
    const readers = await Promise.all(Array.from({ length: 40 }, () => createUser()));
    const optedOut = await createUser();
    await prisma.emailPreference.create({ data: { userId: optedOut.id, kind: "digest", delivery: "off" } });
    const visible = await prisma.post.create({ data: { authorId: author.id, title: "Labour migration pilot results", body: "Results.", createdAt: IN_WEEK } });
    await prisma.post.create({ data: { authorId: author.id, title: "A hidden post nobody should see", body: "x", createdAt: IN_WEEK, hiddenAt: IN_WEEK } });
    await prisma.post.create({ data: { authorId: author.id, title: "A deleted post nobody should see", body: "x", createdAt: IN_WEEK, deletedAt: IN_WEEK } });
    await prisma.post.create({ data: { authorId: author.id, title: "Last month's post", body: "x", createdAt: new Date("2030-02-01T00:00:00Z") } });
    await createCoffee({ title: "Morning Coffee on return", startsAt: new Date("2030-03-12T08:00:00Z") });
    await prisma.notification.create({ data: { userId: author.id, kind: "reply", subjectType: "post", subjectId: visible.id, subjectUrl: `/posts/${visible.id}`, subjectTitle: "Labour migration pilot results", createdAt: IN_WEEK } });

    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
    const outputs: string[] = [];
    const otherProcess = (startAt: number): ChildProcess => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/support/digest-process.ts"), NOW.toISOString(), String(startAt)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "ignore"] });
      child.stdout?.on("data", (chunk: Buffer) => outputs.push(chunk.toString().trim()));
      return child;
    };
    const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
    const together = Date.now() + 10_000;
    const [codeA, codeB, here] = await Promise.all([
      exited(otherProcess(together)),
      exited(otherProcess(together)),
      new Promise((r) => setTimeout(r, together - Date.now())).then(() => sendWeeklyDigests(NOW)),
    ]);
    expect([codeA, codeB]).toEqual([0, 0]);
    console.info(`[digest] this process: ${JSON.stringify(here)}; the two others: ${outputs.join(" ")}`);

    await outboxDrained(30_000);
    for (const person of [author, ...readers]) expect(mailsTo(person.email, /^Your MIEUX\+ Community week/), person.email).toHaveLength(1);
    expect(mailsTo(optedOut.email)).toHaveLength(0);
    const digest = mailsTo(readers[0].email, /week/)[0];
    expect(digest.subject).toContain("2030-W10");
    expect(digest.text).toContain("Labour migration pilot results");
    expect(digest.text).toContain("Morning Coffee on return");
    for (const never of ["A hidden post", "A deleted post", "Last month's post"]) expect(digest.text).not.toContain(never);
    expect(header(digest, "List-Unsubscribe")).toMatch(/^<http.*\/unsubscribe\/[^>]+\.digest\.[^>]+>$/);
    expect(header(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The author's own news: someone replied to their post.
    const authors = mailsTo(author.email, /week/)[0];
    expect(authors.text).toMatch(/what happened to your content/i);
    expect(authors.text).toContain("Someone replied to your post or comment");
    expect(digest.text).not.toMatch(/what happened to your content/i);

    // Running again this week (any process, any time later) sends nothing more.
    const again = await sendWeeklyDigests(new Date("2030-03-06T10:00:00Z"));
    expect(again.sent).toBe(0);
    await outboxDrained();
    for (const person of readers) expect(mailsTo(person.email, /week/)).toHaveLength(1);
  }, 120_000);

  it("sends nothing before its moment of the week, and nothing in an empty week", async () => {
    const member = await createUser();
    expect(await sendWeeklyDigests(new Date("2030-06-03T06:59:00Z"))).toMatchObject({ sent: 0, empty: 0 });
    const empty = await sendWeeklyDigests(new Date("2030-06-03T07:00:00Z"));
    expect(empty.sent).toBe(0);
    expect(empty.empty).toBeGreaterThan(0);
    expect(await prisma.digestClaim.findUnique({ where: { userId_week: { userId: member.id, week: "2030-W23" } } })).toMatchObject({ emailed: false });
    expect(await prisma.mailOutbox.count({ where: { to: member.email } })).toBe(0);
  });
});

describe("digest claims are pruned", () => {
  it("the digest job deletes claims of weeks more than eight weeks back and keeps the recent ones (injected clock)", async () => {
    const member = await createUser();
    // Wednesday 5 March 2031 is in ISO week 2031-W10; eight weeks before it is 2031-W02.
    const now = new Date("2031-03-05T09:00:00Z");
    expect(digestWeek(now).week).toBe("2031-W10");
    expect(digestWeek(new Date("2031-01-08T09:00:00Z")).week).toBe("2031-W02");
    await prisma.digestClaim.createMany({ data: ["2030-W50", "2031-W01", "2031-W02", "2031-W09"].map((week) => ({ userId: member.id, week, emailed: true })) });

    const result = await sendWeeklyDigests(now, { limit: 0 });
    expect(result.pruned).toBeGreaterThanOrEqual(2);
    const weeks = (await prisma.digestClaim.findMany({ where: { userId: member.id }, orderBy: { week: "asc" }, select: { week: true } })).map((c) => c.week);
    expect(weeks).toEqual(["2031-W02", "2031-W09"]);
  });
});

describe("GDPR", () => {
  it("exports and erases a member's email choices and digest records", async () => {
    const member = await createUser();
    await prisma.emailPreference.create({ data: { userId: member.id, kind: "mention", delivery: "off" } });
    await prisma.digestClaim.create({ data: { userId: member.id, week: "2030-W01", emailed: true } });
    const exported = (await exportUserData(member.id)) as unknown as { emailPreferences: { emailPreferences: { kind: string }[]; weeklyDigests: { week: string }[] } };
    expect(exported.emailPreferences.emailPreferences.map((p) => p.kind)).toEqual(["mention"]);
    expect(exported.emailPreferences.weeklyDigests.map((d) => d.week)).toEqual(["2030-W01"]);
    const client = await signedIn(member);
    const res = await client.post("/settings/privacy", { intent: "delete", password: "correct horse battery staple 42", confirm: "DELETE" });
    expect(res.status).toBeLessThan(400);
    expect(await prisma.emailPreference.count({ where: { userId: member.id } })).toBe(0);
    expect(await prisma.digestClaim.count({ where: { userId: member.id } })).toBe(0);
  });
});
