import { DateTime } from "luxon";
import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";
import { upsertSeedActions } from "./roster-data.ts";

// The Spotlights refer to Actions of the one seeded list (roster-data.ts), so each Action has one
// title, one period and the deployments that go with it.
import { AZERBAIJAN_V_SPOTLIGHT, NOVEMBER_2023_SPOTLIGHTS, type SeedSpotlight } from "./spotlights-data.ts";

function spotlightData(s: SeedSpotlight, actionIds: Record<string, string>, publishedAt: Date) {
  const { action, ...fields } = s;
  return { ...fields, actionId: actionIds[action] ?? null, status: "published", publishedAt };
}

registerSeeder({
  name: "morning-coffee",
  async run() {
    const organiser = await prisma.user.findUnique({ where: { email: "organiser@mieux.example" }, select: { id: true } });
    const ids = Object.fromEntries(await upsertSeedActions(prisma));
    const people = await prisma.user.findMany({ where: { email: { endsWith: "@mieux.example" } }, select: { id: true, email: true } });
    const byEmail = (email: string) => people.find((p) => p.email === email)?.id ?? null;

    const pastSlug = "morning-coffee-2023-11-cameroon-georgia-uganda";
    const past = await prisma.morningCoffee.upsert({
      where: { slug: pastSlug },
      update: {},
      create: {
        slug: pastSlug,
        title: "Morning Coffee: Action Spotlights on Cameroon, Georgia and Uganda",
        summary: "Knowledge exchange and lessons learned from MIEUX+ Actions in Cameroon, Georgia and Uganda.",
        description:
          "The autumn 2023 Morning Coffee gathered experts online around three MIEUX+ Actions. Each Action Spotlight presented highlights and " +
          "achievements and the migration context of the partner country, followed by a Q&A with the speakers.",
        agenda: "10:00 Welcome by the MIEUX+ team\n10:10 Action Spotlight: Cameroon\n10:30 Action Spotlight: Georgia\n10:50 Action Spotlight: Uganda\n11:10 Q&A with the speakers\n11:25 Closing",
        startsAt: DateTime.fromISO("2023-11-29T10:00", { zone: "Europe/Brussels" }).toJSDate(),
        durationMinutes: 90,
        timezone: "Europe/Brussels",
        status: "held",
        qaMode: "open",
        publishedAt: new Date(Date.UTC(2023, 9, 20)),
        createdById: organiser?.id,
        recordingUrl: "https://media.mieux.example/morning-coffee-2023-11",
        outcome:
          "Speakers from the three Actions shared what worked in peer-to-peer exchanges between EU Member State administrations and their partners, " +
          "and what they would do differently. The Q&A turned to how experts prepare for a deployment and keep in touch with partner institutions afterwards.\n\n" +
          "(Demo summary: the speakers and quotes on this site are fictional.)",
        actionId: null,
        speakers: {
          create: [
            { name: "Claire Dubois", role: "MIEUX+ team, moderator", position: 0 },
            { name: "Jean-Paul Mbarga", role: "Partner institution, Cameroon (fictional speaker)", position: 1 },
            { name: "Nino Beridze", role: "Partner institution, Georgia (fictional speaker)", position: 2 },
            { name: "Grace Namutebi", role: "Partner institution, Uganda (fictional speaker)", position: 3 },
          ],
        },
        spotlights: { create: NOVEMBER_2023_SPOTLIGHTS.map((spotlight, position) => ({ position, spotlight: { create: spotlightData(spotlight, ids, new Date(Date.UTC(2023, 10, 29, 12))) } })) },
      },
      select: { id: true },
    });

    // The next session: five weeks ahead, a Tuesday at 10:00 in Brussels.
    const start = DateTime.now().setZone("Europe/Brussels").plus({ weeks: 5 }).set({ weekday: 2, hour: 10, minute: 0, second: 0, millisecond: 0 });
    const nextSlug = `morning-coffee-${start.toFormat("yyyy-MM")}-cultural-agility`;
    const next = await prisma.morningCoffee.upsert({
      where: { slug: nextSlug },
      update: {},
      create: {
        slug: nextSlug,
        title: "Morning Coffee: cultural agility in peer-to-peer exchanges",
        summary: "An Action Spotlight on Azerbaijan V and a live Q&A with experts deployed in recent MIEUX+ Actions.",
        description:
          "Twice a year the MIEUX+ network meets online. This session features an Action Spotlight with its highlights, achievements and migration " +
          "context, and a Q&A where every participant can ask and vote.",
        agenda: "10:00 Welcome\n10:10 Action Spotlight: Azerbaijan V\n10:40 Cultural agility: tips from deployed experts\n11:00 Q&A with the speakers\n11:25 Closing",
        startsAt: start.toJSDate(),
        durationMinutes: 90,
        timezone: "Europe/Brussels",
        status: "published",
        qaMode: "moderated",
        capacity: 150,
        meetingUrl: "https://meet.mieux.example/morning-coffee",
        linkVisibleMinutes: 15,
        publishedAt: new Date(),
        createdById: organiser?.id,
        actionId: ids["Azerbaijan V"],
        speakers: {
          create: [
            { name: "Kristjan Tamm", role: "MIEUX+ expert, Ministry of Culture (Estonia)", userId: byEmail("expert.ee@mieux.example"), position: 0 },
            { name: "Leyla Mammadova", role: "Partner institution, Azerbaijan (fictional guest speaker)", position: 1 },
          ],
        },
        spotlights: { create: [{ position: 0, spotlight: { create: spotlightData(AZERBAIJAN_V_SPOTLIGHT, ids, new Date()) } }] },
      },
      select: { id: true },
    });

    // Some demo participation: registrations, attendance and feedback.
    const expertEs = byEmail("expert.es@mieux.example");
    const member = byEmail("member@mieux.example");
    const focal = byEmail("focalpoint.pl@mieux.example");
    for (const [userId, rating, comment] of [
      [expertEs, 5, "Hearing three Actions side by side made the differences in context very clear."],
      [focal, 4, "Useful; I would like more time for questions."],
    ] as const) {
      if (!userId) continue;
      await prisma.coffeeRegistration.upsert({
        where: { coffeeId_userId: { coffeeId: past.id, userId } },
        update: {},
        create: { coffeeId: past.id, userId, status: "registered", attended: true, listPublicly: true, queuedAt: new Date(Date.UTC(2023, 10, 1)) },
      });
      await prisma.coffeeFeedback.upsert({ where: { coffeeId_userId: { coffeeId: past.id, userId } }, update: {}, create: { coffeeId: past.id, userId, rating, comment } });
    }
    for (const userId of [expertEs, member]) {
      if (!userId) continue;
      await prisma.coffeeRegistration.upsert({
        where: { coffeeId_userId: { coffeeId: next.id, userId } },
        update: {},
        create: { coffeeId: next.id, userId, status: "registered", listPublicly: userId === expertEs },
      });
    }
  },
});
