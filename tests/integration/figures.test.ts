import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createAction, createExpert, deploy } from "#tests/factories/roster.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

/** The "label → value" pairs of a page's figures (<dt>label</dt><dd>value</dd>). */
async function figuresOn(path: string) {
  const { html } = await new TestClient(baseUrl).page(path);
  const pairs = [...html.matchAll(/<dt[^>]*>([^<]+)<\/dt><dd[^>]*>([^<]+)<\/dd>/g)].map((m) => [m[1].trim(), m[2].trim()] as const);
  return Object.fromEntries(pairs);
}

describe("the network in figures", () => {
  it("shows on the home page the same figures as the statistics page, computed from the roster, and follows the data", async () => {
    const action = await createAction({ code: "Azerbaijan V" });
    const states = ["EE", "PL", "ES", "IT", "DE", "FR"];
    for (let i = 0; i < 12; i++) {
      const expert = await createExpert({ memberState: states[i % states.length], gender: i < 6 ? "female" : "male" });
      if (i % 2 === 0) await deploy(expert.id, action.id);
    }
    const home = await figuresOn("/");
    const stats = await figuresOn("/roster/stats");
    expect(home["experts registered on the roster"]).toBe(String(await prisma.expertProfile.count({ where: { status: "active" } })));
    expect(home).toEqual({
      "experts registered on the roster": "12",
      "EU Member States represented": "6 of 27",
      "of experts deployed on at least one Action": "50%",
      "of experts are women": "50%",
    });
    for (const [label, value] of Object.entries(home)) expect(stats[label], label).toBe(value);

    // One more expert, a woman from a seventh Member State: both pages move at once.
    await createExpert({ memberState: "SI", gender: "female" });
    const after = await figuresOn("/");
    expect(after["experts registered on the roster"]).toBe("13");
    expect(after["EU Member States represented"]).toBe("7 of 27");
    expect(after["of experts are women"]).toBe("54%");
    const statsAfter = await figuresOn("/roster/stats");
    for (const [label, value] of Object.entries(after)) expect(statsAfter[label], label).toBe(value);
  });
});
