import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";

type SeedResource = { title: string; summary: string; body: string; topic: string; region?: string; language?: string; tags: string[]; externalUrl?: string; featured?: boolean; author: "organiser" | "focalPoint"; daysAgo: number };

// Demo library built on MIEUX+ material: its areas, figures and examples. The tips are general advice.
const RESOURCES: SeedResource[] = [
  {
    title: "Cultural agility: listen before you share",
    summary: "Ask how the partner institution works today before explaining how yours does.",
    body: "Peer-to-peer exchange works when both sides learn.\n\n- Start with questions about the partner's procedures and constraints.\n- Explain **why** a practice exists in your administration, not only what it is.\n- Agree together what is worth adapting.",
    topic: "Cultural agility",
    tags: ["deployment", "tips"],
    featured: true,
    author: "organiser",
    daysAgo: 2,
  },
  {
    title: "Cultural agility: prepare with the country's migration context",
    summary: "Read about the partner country before you travel: each Morning Coffee Spotlight introduces one.",
    body: "Each Action Spotlight presents the migration context and characteristics of the featured country. Read the Spotlights on [Cameroon](/spotlights/action-spotlight-cameroon), [Georgia](/spotlights/action-spotlight-georgia) and [Uganda](/spotlights/action-spotlight-uganda) as a start.",
    topic: "Cultural agility",
    tags: ["deployment", "preparation"],
    author: "organiser",
    daysAgo: 6,
  },
  {
    title: "Cultural agility: keep the contact after the deployment",
    summary: "Build contacts between institutions, not only between people, and bring the knowledge home.",
    body: "Experts bring back valuable knowledge and practices from partner countries. Share it with your own administration, and keep the contact points between institutions alive after the Action ends.",
    topic: "Cultural agility",
    tags: ["follow-up", "tips"],
    author: "focalPoint",
    daysAgo: 9,
  },
  {
    title: "Agilidad cultural: escuchar antes de compartir",
    summary: "Consejos para expertos antes de un despliegue MIEUX+.",
    body: "Pregunte primero cómo trabaja hoy la institución socia. Explique **por qué** existe una práctica en su administración, no solo en qué consiste.",
    topic: "Cultural agility",
    language: "es",
    tags: ["deployment", "tips"],
    author: "organiser",
    daysAgo: 12,
  },
  {
    title: "Guide: legal migration and mobility in MIEUX+",
    summary: "What the thematic area covers: labour migration, integration, free movement.",
    body: "MIEUX+ Actions in this area support partner administrations on **labour migration**, the **integration** of migrants and **free movement**. The Azerbaijan V Action, on the cultural integration of migrants, is one example.",
    topic: "Legal migration and mobility",
    tags: ["guide", "thematic areas"],
    author: "organiser",
    daysAgo: 15,
  },
  {
    title: "Guide: migration and development",
    summary: "Development planning, diaspora engagement, remittances, brain drain and brain gain.",
    body: "The area covers development planning, diaspora engagement, remittances and brain drain/gain: how migration policy and development cooperation support each other.",
    topic: "Migration and development",
    region: "Africa",
    tags: ["guide", "thematic areas", "diaspora"],
    author: "organiser",
    daysAgo: 18,
  },
  {
    title: "Guide: irregular migration and trafficking in human beings",
    summary: "Border and visa management, and the fight against smuggling.",
    body: "MIEUX+ Actions in this area bring EU Member State practice on **border and visa management** and on countering **smuggling** and trafficking in human beings.",
    topic: "Irregular migration and trafficking in human beings",
    tags: ["guide", "thematic areas"],
    author: "organiser",
    daysAgo: 21,
  },
  {
    title: "Guide: international protection and asylum policy",
    summary: "Integration of refugees and displacement.",
    body: "The area covers the **integration of refugees** and responses to **displacement**, in line with the external dimension of the European Pact on Migration and Asylum.",
    topic: "International protection and asylum policy",
    tags: ["guide", "thematic areas"],
    author: "organiser",
    daysAgo: 24,
  },
  {
    title: "Guide: horizontal interventions",
    summary: "Migration and health, migration and climate change, data, gender.",
    body: "Some questions run across every area: **migration and health**, **migration and climate change**, **data** and **gender**.",
    topic: "Horizontal interventions (health, climate change, data, gender)",
    tags: ["guide", "thematic areas", "data"],
    author: "organiser",
    daysAgo: 27,
  },
  {
    title: "European expertise enhancing migration partnerships",
    summary: "The MIEUX+ Expert Roster in numbers: over 700 public officials from 26 EU Member States, 42 % women.",
    body:
      "Since 2009 the Expert Roster has registered over **700 public officials from 26 EU Member States**, 42 % of them women; half have been deployed. " +
      "More than 95 % of the experts rate their experience with MIEUX+ as good or excellent.\n\n" +
      "The article also describes the two avenues for cooperation: the **institutional** level and the **individual** level.",
    topic: "Horizontal interventions (health, climate change, data, gender)",
    tags: ["publication", "expert roster"],
    externalUrl: "https://www.mieux-initiative.eu",
    featured: true,
    author: "organiser",
    daysAgo: 30,
  },
  {
    title: "MIEUX+: a channel to exchange knowledge about migration",
    summary: "The initiative in figures: 340 experts deployed, 176 EU government officials involved, over 100 Actions, 21 Member States represented.",
    body:
      "Since 2009 MIEUX+ offers EU Member States opportunities to support partners in Africa, Asia, the EU Neighbourhood and Latin America and the Caribbean. " +
      "It is funded by the EU (DG INTPA) and implemented by ICMPD.\n\nKey areas of impact: policy development, inter-institutional coordination, producing knowledge, capacity building and training.",
    topic: "Migration and development",
    tags: ["publication", "leaflet"],
    externalUrl: "https://www.mieux-initiative.eu",
    author: "organiser",
    daysAgo: 35,
  },
  {
    title: "Lessons from Kazakhstan: better data on migrants from Central Asia",
    summary: "How an expert's team improved data collection after a MIEUX+ Action.",
    body:
      "Magdalena Kozlowska, Head of the Statistics Department at the Office for Foreigners of Poland: \"The knowledge gained within the course of implementation " +
      "of MIEUX+ Action in Kazakhstan helped me and my team to improve data collection on migrants from Central Asia.\"",
    topic: "Horizontal interventions (health, climate change, data, gender)",
    region: "Asia",
    tags: ["data collection", "lessons learned"],
    featured: true,
    author: "focalPoint",
    daysAgo: 40,
  },
  {
    title: "Azerbaijan V: contacts between institutions",
    summary: "Estonian and Polish ministries and three Azerbaijani institutions: the institutional avenue at work.",
    body:
      "MIEUX+ experts from the Ministry of Culture of Estonia and the Ministry of Labour and Social Affairs of Poland shared their practical knowledge with partners in Azerbaijan, " +
      "and helped establish contacts with the State Migration Service, the Ministry of Culture and the Ministry of Social Affairs of Azerbaijan.",
    topic: "Legal migration and mobility",
    region: "EU Neighbourhood",
    tags: ["integration", "lessons learned"],
    author: "organiser",
    daysAgo: 45,
  },
];

registerSeeder({
  name: "resources",
  async run() {
    const byEmail = async (email: string) => (await prisma.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    const authors = { organiser: await byEmail("organiser@mieux.example"), focalPoint: await byEmail("focalpoint.pl@mieux.example") };
    const day = 24 * 60 * 60 * 1000;
    for (const r of RESOURCES) {
      const createdAt = new Date(Date.now() - r.daysAgo * day);
      await prisma.resource.create({
        data: {
          title: r.title,
          summary: r.summary,
          body: r.body,
          externalUrl: r.externalUrl ?? "",
          topic: r.topic,
          region: r.region ?? "",
          language: r.language ?? "en",
          featuredAt: r.featured ? createdAt : null,
          createdById: authors[r.author],
          createdAt,
          tags: { create: r.tags.map((tag) => ({ tag })) },
        },
      });
    }
  },
});
