import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";

registerSeeder({
  name: "morning-coffee",
  async run() {
    const organiser = await prisma.user.findUnique({ where: { email: "organiser@mieux.example" }, select: { id: true } });
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 18, 9, 0));
    await prisma.morningCoffee.createMany({
      data: [
        {
          slug: "morning-coffee-2023-11-cameroon-georgia-uganda",
          title: "Morning Coffee: Action Spotlights on Cameroon, Georgia and Uganda",
          summary: "Knowledge exchange and lessons learned from MIEUX+ Actions in Cameroon, Georgia and Uganda.",
          description:
            "The autumn 2023 Morning Coffee gathered experts online around three MIEUX+ Actions. Each Action Spotlight " +
            "presented highlights and achievements and the migration context of the partner country, followed by a Q&A with the speakers.",
          startsAt: new Date(Date.UTC(2023, 10, 29, 9, 0)),
          durationMinutes: 90,
          timezone: "Europe/Brussels",
          status: "held",
          qaMode: "open",
          createdById: organiser?.id,
        },
        {
          slug: `morning-coffee-${next.toISOString().slice(0, 7)}`,
          title: "Morning Coffee: cultural agility in peer-to-peer exchanges",
          summary: "An Action Spotlight and a live Q&A with experts deployed in recent MIEUX+ Actions.",
          description:
            "Twice a year the MIEUX+ network meets online. This session features an Action Spotlight with its highlights, " +
            "achievements and migration context, and a Q&A where every participant can ask and vote.",
          startsAt: next,
          durationMinutes: 90,
          timezone: "Europe/Brussels",
          status: "published",
          qaMode: "moderated",
          createdById: organiser?.id,
        },
      ],
    });
  },
});
