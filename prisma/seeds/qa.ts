import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";

/** Demo Q&A: an archive for the past Morning Coffee, pre-session questions for the next one. */
registerSeeder({
  name: "qa",
  async run() {
    const users = Object.fromEntries(
      (await prisma.user.findMany({ where: { email: { endsWith: "@mieux.example" } }, select: { id: true, email: true } })).map((u) => [u.email.split("@")[0], u.id]),
    );
    const coffees = await prisma.morningCoffee.findMany({ orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } });
    const past = coffees.find((c) => c.startsAt < new Date());
    const next = coffees.find((c) => c.startsAt > new Date());
    if (past) {
      await prisma.qaQuestion.createMany({
        data: [
          { coffeeId: past.id, authorId: users["expert.ee"], body: "Which lessons from the peer-to-peer exchanges would you repeat in the next Action?", status: "answered", voteCount: 0, answer: "Involving the partner administration in drafting the work plan from the first mission; it kept ownership where it belongs.", answeredById: users["organiser"] },
          { coffeeId: past.id, authorId: users["focalpoint.pl"], body: "How can Focal Points help identify experts earlier in the process?", status: "answered", voteCount: 0, answer: "By relaying calls for experts within a week and flagging availability in the roster.", answeredById: users["organiser"] },
          { coffeeId: past.id, authorId: users["member"], anonymous: true, body: "How was the migration context of each partner country taken into account?", status: "approved", voteCount: 0 },
        ],
      });
    }
    if (next) {
      await prisma.qaQuestion.createMany({
        data: [
          { coffeeId: next.id, authorId: users["expert.es"], body: "What does cultural agility look like in a short deployment?", status: "approved" },
          { coffeeId: next.id, authorId: users["member"], body: "Will the Q&A archive stay available after the session?", status: "pending" },
        ],
      });
      if (users["focalpoint.pl"]) await prisma.qaRole.create({ data: { coffeeId: next.id, userId: users["focalpoint.pl"], role: "moderator" } });
      if (users["expert.es"]) await prisma.qaRole.create({ data: { coffeeId: next.id, userId: users["expert.es"], role: "speaker" } });
    }
  },
});
