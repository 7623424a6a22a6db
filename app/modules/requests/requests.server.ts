import type { Prisma } from "#app/generated/prisma/client.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import type { RosterViewer } from "#app/modules/roster/access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { RequestInput } from "./requests.schema.ts";
import { canLinkAction, canMoveRequest, REQUEST_STATUS_LABELS, type RequestStatus } from "./rules.ts";

/** The Member State a person submits for: a Focal Point's own State(s), or an active roster expert's. */
export async function submitterStates(viewer: RosterViewer): Promise<string[]> {
  if (viewer.focalStates.length) return viewer.focalStates;
  const profile = await prisma.expertProfile.findUnique({ where: { userId: viewer.id }, select: { status: true, memberState: true } });
  return profile?.status === "active" ? [profile.memberState] : [];
}

/** Who may read a request: organisers, its submitter, and the Focal Points of its Member State. */
function visibleRequestsWhere(viewer: RosterViewer): Prisma.ExchangeRequestWhereInput {
  if (viewer.isOrganiser) return {};
  return { OR: [{ submitterId: viewer.id }, ...(viewer.focalStates.length ? [{ memberState: { in: viewer.focalStates } }] : [])] };
}

export async function submitRequest(viewer: RosterViewer, input: RequestInput, meta: { ip?: string | null } = {}): Promise<Result<{ id: string }>> {
  const states = await submitterStates(viewer);
  if (!states.length) return fail("forbidden", "Focal Points and roster experts submit knowledge-exchange requests.");
  const memberState = input.memberState || (states.length === 1 ? states[0] : "");
  if (!states.includes(memberState)) return fail("state", "Choose the Member State you submit for.", { memberState: "Choose the Member State you submit for." });
  const { memberState: _, ...rest } = input;
  const request = await transactionWithNotifications(async (tx) => {
    const created = await tx.exchangeRequest.create({ data: { ...rest, memberState, submitterId: viewer.id }, select: { id: true } });
    await audit({ actorId: viewer.id, action: "requests.submit", targetType: "exchange_request", targetId: created.id, ip: meta.ip }, tx);
    return created;
  });
  return ok({ id: request.id });
}

export async function listRequests(viewer: RosterViewer) {
  return prisma.exchangeRequest.findMany({
    where: visibleRequestsWhere(viewer),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, topic: true, memberState: true, thematicArea: true, status: true, updatedAt: true, submitter: { select: { name: true } } },
  });
}

