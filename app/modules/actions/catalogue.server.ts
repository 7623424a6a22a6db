import type { z } from "zod";
import { audit } from "#app/modules/admin/audit.server.ts";
import type { ActionInputSchema } from "#app/modules/roster/roster.schema.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";

export function slugify(text: string) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

/** Every Action, newest first, with how many experts were deployed on it. */
export async function listActions({ region, area }: { region?: string; area?: string } = {}) {
  return prisma.action.findMany({
    where: { ...(region ? { region } : {}), ...(area ? { thematicArea: area } : {}) },
    orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { code: "asc" }],
    take: 500,
    select: { id: true, code: true, slug: true, title: true, summary: true, partnerCountry: true, region: true, thematicArea: true, startDate: true, endDate: true, _count: { select: { deployments: true } } },
  });
}

/** How many Actions the site knows, for the home page's figures. */
export function countActions() {
  return prisma.action.count();
}

export async function getActionBySlug(slug: string) {
  return prisma.action.findUnique({
    where: { slug },
    select: {
      id: true,
      code: true,
      slug: true,
      title: true,
      summary: true,
      partnerCountry: true,
      region: true,
      thematicArea: true,
      startDate: true,
      endDate: true,
      deployments: {
        where: { expert: { user: { deletedAt: null } } },
        orderBy: [{ startDate: "asc" }],
        select: { id: true, role: true, startDate: true, endDate: true, expert: { select: { userId: true, memberState: true, visibility: true, status: true, user: { select: { name: true } } } } },
      },
    },
  });
}

/** Organisers add an Action (the code is its public name, e.g. "Azerbaijan V"). */
export async function createAction(actorId: string, input: z.infer<typeof ActionInputSchema>, meta: { ip?: string | null } = {}): Promise<Result<{ slug: string }>> {
  const slug = slugify(input.code);
  if (!slug) return fail("code", "Use letters or digits in the code.", { code: "Use letters or digits in the code." });
  const clash = await prisma.action.findFirst({ where: { OR: [{ code: input.code }, { slug }] }, select: { id: true } });
  if (clash) return fail("taken", "An Action with this code already exists.", { code: "An Action with this code already exists." });
  if (input.startDate && input.endDate && input.endDate < input.startDate) return fail("dates", "The end date is before the start date.", { endDate: "The end date is before the start date." });
  const action = await prisma.$transaction(async (tx) => {
    const created = await tx.action.create({ data: { ...input, slug }, select: { id: true, slug: true } });
    await audit({ actorId, action: "action.create", targetType: "action", targetId: created.id, data: { code: input.code }, ip: meta.ip }, tx);
    return created;
  });
  return ok({ slug: action.slug });
}
