import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function organiserClient(name: string) {
  const user = await createUser({ role: "organiser", name });
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

describe("Admin → Audit log", () => {
  it("reads as sentences with names and links, and filters by who, kind and date", async () => {
    const { user: organiser, client } = await organiserClient("Lucas Moreau");
    const target = await createUser({ name: "Pieter de Vries", email: "pieter.devries@example.org", country: "NL" });
    expect((await client.post("/admin/users", { userId: target.id, role: "focal_point" })).status).toBe(302);

    const page = await client.page("/admin/audit");
    const text = visibleText(page.html);
    // (visibleText puts a space where the link ends.)
    expect(text).toMatch(/Lucas Moreau changed Pieter de Vries\s?'s role from Member to Focal Point\./);
    expect(page.html).toContain(`href="/admin/users?q=${encodeURIComponent("pieter.devries@example.org")}"`);
    expect(text).not.toContain('{"from"');
    expect(text).not.toContain(target.id);

    const roles = visibleText((await client.page(`/admin/audit?kind=roles&actor=${organiser.id}`)).html);
    expect(roles).toMatch(/changed Pieter de Vries\s?'s role/);
    expect(roles).not.toContain("logged in");
    const coffee = visibleText((await client.page("/admin/audit?kind=coffee")).html);
    expect(coffee).not.toContain("Pieter de Vries");
    const today = new Date().toISOString().slice(0, 10);
    expect(visibleText((await client.page(`/admin/audit?kind=roles&from=${today}&to=${today}`)).html)).toContain("Pieter de Vries");
    expect(visibleText((await client.page("/admin/audit?kind=roles&from=2999-01-01")).html)).toContain("0 events match");

    // A date that is not one: a clear message, and the log unfiltered rather than an error page.
    const bad = await client.page("/admin/audit?from=2024-13-45");
    expect(bad.res.status).toBe(200);
    expect(visibleText(bad.html)).toContain("That is not a real date. Showing every event.");
    expect(visibleText(bad.html)).toContain("Pieter de Vries");
    const backwards = visibleText((await client.page("/admin/audit?from=2025-02-01&to=2025-01-01")).html);
    expect(backwards).toContain("The first day must come before the last day.");
  });
});

describe("Admin → Focal Points", () => {
  it("warns before making an official of one Member State the Focal Point of another, and does it once confirmed", async () => {
    const { client } = await organiserClient("Aino Virtanen");
    await createUser({ name: "Ewa Nowak", email: "ewa.nowak@example.org", country: "PL", institution: "Office for Foreigners" });
    const form = { intent: "designate", email: "ewa.nowak@example.org", memberState: "CZ", level: "country" };

    const warned = await client.post("/admin/roster", form);
    expect(warned.status).toBe(400);
    const text = visibleText(await warned.text());
    expect(text).toContain("This person is an official of another Member State");
    expect(text).toContain("Ewa Nowak's account says they work for Poland. Tick this box if they should still be a Focal Point for Czechia.");
    expect(await prisma.focalPoint.count({ where: { user: { email: "ewa.nowak@example.org" } } })).toBe(0);

    const confirmed = await client.post("/admin/roster", { ...form, confirmOtherState: "on" });
    expect(confirmed.status).toBe(302);
    const fp = await prisma.focalPoint.findFirstOrThrow({ where: { user: { email: "ewa.nowak@example.org" } } });
    expect(fp.memberState).toBe("CZ");

    // Their own Member State needs no confirmation.
    const own = await client.post("/admin/roster", { ...form, memberState: "PL" });
    expect(own.status).toBe(302);
  });
});
