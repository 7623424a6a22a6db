import { audit } from "#app/modules/admin/audit.server.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { canSeeProfile, rosterViewer } from "#app/modules/roster/access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { ActionInput } from "./actions.schema.ts";
import { slugify } from "./slug.ts";
import { PUBLISHED_SPOTLIGHT } from "./spotlight-rules.ts";
import { indexAction } from "#app/modules/search/indexers.server.ts";

/** Every Action, newest first, with how many experts were deployed on it. */
export async function listActions({ region, area }: { region?: string; area?: string } = {}) {
  return prisma.action.findMany({
    where: { ...(region ? { region } : {}), ...(area ? { thematicArea: area } : {}) },
    orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { code: "asc" }],
    take: 500,
    select: { id: true, code: true, slug: true, title: true, summary: true, partnerCountry: true, region: true, thematicArea: true, status: true, startDate: true, endDate: true, _count: { select: { deployments: true } } },
  });
}

/** How many Actions the site knows, for the home page's figures. */
export function countActions() {
  return prisma.action.count();
}

const ACTION_FIELDS = {
  id: true,
  code: true,
  slug: true,
  title: true,
  summary: true,
  partnerCountry: true,
  region: true,
  thematicArea: true,
  status: true,
  startDate: true,
  endDate: true,
  impactAreas: { orderBy: { area: "asc" }, select: { area: true } },
} as const;

export async function getActionBySlug(slug: string) {
  const action = await prisma.action.findUnique({
    where: { slug },
    select: {
      ...ACTION_FIELDS,
      spotlights: { where: PUBLISHED_SPOTLIGHT, orderBy: { publishedAt: "desc" }, select: { slug: true, title: true } },
      deployments: {
        where: { expert: { user: { deletedAt: null } } },
        orderBy: [{ startDate: "asc" }],
        select: { id: true, role: true, startDate: true, endDate: true, expert: { select: { userId: true, memberState: true, visibility: true, status: true, user: { select: { name: true } } } } },
      },
    },
  });
  return action && { ...action, impactAreas: action.impactAreas.map((i) => i.area) };
}

/** The stored fields of an Action for its edit form. */
export async function getActionForEdit(slug: string) {
  const action = await prisma.action.findUnique({ where: { slug }, select: ACTION_FIELDS });
  return action && { ...action, impactAreas: action.impactAreas.map((i) => i.area) };
}

type Deployment = NonNullable<Awaited<ReturnType<typeof getActionBySlug>>>["deployments"][number];

/**
 * An Action's deployed experts as one viewer may see them: names only of the profiles the roster
 * lets them see (logged-in, verified members), the others counted without a name.
 */
export async function deployedExpertsFor(user: SessionUser | null, deployments: Deployment[]) {
  const viewer = user?.emailVerified ? await rosterViewer(user) : null;
  return deployments.map((d) => ({
    id: d.id,
    role: d.role,
    startDate: d.startDate,
    endDate: d.endDate,
    memberState: d.expert.memberState,
    expert: viewer && canSeeProfile(viewer, d.expert) ? { id: d.expert.userId, name: d.expert.user.name } : null,
  }));
}

function checkDates(input: ActionInput) {
  if (input.startDate && input.endDate && input.endDate < input.startDate) return fail("dates", "The end date is before the start date.", { endDate: "The end date is before the start date." });
  return null;
}

/** Organisers add an Action (the code is its public name, e.g. "Azerbaijan V"). */
export async function createAction(actorId: string, input: ActionInput, meta: { ip?: string | null } = {}): Promise<Result<{ slug: string }>> {
  const slug = slugify(input.code);
  if (!slug) return fail("code", "Use letters or digits in the code.", { code: "Use letters or digits in the code." });
  const clash = await prisma.action.findFirst({ where: { OR: [{ code: input.code }, { slug }] }, select: { id: true } });
  if (clash) return fail("taken", "An Action with this code already exists.", { code: "An Action with this code already exists." });
  const badDates = checkDates(input);
  if (badDates) return badDates;
  const { impactAreas, ...fields } = input;
  const action = await prisma.$transaction(async (tx) => {
    const created = await tx.action.create({ data: { ...fields, slug, impactAreas: { create: impactAreas.map((area) => ({ area })) } }, select: { id: true, slug: true } });
    await indexAction(tx, created.id);
    await audit({ actorId, action: "action.create", targetType: "action", targetId: created.id, data: { code: input.code }, ip: meta.ip }, tx);
    return created;
  });
  return ok({ slug: action.slug });
}

/**
 * Organisers change an Action. Its address follows a new code; the old address then no longer
 * answers, so links from Spotlights and sessions go through the id, never the slug.
 */
export async function updateAction(actorId: string, slug: string, input: ActionInput, meta: { ip?: string | null } = {}): Promise<Result<{ slug: string }>> {
  const current = await prisma.action.findUnique({ where: { slug }, select: { id: true } });
  if (!current) return fail("not_found", "This Action does not exist.");
  const newSlug = slugify(input.code);
  if (!newSlug) return fail("code", "Use letters or digits in the code.", { code: "Use letters or digits in the code." });
  const clash = await prisma.action.findFirst({ where: { OR: [{ code: input.code }, { slug: newSlug }], NOT: { id: current.id } }, select: { id: true } });
  if (clash) return fail("taken", "An Action with this code already exists.", { code: "An Action with this code already exists." });
  const badDates = checkDates(input);
  if (badDates) return badDates;
  const { impactAreas, ...fields } = input;
  await prisma.$transaction(async (tx) => {
    await tx.action.update({ where: { id: current.id }, data: { ...fields, slug: newSlug } });
    await tx.actionImpactArea.deleteMany({ where: { actionId: current.id } });
    if (impactAreas.length) await tx.actionImpactArea.createMany({ data: impactAreas.map((area) => ({ actionId: current.id, area })) });
    await indexAction(tx, current.id);
    await audit({ actorId, action: "action.update", targetType: "action", targetId: current.id, data: { code: input.code }, ip: meta.ip }, tx);
  });
  return ok({ slug: newSlug });
}
