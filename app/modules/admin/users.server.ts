import { hasRole, ROLES, type Role } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
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
  if (!allowed.includes(role) || (!hasRole(actor.role, "admin") && hasRole(target.role, "organiser"))) {
    return fail("forbidden", "Your role cannot make this change.");
  }
  if (target.role === role) return ok({ name: target.name });
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit({ actorId: actor.id, action: "user.role", targetType: "user", targetId: userId, data: { from: target.role, to: role }, ip }, tx);
  });
  return ok({ name: target.name });
}
