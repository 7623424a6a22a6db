import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { countryName, EU_MEMBER_STATES, isMemberState } from "#app/utils/countries.ts";
import { reauthoriseUser } from "#app/modules/auth/socket-access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { RosterViewer } from "./access.server.ts";
import type { FocalPointLevel } from "./taxonomy.ts";

/** Every Member State with its Focal Points and number of active experts (for /focal-points). */
export async function focalPointsByState() {
  const [focalPoints, counts] = await Promise.all([
    prisma.focalPoint.findMany({
      where: { user: { deletedAt: null } },
      orderBy: [{ memberState: "asc" }, { level: "asc" }, { createdAt: "asc" }],
      select: { id: true, memberState: true, level: true, institutionName: true, user: { select: { id: true, name: true, institution: true } } },
    }),
    prisma.expertProfile.groupBy({ by: ["memberState"], where: { status: "active", user: { deletedAt: null } }, _count: { _all: true } }),
  ]);
  const expertCount = new Map(counts.map((c) => [c.memberState, c._count._all]));
  return EU_MEMBER_STATES.map((code) => ({
    code,
    experts: expertCount.get(code) ?? 0,
    focalPoints: focalPoints.filter((f) => f.memberState === code),
  }));
}

/** The Focal Points of one Member State; their email only for signed-in members (how to reach them). */
export async function focalPointsOf(memberState: string, { withEmail }: { withEmail: boolean }) {
  const rows = await prisma.focalPoint.findMany({
    where: { memberState, user: { deletedAt: null } },
    orderBy: [{ level: "asc" }, { createdAt: "asc" }],
    select: { id: true, level: true, institutionName: true, user: { select: { id: true, name: true, email: true, institution: true } } },
  });
  return rows.map((r) => ({ ...r, user: { ...r.user, email: withEmail ? r.user.email : null } }));
}

/** Organisers name a Focal Point; the person gets the Focal Point role if they had less. */
export async function designateFocalPoint(
  actor: RosterViewer,
  input: { email: string; memberState: string; level: FocalPointLevel; institutionName?: string; confirmOtherState?: boolean },
  meta: { ip?: string | null } = {},
): Promise<Result<{ name: string }>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team designates Focal Points.");
  const user = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, role: true, country: true, deletedAt: true } });
  if (!user || user.deletedAt) return fail("not_found", "No account uses this email address. Ask the person to join first.", { email: "No account uses this email address." });
  // A Focal Point speaks for their own Member State; naming an official of another one is usually a
  // slip of the list, so it takes a second, explicit confirmation.
  if (isMemberState(user.country) && user.country !== input.memberState && !input.confirmOtherState) {
    const theirs = countryName(user.country);
    const chosen = countryName(input.memberState);
    return fail("other_member_state", `${user.name} is an official of ${theirs}, not of ${chosen}.`, {
      confirmOtherState: `${user.name}'s account says they work for ${theirs}. Tick this box if they should still be a Focal Point for ${chosen}.`,
    });
  }
  const existing = await prisma.focalPoint.findUnique({ where: { userId_memberState: { userId: user.id, memberState: input.memberState } }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    const data = { level: input.level, institutionName: input.level === "institution" ? input.institutionName?.trim() || null : null };
    const fp = existing
      ? await tx.focalPoint.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.focalPoint.create({ data: { userId: user.id, memberState: input.memberState, createdById: actor.id, ...data }, select: { id: true } });
    if (!hasRole(user.role, "focal_point")) {
      await tx.user.update({ where: { id: user.id }, data: { role: "focal_point" } });
      await audit({ actorId: actor.id, action: "user.role", targetType: "user", targetId: user.id, data: { from: user.role, to: "focal_point", via: "focal_point_designation" }, ip: meta.ip }, tx);
    }
    await audit({ actorId: actor.id, action: "roster.focal_point_designate", targetType: "focal_point", targetId: fp.id, data: { memberState: input.memberState, level: input.level, userId: user.id }, ip: meta.ip }, tx);
  });
  if (!hasRole(user.role, "focal_point")) reauthoriseUser(user.id, "role changed");
  return ok({ name: user.name });
}

/** Ends a designation; someone left with none goes back to expert (active profile) or member. */
export async function removeFocalPoint(actor: RosterViewer, id: string, meta: { ip?: string | null } = {}): Promise<Result<{ name: string }>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team manages Focal Points.");
  const fp = await prisma.focalPoint.findUnique({ where: { id }, select: { id: true, memberState: true, userId: true, user: { select: { name: true, role: true, expertProfile: { select: { status: true } } } } } });
  if (!fp) return fail("not_found", "This designation no longer exists.");
  const demoted = await prisma.$transaction(async (tx) => {
    await tx.focalPoint.delete({ where: { id } });
    const others = await tx.focalPoint.count({ where: { userId: fp.userId } });
    const demote = !others && fp.user.role === "focal_point";
    if (demote) {
      const to = fp.user.expertProfile?.status === "active" ? "expert" : "member";
      await tx.user.update({ where: { id: fp.userId }, data: { role: to } });
      await audit({ actorId: actor.id, action: "user.role", targetType: "user", targetId: fp.userId, data: { from: "focal_point", to, via: "focal_point_removal" }, ip: meta.ip }, tx);
    }
    await audit({ actorId: actor.id, action: "roster.focal_point_remove", targetType: "focal_point", targetId: id, data: { memberState: fp.memberState, userId: fp.userId }, ip: meta.ip }, tx);
    return demote;
  });
  if (demoted) reauthoriseUser(fp.userId, "role changed");
  return ok({ name: fp.user.name });
}

/** A Member State's experts for its Focal Points and organisers (every visibility), freshest last. */
export async function expertsOfState(memberState: string) {
  return prisma.expertProfile.findMany({
    where: { memberState, status: "active", user: { deletedAt: null } },
    orderBy: { user: { name: "asc" } },
    take: 1000,
    select: { userId: true, institution: true, position: true, confirmedAt: true, available: true, availableUntil: true, visibility: true, user: { select: { name: true, email: true } }, _count: { select: { deployments: true } } },
  });
}
