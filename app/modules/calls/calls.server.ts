import type { Prisma } from "#app/generated/prisma/client.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import { canSeeProfile, visibleProfilesWhere, type RosterViewer } from "#app/modules/roster/access.server.ts";
import { languagesTextFor, parseLanguagesText } from "#app/modules/roster/denormalise.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { CallInput } from "./calls.schema.ts";
import { isCallOpen, languagesMeet } from "./rules.ts";
import { indexCall } from "#app/modules/search/indexers.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

/** How many matching experts a call page lists and publishing notifies. */
const MATCH_LIMIT = 200;

type CallForMatching = { thematicArea: string; languagesText: string; missionStart: Date };

/**
 * The directory's matching: active roster experts in the call's thematic area, speaking each
 * language at the level asked, available on the mission's start — those never deployed first.
 * Visibility is the roster's own rule (organisers see everyone).
 */
export async function matchingExperts(viewer: RosterViewer, call: CallForMatching, db: Db = prisma) {
  const required = parseLanguagesText(call.languagesText);
  const rows = await db.expertProfile.findMany({
    where: {
      AND: [
        visibleProfilesWhere(viewer),
        { status: "active", available: true, user: { deletedAt: null } },
        { areasText: { contains: `|${call.thematicArea}|` } },
        { OR: [{ availableUntil: null }, { availableUntil: { gte: call.missionStart } }] },
        ...required.map((l) => ({ languagesText: { contains: `|${l.language}:` } })),
      ],
    },
    orderBy: [{ deploymentCount: "asc" }, { sortName: "asc" }],
    take: MATCH_LIMIT * 4,
    select: { userId: true, memberState: true, institution: true, languagesText: true, deploymentCount: true, user: { select: { name: true } } },
  });
  return rows
    .filter((r) => languagesMeet(parseLanguagesText(r.languagesText), required))
    .slice(0, MATCH_LIMIT)
    .map((r) => ({ userId: r.userId, name: r.user.name, memberState: r.memberState, institution: r.institution, deploymentCount: r.deploymentCount }));
}

/** Organisers publish a call; the experts who fit are told in the same transaction. */
export async function publishCall(actor: RosterViewer, input: CallInput, meta: { ip?: string | null } = {}): Promise<Result<{ id: string; notified: number }>> {
  if (!actor.isOrganiser) return fail("forbidden", "Only the MIEUX+ team publishes calls for experts.");
  const action = await prisma.action.findUnique({ where: { id: input.actionId }, select: { id: true } });
  if (!action) return fail("no_action", "Choose an Action from the list.", { actionId: "Choose an Action from the list." });
  const { languages, ...rest } = input;
  return transactionWithNotifications(async (tx) => {
    const call = await tx.expertCall.create({ data: { ...rest, languagesText: languagesTextFor(languages), createdById: actor.id }, select: { id: true, title: true } });
    await indexCall(tx, call.id);
    const matches = await matchingExperts(actor, { thematicArea: input.thematicArea, languagesText: languagesTextFor(languages), missionStart: input.missionStart }, tx);
    const notified = await notify(
      matches.map((m) => ({
        userId: m.userId,
        kind: "call_match" as const,
        actorId: actor.id,
        subject: { type: "call", id: call.id, url: `/calls/${call.id}`, title: call.title },
        message: "Your roster profile fits this call for experts.",
      })),
      tx,
    );
    await audit({ actorId: actor.id, action: "calls.publish", targetType: "call", targetId: call.id, data: { notified }, ip: meta.ip }, tx);
    return ok({ id: call.id, notified });
  });
}

const CALL_SUMMARY = {
  id: true, title: true, partnerCountry: true, region: true, thematicArea: true, format: true, expertsNeeded: true,
  missionStart: true, missionEnd: true, deadline: true, languagesText: true, selectedCount: true,
  action: { select: { code: true, slug: true } },
  _count: { select: { interests: { where: { status: { not: "withdrawn" } } } } },
} satisfies Prisma.ExpertCallSelect;

/** Open calls (soonest deadline first) and closed ones (latest first), by the clock. */
export async function listCalls(now: Date) {
  const [open, closed] = await Promise.all([
    prisma.expertCall.findMany({ where: { deadline: { gt: now } }, orderBy: [{ deadline: "asc" }, { id: "asc" }], select: CALL_SUMMARY, take: 100 }),
    prisma.expertCall.findMany({ where: { deadline: { lte: now } }, orderBy: [{ deadline: "desc" }, { id: "asc" }], select: CALL_SUMMARY, take: 50 }),
  ]);
  return { open, closed };
}

export async function findCall(id: string) {
  return prisma.expertCall.findUnique({
    where: { id },
    select: { ...CALL_SUMMARY, profileSought: true, createdAt: true, actionId: true },
  });
}

const INTEREST_ROW = {
  id: true, status: true, message: true, availability: true, decisionMessage: true, endorsed: true, focalComment: true, deploymentId: true, createdAt: true,
  focalBy: { select: { name: true } },
  expert: { select: { id: true, name: true, expertProfile: { select: { userId: true, memberState: true, institution: true, status: true, visibility: true, deploymentCount: true } } } },
} satisfies Prisma.CallInterestSelect;

/**
 * What the call page shows besides the call: one's own interest; for organisers every interest
 * and the matching experts; for Focal Points the interests of their Member States' experts;
 * once closed, the outcome (selected experts, as far as the roster lets the viewer see them).
 */
export async function callPageData(viewer: RosterViewer, call: NonNullable<Awaited<ReturnType<typeof findCall>>>, now: Date) {
  const open = isCallOpen(call, now);
  const [mine, profile] = await Promise.all([
    prisma.callInterest.findUnique({ where: { callId_expertId: { callId: call.id, expertId: viewer.id } }, select: { status: true, message: true, availability: true, decisionMessage: true } }),
    prisma.expertProfile.findUnique({ where: { userId: viewer.id }, select: { status: true } }),
  ]);
  const scope: Prisma.CallInterestWhereInput | null = viewer.isOrganiser
    ? { callId: call.id }
    : viewer.focalStates.length
      ? { callId: call.id, expert: { expertProfile: { memberState: { in: viewer.focalStates } } } }
      : null;
  const interests = scope ? await prisma.callInterest.findMany({ where: scope, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: INTEREST_ROW }) : [];
  const matches = viewer.isOrganiser && open ? await matchingExperts(viewer, call) : [];
  const selected = open
    ? []
    : (await prisma.callInterest.findMany({ where: { callId: call.id, status: "selected" }, orderBy: { decidedAt: "asc" }, select: INTEREST_ROW }))
        .filter((i) => i.expert.expertProfile && canSeeProfile(viewer, i.expert.expertProfile))
        .map((i) => ({ id: i.expert.id, name: i.expert.name, memberState: i.expert.expertProfile?.memberState ?? "" }));
  return { open, mine, isActiveExpert: profile?.status === "active", interests, matches, selected };
}
