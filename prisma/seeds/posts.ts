import { countryName } from "#app/utils/countries.ts";
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
    await seedCommunity({ organiser, focalPoint, byEmail, day });
  },
});

// Facts from MIEUX+ public material; one post per Member State and kind, with comments and reactions.
const STATES = ["PL", "DE", "FR", "ES", "IT", "PT", "NL", "BE", "AT", "SE", "FI", "EE", "LV", "LT", "CZ", "SK", "SI", "HR", "RO", "BG", "GR", "CY", "MT", "IE", "LU", "DK"];
const TOPICS: { kind: "update" | "publication" | "tip" | "news"; title: (s: string) => string; body: string; area: string; tags: string[] }[] = [
  { kind: "update", title: (s) => `${s}: a new Focal Point joins the network`, body: "More EU Member States have named **Focal Points** in this phase of MIEUX+, so calls for experts reach the right administrations faster.", area: "Horizontal interventions (health, climate change, data, gender)", tags: ["focal-points"] },
  { kind: "publication", title: (s) => `Peer-to-peer exchanges: lessons from ${s}`, body: "European public sector expertise builds mutual trust with partner countries. This note sums up what our experts learned on recent deployments.", area: "Migration and development", tags: ["peer-to-peer", "lessons"] },
  { kind: "tip", title: () => "Cultural agility: listen before you share", body: "Ask how the partner institution works today before explaining how yours does. Share the *why* behind a procedure, not only the template.", area: "Legal migration and mobility", tags: ["cultural-agility"] },
  { kind: "news", title: (s) => `${s} hosts a study visit on labour migration`, body: "Officials from a partner administration visited our ministries to compare how labour migration channels are designed and monitored.", area: "Legal migration and mobility", tags: ["study-visit", "labour-migration"] },
];
const COMMENTS = ["Thank you for sharing this.", "Very useful for our next deployment.", "We saw the same in our Action: the partner valued the practical examples most.", "Could you share the contact of the team that organised it?"];

async function seedCommunity({ organiser, focalPoint, byEmail, day }: { organiser: string | null; focalPoint: string | null; byEmail: (e: string) => Promise<string | null>; day: number }) {
  const readers = (await Promise.all(["member@mieux.example", "expert.ee@mieux.example", "expert.es@mieux.example", "organiser@mieux.example"].map(byEmail))).filter((id): id is string => !!id);
  let n = 0;
  for (const [i, state] of STATES.entries()) {
    const topic = TOPICS[i % TOPICS.length]!;
    const authorId = state === "PL" ? focalPoint : organiser;
    const post = await prisma.post.create({
      data: {
        authorId,
        kind: topic.kind,
        title: topic.title(countryName(state)),
        body: topic.body,
        memberState: state,
        thematicAreas: topic.area,
        visibility: i % 7 === 6 ? "members" : "public",
        createdAt: new Date(Date.now() - (30 + i) * day),
        tags: { create: [...topic.tags.map((value) => ({ kind: "tag", value })), { kind: "area", value: topic.area }] },
      },
      select: { id: true },
    });
    for (const [j, readerId] of readers.entries()) {
      if ((i + j) % 2 === 0) await prisma.postComment.create({ data: { postId: post.id, authorId: readerId, body: COMMENTS[(i + j) % COMMENTS.length]!, createdAt: new Date(Date.now() - (29 + i) * day + j * 3_600_000) } });
      await prisma.reaction.create({ data: { targetType: "post", targetId: post.id, userId: readerId, kind: ["like", "love", "insight", "applause"][(i + j) % 4]! } });
    }
    n++;
  }
  return n;
}
