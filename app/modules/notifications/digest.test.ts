import { describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { digestWeek } from "./digest.server.ts";
import { unsubscribeToken, verifyUnsubscribeToken } from "./email-preferences.server.ts";

describe("digest weeks", () => {
  it("names the ISO week and its moment, including across a year's end", () => {
    const monday7 = { weekday: 1, hour: 7 };
    expect(digestWeek(new Date("2030-03-04T09:00:00Z"), monday7)).toEqual({ week: "2030-W10", dueAt: new Date("2030-03-04T07:00:00Z"), from: new Date("2030-02-25T07:00:00Z") });
    // Sunday night still belongs to the week that began on Monday.
    expect(digestWeek(new Date("2030-03-10T23:59:00Z"), monday7).week).toBe("2030-W10");
    // 31 December 2029 is a Monday of ISO week 2030-W01.
    expect(digestWeek(new Date("2029-12-31T08:00:00Z"), monday7).week).toBe("2030-W01");
    // Friday 16:00: the moment moves, the week does not.
    expect(digestWeek(new Date("2030-03-04T09:00:00Z"), { weekday: 5, hour: 16 }).dueAt).toEqual(new Date("2030-03-08T16:00:00Z"));
  });
});

describe("unsubscribe tokens", () => {
  it("verify for the member and scope they were made for, and for nothing else", async () => {
    const user = await prisma.user.create({ data: { email: `tok-${Date.now()}@example.org`, name: "Token Tester" } });
    const token = await unsubscribeToken(user.id, "mention");
    expect(await verifyUnsubscribeToken(token)).toEqual({ userId: user.id, scope: "mention" });
    expect(await verifyUnsubscribeToken(token.replace(".mention.", ".reply."))).toBeNull();
    expect(await verifyUnsubscribeToken(`${token}x`)).toBeNull();
    expect(await verifyUnsubscribeToken("")).toBeNull();
  });
});
