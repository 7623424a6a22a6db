import { prisma } from "#app/utils/db.server.ts";

/** The next published Morning Coffee, for the home page. */
export function upcomingCoffeeTeaser(now = new Date()) {
  return prisma.morningCoffee.findFirst({
    where: { status: "published", startsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
    select: { slug: true, title: true, summary: true, startsAt: true, timezone: true },
  });
}
