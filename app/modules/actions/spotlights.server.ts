import type { Prisma } from "#app/generated/prisma/client.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { SpotlightInput } from "./actions.schema.ts";
import { slugify } from "./slug.ts";
import { PUBLISHED_SPOTLIGHT } from "./spotlight-rules.ts";
import { indexSpotlight } from "#app/modules/search/indexers.server.ts";


/** Morning Coffees anyone may see (the Spotlight page lists where it was presented). */
const PUBLIC_COFFEE = { status: { in: ["published", "held", "archived"] } } satisfies Prisma.MorningCoffeeWhereInput;

const spotlightWhere = (includeDrafts: boolean): Prisma.SpotlightWhereInput => (includeDrafts ? {} : PUBLISHED_SPOTLIGHT);

/** Every Spotlight a visitor may see, drafts first for organisers, then the newest published. */
export function listSpotlights({ includeDrafts = false }: { includeDrafts?: boolean } = {}) {
  return prisma.spotlight.findMany({
    where: spotlightWhere(includeDrafts),
    orderBy: [{ status: "asc" }, { publishedAt: "desc" }, { createdAt: "desc" }],
    take: 500,
    select: {
      id: true,
      slug: true,
      title: true,
      country: true,
      summary: true,
      highlights: true,
      status: true,
      action: { select: { code: true, slug: true } },
      coffees: { where: { coffee: PUBLIC_COFFEE }, orderBy: { coffee: { startsAt: "desc" } }, select: { coffee: { select: { slug: true, title: true, startsAt: true } } } },
    },
  });
}

/** One Spotlight's page: null when missing, or a draft and the viewer may not preview it. */
export function getSpotlight(slug: string, { includeDrafts = false }: { includeDrafts?: boolean } = {}) {
  return prisma.spotlight.findFirst({
    where: { slug, ...spotlightWhere(includeDrafts) },
    select: {
      id: true,
      slug: true,
      title: true,
      country: true,
      summary: true,
      highlights: true,
      achievements: true,
      migrationContext: true,
      actionId: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      action: {
        select: {
          code: true,
          slug: true,
          title: true,
          status: true,
          deployments: {
            where: { expert: { user: { deletedAt: null } } },
            orderBy: [{ startDate: "asc" }],
            select: { id: true, role: true, startDate: true, endDate: true, expert: { select: { userId: true, memberState: true, visibility: true, status: true, user: { select: { name: true } } } } },
          },
        },
      },
      coffees: {
        where: includeDrafts ? {} : { coffee: PUBLIC_COFFEE },
        orderBy: { coffee: { startsAt: "desc" } },
        select: { coffee: { select: { slug: true, title: true, startsAt: true, status: true } } },
      },
    },
  });
}

/** Spotlights to choose from on a Morning Coffee's edit page (drafts included: they are linked before the session is published). */
export function spotlightChoices() {
  return prisma.spotlight.findMany({ orderBy: [{ title: "asc" }], take: 500, select: { id: true, title: true, status: true } });
}

async function checkAction(actionId: string) {
  if (actionId && !(await prisma.action.findUnique({ where: { id: actionId }, select: { id: true } }))) {
    return fail("invalid", "Choose an Action from the list.", { actionId: "Choose an Action from the list." });
  }
  return null;
}

async function freeSlug(title: string) {
  const base = slugify(title) || "spotlight";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await prisma.spotlight.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Organisers write a Spotlight; it starts as a draft that only they can see (the preview). */
export async function createSpotlight(actorId: string, input: SpotlightInput): Promise<Result<{ slug: string }>> {
  const badAction = await checkAction(input.actionId);
  if (badAction) return badAction;
  const slug = await freeSlug(input.title);
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.spotlight.create({ data: { ...input, actionId: input.actionId || null, slug, createdById: actorId }, select: { id: true, slug: true } });
    await indexSpotlight(tx, row.id);
    return row;
  });
  await audit({ actorId, action: "spotlight.create", targetType: "spotlight", targetId: created.id, data: { title: input.title } });
  return ok({ slug: created.slug });
}

/** Organisers edit a Spotlight; its address stays the same so links keep working. */
export async function updateSpotlight(actorId: string, slug: string, input: SpotlightInput): Promise<Result<{ slug: string }>> {
  const badAction = await checkAction(input.actionId);
  if (badAction) return badAction;
  const current = await prisma.spotlight.findUnique({ where: { slug }, select: { id: true } });
  if (!current) return fail("not_found", "This Spotlight does not exist.");
  await prisma.$transaction(async (tx) => {
    await tx.spotlight.update({ where: { id: current.id }, data: { ...input, actionId: input.actionId || null } });
    await indexSpotlight(tx, current.id);
  });
  await audit({ actorId, action: "spotlight.update", targetType: "spotlight", targetId: current.id, data: { title: input.title } });
  return ok({ slug });
}

/** Publishing makes the Spotlight public (its page, the list, the sessions that feature it); unpublishing takes it back to a draft. */
export async function setSpotlightPublished(actorId: string, slug: string, published: boolean, now = new Date()): Promise<Result<null>> {
  const spotlight = await prisma.spotlight.findUnique({ where: { slug }, select: { id: true, publishedAt: true } });
  if (!spotlight) return fail("not_found", "This Spotlight does not exist.");
  await prisma.$transaction(async (tx) => {
    await tx.spotlight.update({
      where: { id: spotlight.id },
      // The first publication date stays: it orders the list and says when the Spotlight went out.
      data: published ? { status: "published", publishedAt: spotlight.publishedAt ?? now } : { status: "draft" },
    });
    await indexSpotlight(tx, spotlight.id);
  });
  await audit({ actorId, action: published ? "spotlight.publish" : "spotlight.unpublish", targetType: "spotlight", targetId: spotlight.id });
  return ok(null);
}

/** Spotlights a person wrote (GDPR export). */
export const exportSpotlightData = async (userId: string) => ({
  written: await prisma.spotlight.findMany({
    where: { createdById: userId },
    orderBy: { createdAt: "asc" },
    select: { slug: true, title: true, status: true, createdAt: true, publishedAt: true },
  }),
});
