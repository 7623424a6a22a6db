import { describe, expect, it } from "vitest";
import { rosterStatistics } from "#app/modules/roster/stats.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { seedIfEmpty } from "#prisma/seed.ts";

describe("the demo content", () => {
  it("reproduces the network's published figures and gives every Action dates that hold its deployments", async () => {
    expect(await seedIfEmpty()).toBe(true);
    const stats = await rosterStatistics();
    // "Over 700 public officials from 26 EU Member States, 42 % women; half have been deployed."
    expect(stats.total).toBeGreaterThan(700);
    expect(stats.statesRepresented).toBe(26);
    expect(stats.women).toMatchObject({ shown: true, percent: 42 });
    expect(stats.deployed).toMatchObject({ shown: true, percent: 50 });

    const actions = await prisma.action.findMany({ select: { code: true, startDate: true, endDate: true, deployments: { select: { startDate: true } } } });
    // One Action per code: the Spotlights and the roster refer to the same ones.
    expect(actions.map((a) => a.code)).toContain("Azerbaijan V");
    expect(actions.map((a) => a.code)).not.toContain("Cameroon");
    for (const a of actions) {
      if (!a.deployments.length) continue;
      expect(a.startDate, `${a.code} has deployments, so it has a start`).not.toBeNull();
      for (const d of a.deployments) {
        expect(d.startDate.getTime(), a.code).toBeGreaterThanOrEqual(a.startDate!.getTime());
        if (a.endDate) expect(d.startDate.getTime(), a.code).toBeLessThanOrEqual(a.endDate.getTime());
      }
    }
  });
});
