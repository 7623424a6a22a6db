import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe("email through the outbox with a real SMTP server", () => {
  it("loses nothing while SMTP refuses mail, and delivers once it accepts again", async () => {
    const mail = testContext().mail;
    mail.setFailing(true);
    await new TestClient(baseUrl).post("/signup", {
      name: "Sven Larsson",
      email: "sven.larsson@example.org",
      password: "northern lights over malmo",
      country: "SE",
      institution: "Swedish Migration Agency",
      acceptTerms: "on",
    });
    await expect.poll(async () => (await prisma.mailOutbox.findFirst({ where: { to: "sven.larsson@example.org" } }))?.lastError ?? null, { timeout: 10_000 }).not.toBeNull();
    const waiting = await prisma.mailOutbox.findFirstOrThrow({ where: { to: "sven.larsson@example.org" } });
    expect(waiting.status).toBe("pending");
    expect(waiting.lastError).toMatch(/421|unavailable/i);
    expect(mail.messages.filter((m) => m.to.includes("sven.larsson@example.org"))).toHaveLength(0);

    mail.setFailing(false);
    // Pretend the back-off has passed; the worker's next pass sends it.
    await prisma.mailOutbox.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date() } });
    const message = await mail.waitFor((m) => m.to.includes("sven.larsson@example.org"), { timeoutMs: 15_000 });
    expect(message.subject).toMatch(/confirm your email/i);
    expect(message.messageId).toContain(waiting.id);
    expect(message.html).toContain("Confirm my email");
    expect(message.text).toContain("/verify-email?token=");
    expect(message.from).toContain("no-reply@mieux.test");
    await expect.poll(async () => (await prisma.mailOutbox.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("sent");
  });
});
