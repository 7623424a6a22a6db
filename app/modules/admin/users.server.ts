import { hasRole, mayChangeAccountOf, ROLES, type Role } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { endAllSessions } from "#app/modules/auth/session.server.ts";
import { reauthoriseUser } from "#app/modules/auth/socket-access.server.ts";
import { containsText, prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { audit } from "./audit.server.ts";

export async function listUsers({ q, role, page = 1, perPage = 25 }: { q?: string; role?: string; page?: number; perPage?: number }) {
  const where = {
    deletedAt: null,
    ...(role && (ROLES as readonly string[]).includes(role) ? { role } : {}),
    ...(q ? { OR: [{ name: containsText(q) }, { email: containsText(q) }, { institution: containsText(q) }] } : {}),
  };
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, name: true, email: true, role: true, country: true, institution: true, emailVerifiedAt: true, createdAt: true },
    }),
  ]);
  return { total, users, page, perPage };
}

/** Roles an actor may hand out: organisers manage roster roles, admins every role. */
export function assignableRoles(actor: SessionUser): Role[] {
  if (hasRole(actor.role, "admin")) return [...ROLES];
  if (hasRole(actor.role, "organiser")) return ["member", "expert", "focal_point"];
  return [];
}

export async function changeRole(actor: SessionUser, userId: string, role: Role, ip?: string): Promise<Result<{ name: string }>> {
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, deletedAt: true } });
  if (!target || target.deletedAt) return fail("not_found", "That account no longer exists.");
  if (target.id === actor.id) return fail("self", "You cannot change your own role. Ask another administrator.");
  const allowed = assignableRoles(actor);
  if (!allowed.includes(role) || !mayChangeAccountOf(actor.role, target.role)) {
    return fail("forbidden", "Your role cannot make this change.");
  }
  if (target.role === role) return ok({ name: target.name });
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit({ actorId: actor.id, action: "user.role", targetType: "user", targetId: userId, data: { from: target.role, to: role }, ip }, tx);
  });
  reauthoriseUser(userId, "role changed");
  return ok({ name: target.name });
}

/**
 * Suspension, the smallest hook (decision 042): every session of the account ends and its open
 * sockets are re-authorised at once, on every process; the audit log keeps the end date. Refusing
 * log-in until then belongs to the `suspendedUntil` column that moderation will add.
 */
export async function suspendUser(userId: string, until: Date, meta: { actorId?: string | null; ip?: string | null } = {}): Promise<Result<null>> {
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, deletedAt: true } });
  if (!target || target.deletedAt) return fail("not_found", "That account no longer exists.");
  await audit({ actorId: meta.actorId ?? null, action: "user.suspend", targetType: "user", targetId: userId, data: { until: until.toISOString() }, ip: meta.ip });
  await endAllSessions(userId, "suspended");
  return ok(null);
}

/** Account figures for the admin overview: live accounts, unconfirmed ones, and how many hold each role. */
export async function accountCounts() {
  const where = { deletedAt: null };
  const [users, unverified, byRole] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.count({ where: { ...where, emailVerifiedAt: null } }),
    prisma.user.groupBy({ by: ["role"], where, _count: { _all: true } }),
  ]);
  return { users, unverified, byRole: Object.fromEntries(byRole.map((r) => [r.role, r._count._all])) as Record<string, number> };
}
