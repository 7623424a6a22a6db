import { listSpotlights } from "#app/modules/coffee/spotlights.server.ts";

/** An Action Spotlight as the Atom feed needs it. */
export type SpotlightEntry = { id: string; title: string; path: string; summaryMarkdown: string; author: string; updated: Date };

/**
 * The one place the Atom feed reads Spotlights from: today the Morning Coffee Spotlights; when
 * Spotlights get their own module and pages, replace the body of this function.
 */
export async function publicSpotlights(): Promise<SpotlightEntry[]> {
  const rows = await listSpotlights();
  return rows.slice(0, 50).map((s) => ({
    id: s.id,
    title: s.title,
    path: `/spotlights#spotlight-${s.id}`,
    summaryMarkdown: [s.highlights, s.migrationContext].filter(Boolean).join("\n\n") || `Presented at ${s.coffee.title}.`,
    author: "MIEUX+ team",
    updated: s.coffee.startsAt,
  }));
}
