import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { cache } from "#app/utils/cache.server.ts";
import { demoteSockets } from "./broadcast.server.ts";

export const QA_TEAM_ROLES = ["moderator", "speaker"] as const;
export type QaTeamRole = (typeof QA_TEAM_ROLES)[number];

/** The people an organiser designated for this session's Q&A. */
export function listTeam(coffeeId: string) {
  return prisma.qaRole.findMany({
    where: { coffeeId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
  });
}

export async function designateByEmail(actor: SessionUser, coffeeId: string, email: string, role: QaTeamRole, ip?: string | null): Promise<Result<{ name: string }>> {
  if (!hasRole(actor.role, "organiser")) return fail("forbidden", "Only organisers choose moderators and speakers.");
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, deletedAt: true } });
  if (!user || user.deletedAt) return fail("not_found", "No member has that email address.", { email: "No member has that email address." });
  const existing = await prisma.qaRole.findUnique({ where: { coffeeId_userId_role: { coffeeId, userId: user.id, role } } });
  if (existing) return fail("exists", `${user.name} is already a ${role}.`, { email: `${user.name} is already a ${role}.` });
  await prisma.$transaction(async (tx) => {
    await tx.qaRole.create({ data: { coffeeId, userId: user.id, role } });
    await audit({ actorId: actor.id, action: "qa.role.add", targetType: "user", targetId: user.id, data: { coffeeId, role }, ip }, tx);
  });
  cache.invalidate("qa-team", coffeeId);
  return ok({ name: user.name });
}

export async function removeDesignation(actor: SessionUser, coffeeId: string, id: string, ip?: string | null): Promise<Result<null>> {
  if (!hasRole(actor.role, "organiser")) return fail("forbidden", "Only organisers choose moderators and speakers.");
  const row = await prisma.qaRole.findFirst({ where: { id, coffeeId } });
  if (!row) return fail("not_found", "That person is no longer on the Q&A team.");
  await prisma.$transaction(async (tx) => {
    await tx.qaRole.delete({ where: { id } });
    await audit({ actorId: actor.id, action: "qa.role.remove", targetType: "user", targetId: row.userId, data: { coffeeId, role: row.role }, ip }, tx);
  });
  cache.invalidate("qa-team", coffeeId);
  if (row.role === "moderator") await demoteSockets(coffeeId, row.userId);
  return ok(null);
}
