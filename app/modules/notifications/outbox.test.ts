import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import type { MailTransport, OutgoingMail } from "#app/utils/mail.server.ts";
import { deliverDueMail, enqueueEmail, MAX_ATTEMPTS, retryDelayMs, retryMail } from "./outbox.server.ts";

function fakeSmtp() {
  const sent: OutgoingMail[] = [];
  let failing = false;
  const transport: MailTransport = {
    kind: "smtp",
    async send(mail) {
      if (failing) throw new Error("421 Service not available");
      sent.push(mail);
      return { messageId: `<${mail.outboxId}@test>` };
    },
    close() {},
  };
  return { transport, sent, fail: (v: boolean) => (failing = v) };
}

const message = (to: string) => ({ kind: "test", to, subject: "Hello", html: "<p>Hello</p>", text: "Hello" });

describe("mail outbox", () => {
  beforeEach(async () => {
    await prisma.mailOutbox.deleteMany();
  });

  it("backs off exponentially up to an hour", () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(5)).toBe(480_000);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it("keeps a message while the server is down and sends it once it is back", async () => {
    const smtp = fakeSmtp();
    await enqueueEmail(message("a@example.org"));
    smtp.fail(true);
    expect(await deliverDueMail({ transport: smtp.transport })).toMatchObject({ sent: 0, failed: 1 });
    const waiting = await prisma.mailOutbox.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: "421 Service not available" });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    smtp.fail(false);
    // Not due yet: nothing is sent early.
    expect(await deliverDueMail({ transport: smtp.transport })).toMatchObject({ sent: 0 });
    expect(await deliverDueMail({ transport: smtp.transport, now: new Date(Date.now() + 31_000) })).toMatchObject({ sent: 1 });
    expect(smtp.sent.map((m) => m.to)).toEqual(["a@example.org"]);
    expect(await prisma.mailOutbox.findFirstOrThrow()).toMatchObject({ status: "sent", lastError: null });
  });

  it("gives up after the last attempt, and an organiser can send it again", async () => {
    const smtp = fakeSmtp();
    const { id } = await enqueueEmail(message("b@example.org"));
    smtp.fail(true);
    await prisma.mailOutbox.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await deliverDueMail({ transport: smtp.transport });
    expect(await prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    smtp.fail(false);
    expect(await retryMail(id)).toBe(true);
    await deliverDueMail({ transport: smtp.transport });
    expect(await prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent" });
  });

  it("never sends a claimed message twice, and retries one whose sender died", async () => {
    const smtp = fakeSmtp();
    const { id } = await enqueueEmail(message("c@example.org"));
    // Another process claimed it a moment ago.
    await prisma.mailOutbox.update({ where: { id }, data: { status: "sending", lockedUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    expect(await deliverDueMail({ transport: smtp.transport })).toMatchObject({ sent: 0 });
    // That process died; once the claim expires the message goes out, exactly once.
    const later = new Date(Date.now() + 61_000);
    const [a, b] = await Promise.all([deliverDueMail({ transport: smtp.transport, now: later }), deliverDueMail({ transport: smtp.transport, now: later })]);
    expect(a.sent + b.sent).toBe(1);
    expect(smtp.sent).toHaveLength(1);
    expect(smtp.sent[0].outboxId).toBe(id);
  });

  it("drops a sent message's body (live links) and keeps what Admin shows", async () => {
    const smtp = fakeSmtp();
    const { id } = await enqueueEmail({ kind: "reset_password", to: "e@example.org", subject: "Reset your password", html: "<a href='/reset-password?token=live'>reset</a>", text: "/reset-password?token=live", calendar: { method: "REQUEST", content: "BEGIN:VCALENDAR" } });
    await deliverDueMail({ transport: smtp.transport });
    expect(smtp.sent[0].text).toContain("token=live");
    const row = await prisma.mailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", kind: "reset_password", to: "e@example.org", subject: "Reset your password", html: "", text: "", calendar: null });
    expect(row.sentAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain("token=live");
  });

  it("records the Message-ID before sending and resends after a crash with the same one", async () => {
    const smtp = fakeSmtp();
    const { id } = await enqueueEmail(message("f@example.org"));
    const recorded: (string | null)[] = [];
    const crashing: MailTransport = {
      ...smtp.transport,
      async send(mail) {
        recorded.push((await prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).messageId);
        await smtp.transport.send(mail); // the mail server has it…
        throw new Error("process killed"); // …and we die before marking it sent
      },
    };
    await deliverDueMail({ transport: crashing });
    // The worker that died left its claim; after it expires the message goes again, with the same ID.
    await prisma.mailOutbox.update({ where: { id }, data: { status: "sending", lockedUntil: new Date(Date.now() - 1) } });
    await deliverDueMail({ transport: smtp.transport });
    expect(recorded[0]).toMatch(new RegExp(`^<${id}@`));
    expect(smtp.sent.map((m) => m.outboxId)).toEqual([id, id]);
    expect((await prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).messageId).toBe(recorded[0]);
  });

  it("stores nothing when the surrounding transaction fails", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(message("d@example.org"), tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.mailOutbox.count()).toBe(0);
  });
});