/** One request as the viewer may see it: internal notes only for organisers. Null when absent or not theirs to see. */
export async function getRequest(viewer: RosterViewer, id: string) {
  return prisma.exchangeRequest.findFirst({
    where: { AND: [{ id }, visibleRequestsWhere(viewer)] },
    select: {
      id: true, topic: true, euInstitutions: true, partnerInstitutions: true, thematicArea: true, description: true, memberState: true, status: true, createdAt: true, actionId: true,
      submitter: { select: { id: true, name: true } },
      action: { select: { code: true, slug: true } },
      comments: {
        where: viewer.isOrganiser ? {} : { internal: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, internal: true, toStatus: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
}

/** The submitter and the Focal Points of the request's Member State hear of every change. */
async function tellPeople(tx: Prisma.TransactionClient, request: { id: string; topic: string; memberState: string; submitterId: string | null }, actorId: string, message: string) {
  const focal = await tx.focalPoint.findMany({ where: { memberState: request.memberState, user: { role: "focal_point", deletedAt: null } }, select: { userId: true } });
  const people = [...new Set([...(request.submitterId ? [request.submitterId] : []), ...focal.map((f) => f.userId)])];
  await notify(
    people.map((userId) => ({ userId, kind: "request_update" as const, actorId, subject: { type: "exchange_request", id: request.id, url: `/requests/${request.id}`, title: request.topic }, message })),
    tx,
  );
}

const REQUEST_PEOPLE = { id: true, topic: true, memberState: true, submitterId: true, status: true } satisfies Prisma.ExchangeRequestSelect;

/**
 * Organisers move a request along its states (rules.ts), optionally with a comment the submitter
 * sees. The update is conditional on the state read, so two organisers cannot both move it.
 */
export async function moveRequest(actor: RosterViewer, id: string, to: RequestStatus, comment: string, meta: { ip?: string | null } = {}): Promise<Result<null>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team moves requests along.");
  const request = await prisma.exchangeRequest.findUnique({ where: { id }, select: REQUEST_PEOPLE });
  if (!request) return fail("not_found", "This request no longer exists.");
  if (!canMoveRequest(request.status, to)) {
    return fail("transition", `A request that is ${REQUEST_STATUS_LABELS[request.status as RequestStatus]?.toLowerCase() ?? request.status} cannot become ${REQUEST_STATUS_LABELS[to].toLowerCase()}.`);
  }
  return transactionWithNotifications(async (tx) => {
    const { count } = await tx.exchangeRequest.updateMany({ where: { id, status: request.status }, data: { status: to } });
    if (!count) return fail("changed", "Someone changed this request meanwhile; look at it again.");
    await tx.requestComment.create({ data: { requestId: id, authorId: actor.id, body: comment, toStatus: to } });
    await tellPeople(tx, request, actor.id, `Now ${REQUEST_STATUS_LABELS[to].toLowerCase()}${comment ? `: ${comment.slice(0, 300)}` : "."}`);
    await audit({ actorId: actor.id, action: "requests.status", targetType: "exchange_request", targetId: id, data: { from: request.status, to }, ip: meta.ip }, tx);
    return ok(null);
  });
}

/** Organisers comment (visible to the submitter, who is told) or leave internal notes (organisers only). */
export async function commentOnRequest(actor: RosterViewer, id: string, body: string, internal: boolean): Promise<Result<null>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team comments on requests.");
  const request = await prisma.exchangeRequest.findUnique({ where: { id }, select: REQUEST_PEOPLE });
  if (!request) return fail("not_found", "This request no longer exists.");
  await transactionWithNotifications(async (tx) => {
    await tx.requestComment.create({ data: { requestId: id, authorId: actor.id, body, internal } });
    if (!internal) await tellPeople(tx, request, actor.id, `New comment: ${body.slice(0, 300)}`);
  });
  return ok(null);
}

/** An accepted request is linked to the Action that came out of it (or unlinked with an empty choice). */
export async function linkRequestToAction(actor: RosterViewer, id: string, actionId: string): Promise<Result<null>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team links requests to Actions.");
  const request = await prisma.exchangeRequest.findUnique({ where: { id }, select: REQUEST_PEOPLE });
  if (!request) return fail("not_found", "This request no longer exists.");
  if (!canLinkAction(request.status)) return fail("transition", "Only an accepted request can be linked to an Action.");
  const action = actionId ? await prisma.action.findUnique({ where: { id: actionId }, select: { id: true, code: true } }) : null;
  if (actionId && !action) return fail("no_action", "Choose an Action from the list.");
  await transactionWithNotifications(async (tx) => {
    await tx.exchangeRequest.update({ where: { id }, data: { actionId: action?.id ?? null } });
    if (action) await tellPeople(tx, request, actor.id, `Linked to the Action ${action.code}.`);
  });
  return ok(null);
}

// GDPR: a person's requests are in their export. On deletion the request stays (it belongs to the
// institutions involved) without its submitter.
/** Requests a person submitted (GDPR export). */
export const exportRequestData = async (userId: string) => ({
  submitted: await prisma.exchangeRequest.findMany({
    where: { submitterId: userId },
    select: { topic: true, euInstitutions: true, partnerInstitutions: true, thematicArea: true, description: true, status: true, createdAt: true, comments: { where: { internal: false }, select: { body: true, createdAt: true } } },
  }),
  commentsWritten: await prisma.requestComment.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" }, select: { requestId: true, body: true, internal: true, toStatus: true, createdAt: true } }),
});
/** Account deletion: a submitted request stays for the Member State, without its submitter. */
export async function eraseRequestData(tx: Prisma.TransactionClient, userId: string) {
  await tx.exchangeRequest.updateMany({ where: { submitterId: userId }, data: { submitterId: null } });
}
