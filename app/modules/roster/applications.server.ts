import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { reauthoriseUser } from "#app/modules/auth/socket-access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { canManageState, type RosterViewer } from "./access.server.ts";
import { invalidateDirectoryIndex } from "./directory-index.server.ts";
import { sendApplicationApprovedEmail, sendApplicationDeclinedEmail } from "./emails.server.ts";
import { indexProfile } from "#app/modules/search/indexers.server.ts";

export type Decision = { applicationId: string; decision: "approve" | "decline"; reason?: string };

/**
 * Approves or declines a pending application. Only an organiser or a Focal Point of the
 * application's Member State may decide, never on their own application. Approval makes the
 * profile active and the member an expert (role change audited); the applicant is emailed.
 */
export async function decideApplication(viewer: RosterViewer, input: Decision, meta: { ip?: string | null; now?: Date } = {}): Promise<Result<{ name: string; status: "approved" | "declined" }>> {
  const now = meta.now ?? new Date();
  const application = await prisma.rosterApplication.findUnique({
    where: { id: input.applicationId },
    select: { id: true, status: true, memberState: true, userId: true, user: { select: { id: true, name: true, email: true, role: true, deletedAt: true } } },
  });
  if (!application || application.user.deletedAt) return fail("not_found", "This application no longer exists.");
  if (!canManageState(viewer, application.memberState)) return fail("forbidden", "Only a Focal Point of the applicant's Member State or the MIEUX+ team can decide this application.");
  if (application.userId === viewer.id) return fail("own", "You cannot decide your own application.");
  if (application.status !== "pending") return fail("decided", "This application has already been decided.");
  if (input.decision === "decline" && !input.reason?.trim()) return fail("reason", "Give the applicant a reason.", { reason: "Give the applicant a reason." });
  const status = input.decision === "approve" ? "approved" : "declined";
  const done = await transactionWithNotifications(async (tx) => {
    // Claim: two reviewers clicking at once decide it once.
    const claimed = await tx.rosterApplication.updateMany({
      where: { id: application.id, status: "pending" },
      data: { status, reason: input.reason?.trim() || null, decidedById: viewer.id, decidedAt: now },
    });
    if (claimed.count !== 1) return false;
    await tx.expertProfile.update({ where: { userId: application.userId }, data: { status: status === "approved" ? "active" : "declined" } });
    await indexProfile(tx, application.userId);
    if (status === "approved") {
      const role = application.user.role;
      if (!hasRole(role, "expert")) {
        await tx.user.update({ where: { id: application.userId }, data: { role: "expert" } });
        await audit({ actorId: viewer.id, action: "user.role", targetType: "user", targetId: application.userId, data: { from: role, to: "expert", via: "roster_application" }, ip: meta.ip }, tx);
      }
      await sendApplicationApprovedEmail(tx, application.user, input.reason?.trim() || null);
    } else {
      await sendApplicationDeclinedEmail(tx, application.user, input.reason!.trim());
    }
    await notify(
      {
        userId: application.userId,
        kind: "roster_decision",
        actorId: viewer.id,
        subject: { type: "roster_application", id: application.id, url: "/settings/roster", title: status === "approved" ? "Your Expert Roster application was approved" : "Your Expert Roster application was declined" },
        message: input.reason?.trim() || null,
      },
      tx,
    );
    await audit({ actorId: viewer.id, action: `roster.${status}`, targetType: "roster_application", targetId: application.id, data: { memberState: application.memberState }, ip: meta.ip }, tx);
    return true;
  });
  invalidateDirectoryIndex();
  if (!done) return fail("decided", "This application has already been decided.");
  if (status === "approved" && !hasRole(application.user.role, "expert")) reauthoriseUser(application.userId, "role changed");
  return ok({ name: application.user.name, status });
}

/** Pending applications a viewer may decide (optionally for one Member State), oldest first. */
export async function listPendingApplications(viewer: RosterViewer, memberState?: string) {
  const states = viewer.isOrganiser ? (memberState ? [memberState] : undefined) : viewer.focalStates.filter((s) => !memberState || s === memberState);
  if (states && !states.length) return [];
  return prisma.rosterApplication.findMany({
    where: { status: "pending", user: { deletedAt: null }, ...(states ? { memberState: { in: states } } : {}) },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      memberState: true,
      createdAt: true,
      userId: true,
      user: {
        select: {
          name: true,
          email: true,
          expertProfile: { select: { institution: true, institutionType: true, position: true, bio: true, thematicAreas: { select: { area: true } }, languages: { select: { language: true, level: true } } } },
        },
      },
    },
  });
}
