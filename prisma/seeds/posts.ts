import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";

// Demo posts built on MIEUX+ facts; the authors are the fictional demo accounts.
registerSeeder({
  name: "posts",
  async run() {
    const byEmail = async (email: string) => (await prisma.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    const organiser = await byEmail("organiser@mieux.example");
    const focalPoint = await byEmail("focalpoint.pl@mieux.example");
    const day = 24 * 60 * 60 * 1000;
    await prisma.post.createMany({
      data: [
        {
          authorId: organiser,
          kind: "update",
          title: "MIEUX+ in figures: 340 experts deployed, 176 EU officials involved",
          body:
            "Since 2009 MIEUX+ has implemented **more than 100 Actions** with partner administrations in Africa, Asia, " +
            "the EU Neighbourhood and Latin America and the Caribbean.\n\n- 340 experts deployed\n- 176 EU government officials involved\n" +
            "- 21 EU Member States represented in the current phase\n\nThank you to every expert and Focal Point who made it possible.",
          createdAt: new Date(Date.now() - 3 * day),
        },
        {
          authorId: organiser,
          kind: "resource",
          title: "Cultural agility: five habits from peer-to-peer exchanges",
          body:
            "Experts returning from MIEUX+ Actions keep naming the same habits:\n\n1. **Listen first.** Ask how the partner " +
            "institution works today before sharing how yours does.\n2. **Share practice, not templates.** Explain why a procedure " +
            "exists, so it can be adapted.\n3. **Learn the local context.** Read the migration profile of the country before you travel.\n" +
            "4. **Build contacts between institutions**, not only between people.\n5. **Bring knowledge home**: share what you learned " +
            "with your own administration.",
          createdAt: new Date(Date.now() - 10 * day),
        },
        {
          authorId: focalPoint,
          kind: "update",
          title: "Data collection on migrants: what an Action in Kazakhstan taught us",
          body:
            "Colleagues deployed on the MIEUX+ data-collection Action in Kazakhstan came back with practical ideas to improve how " +
            "we collect data on migrants from Central Asia. A short write-up is available on request from the Polish Focal Point.",
          createdAt: new Date(Date.now() - 20 * day),
        },
      ],
    });
  },
});
