import { beforeAll, describe, expect, it } from "vitest";
import { canSeeProfile, visibleProfilesWhere, type RosterViewer } from "#app/modules/roster/access.server.ts";
import { searchDirectory } from "#app/modules/roster/directory.server.ts";
import type { DirectoryQuery } from "#app/modules/roster/directory-query.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createExpert } from "#tests/factories/roster.ts";
import { createUser } from "#tests/factories/users.ts";

/**
 * Who may see an expert profile is one rule in two forms: a Prisma `where` for lists and a
 * predicate for one profile in hand (profile page, photo, directory index). They must agree for
 * every combination of viewer, visibility, status and Member State.
 */
const VISIBILITIES = ["network", "organisers_and_focal_points"] as const;
const STATUSES = ["active", "pending", "declined", "inactive"] as const;
const STATES = ["LV", "EE"] as const;

const profiles: { userId: string; status: string; visibility: string; memberState: string }[] = [];
let viewers: { label: string; viewer: RosterViewer }[] = [];

beforeAll(async () => {
  for (const visibility of VISIBILITIES)
    for (const status of STATUSES)
      for (const memberState of STATES) {
        const expert = await createExpert({ name: `Visibility ${visibility} ${status} ${memberState}`, visibility, status, memberState, institution: "Visibility Matrix Office" });
        profiles.push({ userId: expert.id, status, visibility, memberState });
      }
  const member = await createUser();
  const lvFocal = await createUser({ role: "focal_point", country: "LV" });
  const organiser = await createUser({ role: "organiser" });
  // An owner of every kind of profile: each profile's owner is a viewer too.
  viewers = [
    { label: "member", viewer: { id: member.id, role: "member", focalStates: [], isOrganiser: false } },
    { label: "Focal Point of LV", viewer: { id: lvFocal.id, role: "focal_point", focalStates: ["LV"], isOrganiser: false } },
    { label: "Focal Point of LV and EE", viewer: { id: lvFocal.id, role: "focal_point", focalStates: ["LV", "EE"], isOrganiser: false } },
    { label: "organiser", viewer: { id: organiser.id, role: "organiser", focalStates: [], isOrganiser: true } },
    ...profiles.map((p) => ({ label: `owner of ${p.visibility}/${p.status}/${p.memberState}`, viewer: { id: p.userId, role: "expert" as const, focalStates: [], isOrganiser: false } })),
  ];
});

const ids = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort();

describe("who may see an expert profile", () => {
  it("gives the same answer as a list query and as a check of one profile, for every viewer and kind of profile", async () => {
    const mine = profiles.map((p) => p.userId);
    for (const { label, viewer } of viewers) {
      const listed = await prisma.expertProfile.findMany({ where: { AND: [visibleProfilesWhere(viewer), { userId: { in: mine } }] }, select: { userId: true } });
      const checked = profiles.filter((p) => canSeeProfile(viewer, p));
      expect(ids(listed), label).toEqual(ids(checked));
    }
  });

  it("is the rule users expect: open active profiles for members, their States' for Focal Points, all for organisers", () => {
    const [member, lvFocal, , organiser] = viewers.map((v) => v.viewer);
    const count = (viewer: RosterViewer) => profiles.filter((p) => canSeeProfile(viewer, p)).length;
    expect(count(member)).toBe(2); // network + active, in LV and EE
    expect(count(lvFocal)).toBe(8 + 1); // every LV profile, plus EE's open active one
    expect(count(organiser)).toBe(16);
    const restrictedPending = profiles.find((p) => p.visibility !== "network" && p.status === "pending")!;
    expect(canSeeProfile({ id: restrictedPending.userId, role: "member", focalStates: [], isOrganiser: false }, restrictedPending)).toBe(true);
  });

  it("is the rule the directory applies to its active profiles", async () => {
    const query: DirectoryQuery = { q: "visibility matrix", state: "", area: "", type: "", lang: "", deployed: "", available: false, sort: "name", page: 1 };
    for (const { label, viewer } of viewers) {
      const found = await searchDirectory(viewer, query);
      const expected = profiles.filter((p) => p.status === "active" && canSeeProfile(viewer, p));
      expect(found.experts.map((e) => e.id).sort(), label).toEqual(ids(expected));
    }
  });
});
