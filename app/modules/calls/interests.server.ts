import { stringify } from "csv-stringify/sync";
import { Prisma } from "#app/generated/prisma/client.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import type { RosterViewer } from "#app/modules/roster/access.server.ts";
import { safeCell } from "#app/modules/roster/csv.server.ts";
import { invalidateDirectoryIndex } from "#app/modules/roster/directory-index.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { isCallOpen, UNDECIDED } from "./rules.ts";

const subjectOf = (call: { id: string; title: string }) => ({ type: "call", id: call.id, url: `/calls/${call.id}`, title: call.title });

/** Thrown inside a transaction to roll it back with a message for the person. */
class Refused extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
async function refusable<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return fail(error.code, error.message);
    throw error;
  }
}
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Focal Points (the role, not a stale designation) of a Member State. */
async function focalPointsOf(memberState: string, tx: Prisma.TransactionClient) {
  const rows = await tx.focalPoint.findMany({ where: { memberState, user: { role: "focal_point", deletedAt: null } }, select: { userId: true } });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * An active roster expert expresses interest in an open call; the Focal Points of the expert's
 * Member State are told. A second click (or a second tab) is refused by the unique (call, expert)
 * key; an interest withdrawn earlier can be expressed again while the call is open.
 */
export async function expressInterest(
  expertId: string,
  callId: string,
  input: { message: string; availability: string },
  now: Date,
): Promise<Result<{ again: boolean }>> {
  const call = await prisma.expertCall.findUnique({ where: { id: callId }, select: { id: true, title: true, deadline: true } });
  if (!call) return fail("not_found", "This call no longer exists.");
  if (!isCallOpen(call, now)) return fail("closed", "This call closed at its deadline; interests are no longer taken.");
  const profile = await prisma.expertProfile.findUnique({ where: { userId: expertId }, select: { status: true, memberState: true, user: { select: { name: true } } } });
  if (profile?.status !== "active") return fail("not_expert", "Only experts on the roster can express interest. Apply to the roster from your settings.");
  return refusable(async () => {
    try {
      return await transactionWithNotifications(async (tx) => {
        const revived = await tx.callInterest.updateMany({
          where: { callId, expertId, status: "withdrawn" },
          data: { status: "interested", message: input.message, availability: input.availability, endorsed: false, focalComment: null, focalById: null },
        });
        if (!revived.count) await tx.callInterest.create({ data: { callId, expertId, message: input.message, availability: input.availability } });
        const focal = await focalPointsOf(profile.memberState, tx);
        await notify(
          focal.map((userId) => ({ userId, kind: "call_interest" as const, actorId: expertId, subject: subjectOf(call), message: `${profile.user.name} expressed interest in this call.` })),
          tx,
        );
        return ok({ again: revived.count > 0 });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Refused("already", "You have already expressed interest in this call.");
      throw error;
    }
  });
}

/** Experts withdraw an undecided interest, before the deadline only. */
export async function withdrawInterest(expertId: string, callId: string, now: Date): Promise<Result<null>> {
  const call = await prisma.expertCall.findUnique({ where: { id: callId }, select: { deadline: true } });
  if (!call) return fail("not_found", "This call no longer exists.");
  if (!isCallOpen(call, now)) return fail("closed", "This call has closed; an interest can no longer be withdrawn.");
  const { count } = await prisma.callInterest.updateMany({ where: { callId, expertId, status: { in: UNDECIDED } }, data: { status: "withdrawn" } });
  if (!count) return fail("nothing", "You have no interest in this call that can still be withdrawn.");
  return ok(null);
}

/** The Focal Point of the expert's Member State endorses (or not) and comments for the organisers. */
export async function endorseInterest(actor: RosterViewer, interestId: string, input: { endorsed: boolean; comment: string }): Promise<Result<null>> {
  const interest = await prisma.callInterest.findUnique({ where: { id: interestId }, select: { id: true, expert: { select: { expertProfile: { select: { memberState: true } } } } } });
  if (!interest) return fail("not_found", "This interest no longer exists.");
  const state = interest.expert.expertProfile?.memberState;
  if (!state || !actor.focalStates.includes(state)) return fail("forbidden", "Only a Focal Point of the expert's Member State can endorse this interest.");
  await prisma.callInterest.update({ where: { id: interestId }, data: { endorsed: input.endorsed, focalComment: input.comment || null, focalById: actor.id } });
  return ok(null);
}

export type Decision = "shortlist" | "select" | "decline" | "confirm";

/**
 * Organisers shortlist, select or decline an interest (the expert is told of a selection or a
 * decline), and confirm a selected expert's mission, which records the deployment on the Action.
 * Every step is a conditional update, so two organisers acting at once cannot decide twice or
 * select more experts than the call needs.
 */
export async function decideInterest(actor: RosterViewer, interestId: string, decision: Decision, message: string, now: Date, meta: { ip?: string | null } = {}): Promise<Result<{ name: string }>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team decides on interests.");
  const interest = await prisma.callInterest.findUnique({
    where: { id: interestId },
    select: { id: true, expertId: true, status: true, expert: { select: { name: true } }, call: { select: { id: true, title: true, actionId: true, missionStart: true, missionEnd: true } } },
  });
  if (!interest) return fail("not_found", "This interest no longer exists.");
  const { call } = interest;
  const decided = { decidedById: actor.id, decidedAt: now };
  const result = await refusable(() =>
    transactionWithNotifications(async (tx) => {
      if (decision === "shortlist") {
        const { count } = await tx.callInterest.updateMany({ where: { id: interestId, status: "interested" }, data: { status: "shortlisted", ...decided } });
        if (!count) throw new Refused("state", "Only a new interest can be shortlisted.");
      } else if (decision === "select") {
        const seat = await tx.expertCall.updateMany({ where: { id: call.id, selectedCount: { lt: tx.expertCall.fields.expertsNeeded } }, data: { selectedCount: { increment: 1 } } });
        if (!seat.count) throw new Refused("full", "The call already has all the experts it needs.");
        const { count } = await tx.callInterest.updateMany({ where: { id: interestId, status: { in: UNDECIDED } }, data: { status: "selected", decisionMessage: message || null, ...decided } });
        if (!count) throw new Refused("state", "This interest has already been decided or withdrawn.");
        await notify({ userId: interest.expertId, kind: "call_selected", actorId: actor.id, subject: subjectOf(call), message: message || "You have been selected for this call." }, tx);
      } else if (decision === "decline") {
        const { count } = await tx.callInterest.updateMany({ where: { id: interestId, status: { in: UNDECIDED } }, data: { status: "declined", decisionMessage: message || null, ...decided } });
        if (!count) throw new Refused("state", "This interest has already been decided or withdrawn.");
        await notify({ userId: interest.expertId, kind: "call_declined", actorId: actor.id, subject: subjectOf(call), message: message || "You were not selected for this call." }, tx);
      } else {
        const deployment = await tx.deployment.create({
          data: { expertId: interest.expertId, actionId: call.actionId, role: "Expert", startDate: call.missionStart, endDate: call.missionEnd, createdById: actor.id },
          select: { id: true },
        });
        const { count } = await tx.callInterest.updateMany({ where: { id: interestId, status: "selected", deploymentId: null }, data: { deploymentId: deployment.id } });
        if (!count) throw new Refused("state", "Only a selected expert's mission can be confirmed, and only once.");
        await tx.expertProfile.update({ where: { userId: interest.expertId }, data: { deploymentCount: { increment: 1 } } });
        await audit({ actorId: actor.id, action: "roster.deployment_record", targetType: "deployment", targetId: deployment.id, data: { expertId: interest.expertId, callId: call.id }, ip: meta.ip }, tx);
      }
      await audit({ actorId: actor.id, action: `calls.${decision}`, targetType: "call_interest", targetId: interestId, ip: meta.ip }, tx);
      return ok({ name: interest.expert.name });
    }),
  );
  if (result.ok && decision === "confirm") invalidateDirectoryIndex();
  return result;
}

/** Every interest in a call as CSV, for organisers (formula-looking text neutralised). */
export async function interestsCsv(callId: string) {
  const rows = await prisma.callInterest.findMany({
    where: { callId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      status: true, message: true, availability: true, endorsed: true, focalComment: true, decisionMessage: true, createdAt: true, deploymentId: true,
      expert: { select: { name: true, email: true, expertProfile: { select: { memberState: true, institution: true } } } },
    },
  });
  return stringify(
    rows.map((r) => [
      r.expert.name, r.expert.email, r.expert.expertProfile?.memberState ?? "", r.expert.expertProfile?.institution ?? "", r.status,
      r.endorsed ? "yes" : "no", r.focalComment ?? "", r.message, r.availability, r.decisionMessage ?? "", r.deploymentId ? "yes" : "no", r.createdAt.toISOString(),
    ].map(safeCell)),
    { header: true, columns: ["name", "email", "member_state", "institution", "status", "endorsed", "focal_point_comment", "message", "availability", "decision_message", "deployed", "expressed_at"] },
  );
}

// GDPR: an expert's interests are theirs (export). Deleting the account keeps the user row (anonymised),
// so interests are erased here: selected ones stay as the call's outcome, without the expert's words.
/** An expert's interests in calls (GDPR export). */
export const exportCallInterestData = async (userId: string) => ({
  interests: await prisma.callInterest.findMany({
    where: { expertId: userId },
    select: { status: true, message: true, availability: true, decisionMessage: true, createdAt: true, call: { select: { title: true } } },
  }),
});
/** Account deletion: undecided or declined interests go; a selection stays without the person's words. */
export async function eraseCallInterestData(tx: Prisma.TransactionClient, userId: string) {
  await tx.callInterest.deleteMany({ where: { expertId: userId, status: { not: "selected" } } });
  await tx.callInterest.updateMany({ where: { expertId: userId }, data: { message: "", availability: "" } });
}
