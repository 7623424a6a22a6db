import { EU_MEMBER_STATES } from "#app/utils/countries.ts";
import { prisma } from "#app/utils/db.server.ts";
import { INSTITUTION_TYPES, MIN_GROUP_SIZE, THEMATIC_AREAS } from "./taxonomy.ts";

/** A share, or null with the reason it is hidden (a group under the minimum size could point at people). */
export type Share = { shown: true; percent: number; count: number; of: number } | { shown: false; reason: string };

export function shareOf(count: number, of: number, { sensitive }: { sensitive: boolean }): Share {
  if (of < MIN_GROUP_SIZE) return { shown: false, reason: `Fewer than ${MIN_GROUP_SIZE} people: not shown.` };
  // For a sensitive attribute both sides of the split must be large enough, or one side is revealed.
  if (sensitive && (count < MIN_GROUP_SIZE || of - count < MIN_GROUP_SIZE)) return { shown: false, reason: `A group is smaller than ${MIN_GROUP_SIZE} people: not shown.` };
  return { shown: true, percent: Math.round((count / of) * 100), count, of };
}

/** The figures the network reports, aggregates only (active roster members). */
export async function rosterStatistics() {
  // Deleted accounts have no profile any more (the roster's account eraser), so no join is needed.
  const active = { status: "active" } as const;
  const [total, byState, byType, byArea, deployed, byGender] = await Promise.all([
    prisma.expertProfile.count({ where: active }),
    prisma.expertProfile.groupBy({ by: ["memberState"], where: active, _count: { _all: true } }),
    prisma.expertProfile.groupBy({ by: ["institutionType"], where: active, _count: { _all: true } }),
    prisma.expertThematicArea.groupBy({ by: ["area"], where: { profile: active }, _count: { _all: true } }),
    prisma.expertProfile.count({ where: { ...active, deploymentCount: { gt: 0 } } }),
    prisma.expertProfile.groupBy({ by: ["gender"], where: { ...active, gender: { not: null } }, _count: { _all: true } }),
  ]);
  const stateCounts = new Map(byState.map((r) => [r.memberState, r._count._all]));
  const declared = byGender.reduce((n, r) => n + r._count._all, 0);
  const women = byGender.find((r) => r.gender === "female")?._count._all ?? 0;
  return {
    total,
    memberStates: EU_MEMBER_STATES.map((code) => ({ code, experts: stateCounts.get(code) ?? 0 })),
    statesRepresented: byState.filter((r) => r._count._all > 0 && (EU_MEMBER_STATES as readonly string[]).includes(r.memberState)).length,
    statesTotal: EU_MEMBER_STATES.length,
    deployed: shareOf(deployed, total, { sensitive: false }),
    women: shareOf(women, declared, { sensitive: true }),
    genderDeclared: declared,
    institutionTypes: INSTITUTION_TYPES.map((type) => ({ type, experts: byType.find((r) => r.institutionType === type)?._count._all ?? 0 })),
    thematicAreas: THEMATIC_AREAS.map((area) => ({ area, experts: byArea.find((r) => r.area === area)?._count._all ?? 0 })),
  };
}
