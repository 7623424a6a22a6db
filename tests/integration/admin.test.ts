import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function as(role: "member" | "expert" | "focal_point" | "organiser" | "admin") {
  const user = await createUser({ role });
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

describe("admin", () => {
  it("is for organisers and admins only", async () => {
    for (const role of ["member", "expert", "focal_point"] as const) {
      const { client } = await as(role);
      const res = await client.get("/admin/users");
      expect(res.status, role).toBe(403);
      expect(visibleText(await res.text())).toContain("Not allowed");
    }
    const { client } = await as("organiser");
    expect((await client.get("/admin/users")).status).toBe(200);
    expect((await new TestClient(baseUrl).get("/admin")).status).toBe(302);
  });

  it("lets organisers hand out roster roles but not organiser or admin, and audits the change", async () => {
    const { user: organiser, client } = await as("organiser");
    const target = await createUser({ name: "Pieter de Vries", country: "NL" });
    const ok = await client.post("/admin/users", { userId: target.id, role: "focal_point" });
    expect(ok.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("focal_point");
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.role", targetId: target.id } });
    expect(entry.actorId).toBe(organiser.id);
    expect(JSON.parse(entry.data!)).toEqual({ from: "member", to: "focal_point" });

    await client.post("/admin/users", { userId: target.id, role: "admin" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("focal_point");
    await client.post("/admin/users", { userId: organiser.id, role: "expert" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: organiser.id } })).role).toBe("organiser");
    const bogus = await client.post("/admin/users", { userId: target.id, role: "emperor" });
    expect(bogus.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("focal_point");
  });

  it("lets admins make organisers", async () => {
    const { client } = await as("admin");
    const target = await createUser();
    await client.post("/admin/users", { userId: target.id, role: "organiser" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("organiser");
  });

  it("shows the outbox, and a failed email can be sent again from it", async () => {
    const { client } = await as("organiser");
    const mail = testContext().mail;
    const failed = await prisma.mailOutbox.create({
      data: { kind: "test", to: "stuck@example.org", subject: "Stuck message", html: "<p>hi</p>", text: "hi", status: "failed", attempts: 8, lastError: "550 mailbox unavailable" },
    });
    const page = await client.page("/admin/outbox?status=failed");
    const text = visibleText(page.html);
    expect(text).toContain("Stuck message");
    expect(text).toContain("Last error: 550 mailbox unavailable");
    await client.post("/admin/outbox?status=failed", { id: failed.id });
    await mail.waitFor((m) => m.to.includes("stuck@example.org"));
    await expect.poll(async () => (await prisma.mailOutbox.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("sent");
    const audit = await client.page("/admin/audit");
    expect(visibleText(audit.html)).toContain("mail.retry");
  });
});
