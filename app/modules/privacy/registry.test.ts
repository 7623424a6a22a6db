import { describe, expect, it } from "vitest";
import { dataModel } from "#tests/setup/data-model.ts";
import { NOT_IN_REGISTRY, PRIVACY_REGISTRY } from "./registry.server.ts";

/** Every "Model.field" relation that points at a User row. */
function relationsToUser() {
  return Object.entries(dataModel())
    .filter(([model]) => model !== "User")
    .flatMap(([model, { fields }]) => fields.filter((f) => f.kind === "object" && f.type === "User").map((f) => `${model}.${f.name}`))
    .sort();
}

describe("GDPR registry", () => {
  it("finds the relations to User in the generated data model", () => {
    // Guards the derivation itself: if it found nothing, the next test would pass vacuously.
    expect(relationsToUser()).toEqual(expect.arrayContaining(["Session.user", "Post.author", "CoffeeRegistration.user"]));
  });

  it("covers every relation to User with an exporter and an eraser, or names why not", () => {
    const covered = new Set(PRIVACY_REGISTRY.flatMap((e) => e.covers));
    const missing = relationsToUser().filter((r) => !covered.has(r) && !(r in NOT_IN_REGISTRY));
    expect(missing, "Add these to PRIVACY_REGISTRY (exporter + eraser) or NOT_IN_REGISTRY with a reason").toEqual([]);
  });

  it("lists nothing that is not a relation to User, and nothing twice", () => {
    const all = [...PRIVACY_REGISTRY.flatMap((e) => e.covers), ...Object.keys(NOT_IN_REGISTRY)];
    expect(all.filter((r) => !relationsToUser().includes(r))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(PRIVACY_REGISTRY.map((e) => e.name)).size).toBe(PRIVACY_REGISTRY.length);
  });

  it("gives every entry an exporter and an eraser (or a stated reason to keep)", () => {
    for (const entry of PRIVACY_REGISTRY) {
      expect(typeof entry.exportData, entry.name).toBe("function");
      if (typeof entry.erase !== "function") expect(entry.erase.keep.length, entry.name).toBeGreaterThan(10);
      for (const reason of Object.values(NOT_IN_REGISTRY)) expect(reason.length).toBeGreaterThan(10);
    }
  });
});
