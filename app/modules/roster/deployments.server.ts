import type { z } from "zod";
import { audit } from "#app/modules/admin/audit.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { RosterViewer } from "./access.server.ts";
import { invalidateDirectoryIndex } from "./directory-index.server.ts";
import type { DeploymentSchema } from "./roster.schema.ts";

/** Organisers record that an expert worked on an Action; "deployed" in the directory and statistics comes from these. */
export async function recordDeployment(actor: RosterViewer, input: z.infer<typeof DeploymentSchema>, meta: { ip?: string | null } = {}): Promise<Result<{ name: string }>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team records deployments.");
  const expert = await prisma.user.findUnique({ where: { email: input.expertEmail }, select: { id: true, name: true, deletedAt: true, expertProfile: { select: { status: true } } } });
  if (!expert || expert.deletedAt || expert.expertProfile?.status !== "active") {
    return fail("not_expert", "No active roster expert uses this email address.", { expertEmail: "No active roster expert uses this email address." });
  }
  const action = await prisma.action.findUnique({ where: { id: input.actionId }, select: { id: true, code: true } });
  if (!action) return fail("no_action", "Choose an Action from the list.", { actionId: "Choose an Action from the list." });
  if (input.endDate && input.endDate < input.startDate) return fail("dates", "The end date is before the start date.", { endDate: "The end date is before the start date." });
  await prisma.$transaction(async (tx) => {
    const d = await tx.deployment.create({
      data: { expertId: expert.id, actionId: action.id, role: input.role, startDate: input.startDate, endDate: input.endDate, createdById: actor.id },
      select: { id: true },
    });
    await tx.expertProfile.update({ where: { userId: expert.id }, data: { deploymentCount: { increment: 1 } } });
    await audit({ actorId: actor.id, action: "roster.deployment_record", targetType: "deployment", targetId: d.id, data: { expertId: expert.id, action: action.code }, ip: meta.ip }, tx);
  });
  invalidateDirectoryIndex();
  return ok({ name: expert.name });
}

export async function removeDeployment(actor: RosterViewer, id: string, meta: { ip?: string | null } = {}): Promise<Result<null>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team manages deployments.");
  const found = await prisma.deployment.findUnique({ where: { id }, select: { id: true, expertId: true } });
  if (!found) return fail("not_found", "This deployment no longer exists.");
  await prisma.$transaction(async (tx) => {
    await tx.deployment.delete({ where: { id } });
    await tx.expertProfile.update({ where: { userId: found.expertId }, data: { deploymentCount: { decrement: 1 } } });
    await audit({ actorId: actor.id, action: "roster.deployment_remove", targetType: "deployment", targetId: id, data: { expertId: found.expertId }, ip: meta.ip }, tx);
  });
  invalidateDirectoryIndex();
  return ok(null);
}
