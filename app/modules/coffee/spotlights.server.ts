import { prisma } from "#app/utils/db.server.ts";

/** Every Action Spotlight presented at a published or past Morning Coffee, newest session first. */
export function listSpotlights() {
  return prisma.coffeeSpotlight.findMany({
    where: { coffee: { status: { in: ["published", "held", "archived"] } } },
    orderBy: [{ coffee: { startsAt: "desc" } }, { position: "asc" }],
    select: {
      id: true,
      title: true,
      country: true,
      highlights: true,
      migrationContext: true,
      action: { select: { code: true, slug: true } },
      coffee: { select: { slug: true, title: true, startsAt: true, timezone: true, status: true } },
    },
  });
}
