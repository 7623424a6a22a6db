import { PUBLISHED_SPOTLIGHT } from "#app/modules/actions/spotlight-rules.ts";
import { prisma } from "#app/utils/db.server.ts";

/** An Action Spotlight as the Atom feed needs it. */
export type SpotlightEntry = { id: string; title: string; path: string; summaryMarkdown: string; author: string; updated: Date };

/** The one place the Atom feed reads Spotlights from: the published ones, newest first, as their own pages. */
export async function publicSpotlights(): Promise<SpotlightEntry[]> {
  const rows = await prisma.spotlight.findMany({
    where: PUBLISHED_SPOTLIGHT,
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: { id: true, slug: true, title: true, summary: true, highlights: true, updatedAt: true },
  });
  return rows.map((s) => ({
    id: s.id,
    title: s.title,
    path: `/spotlights/${s.slug}`,
    summaryMarkdown: s.summary || s.highlights || s.title,
    author: "MIEUX+ team",
    updated: s.updatedAt,
  }));
}
