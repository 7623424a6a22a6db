import { audit } from "#app/modules/admin/audit.server.ts";
import { eraseMailTo } from "#app/modules/notifications/outbox.server.ts";
import { PRIVACY_REGISTRY } from "#app/modules/privacy/registry.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { verifyPassword } from "./password.server.ts";
import { reauthoriseUser } from "./socket-access.server.ts";

/** Everything we hold about a member, as JSON (GDPR access and portability). */
export async function exportUserData(userId: string) {
  const account = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, country: true, institution: true, emailVerifiedAt: true, createdAt: true, updatedAt: true },
  });
  const sessions = await prisma.session.findMany({ where: { userId }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ip: true } });
  const activity = await prisma.auditLog.findMany({ where: { actorId: userId }, orderBy: { createdAt: "asc" }, select: { action: true, createdAt: true, ip: true } });
  const extra: Record<string, unknown> = {};
  for (const entry of PRIVACY_REGISTRY) extra[entry.name] = await entry.exportData(userId);
  return { exportedAt: new Date().toISOString(), account, sessions, activity, ...extra };
}

/**
 * Deletes an account after re-authentication: personal data is erased and what the person
 * wrote stays, attributed to "Former member". All sessions end.
 */
export async function deleteAccount(userId: string, password: string): Promise<Result<null>> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    return fail("bad_password", "Your password is not right.", { password: "Your password is not right." });
  }
  const erasedEmail = `deleted-${userId}@deleted.invalid`;
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId } });
    await tx.emailToken.deleteMany({ where: { userId } });
    await eraseMailTo(tx, user.email, erasedEmail);
    for (const { erase } of PRIVACY_REGISTRY) if (typeof erase === "function") await erase(tx, userId);
    await tx.user.update({
      where: { id: userId },
      data: { email: erasedEmail, name: "Former member", passwordHash: null, country: null, institution: null, role: "member", deletedAt: new Date() },
    });
    await audit({ actorId: null, action: "user.delete", targetType: "user", targetId: userId }, tx);
  });
  reauthoriseUser(userId, "account deleted");
  return ok(null);
}
