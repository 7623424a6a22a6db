import { Feed } from "feed";
import { renderToStaticMarkup } from "react-dom/server";
import { UserMarkdown } from "#app/components/markdown.tsx";
import { getEnv } from "#app/utils/env.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { authorName, visiblePostsWhere } from "./posts.server.ts";
import { publicSpotlights } from "./spotlight-source.server.ts";

const ENTRIES = 50;
const SUMMARY_CHARS = 2_000;

/** Markdown rendered exactly as on the site (no raw HTML, safe links), as an HTML string. */
function summaryHtml(markdown: string) {
  const text = markdown.length > SUMMARY_CHARS ? `${markdown.slice(0, SUMMARY_CHARS).replace(/\s+\S*$/, "")}…` : markdown;
  return renderToStaticMarkup(<UserMarkdown>{text}</UserMarkdown>);
}

/**
 * Atom 1.0 of the public posts and the Action Spotlights, newest first: what anonymous visitors
 * may read, never members-only, held, hidden or deleted posts (the same rule as the feed page).
 */
export async function buildAtomFeed(): Promise<string> {
  const base = getEnv().APP_URL.replace(/\/$/, "");
  const [posts, spotlights] = await Promise.all([
    prisma.post.findMany({
      where: visiblePostsWhere(null),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ENTRIES,
      select: { id: true, title: true, body: true, createdAt: true, editedAt: true, author: { select: { name: true, deletedAt: true } } },
    }),
    publicSpotlights(),
  ]);
  const entries = [
    ...posts.map((p) => ({ id: `${base}/posts/${p.id}`, link: `${base}/posts/${p.id}`, title: p.title, author: authorName(p.author), updated: p.editedAt ?? p.createdAt, published: p.createdAt, markdown: p.body })),
    ...spotlights.map((s) => ({ id: `${base}${s.path}`, link: `${base}${s.path}`, title: s.title, author: s.author, updated: s.updated, published: s.updated, markdown: s.summaryMarkdown })),
  ]
    .sort((a, b) => b.updated.getTime() - a.updated.getTime())
    .slice(0, ENTRIES);
  const feed = new Feed({
    id: `${base}/posts`,
    title: "MIEUX+ Community",
    description: "Updates, publications, cultural-agility tips, news and Action Spotlights from the MIEUX+ migration expertise network.",
    link: `${base}/posts`,
    language: "en",
    updated: entries[0]?.updated ?? new Date(0),
    generator: false,
    feedLinks: { atom: `${base}/feed.atom` },
    copyright: "MIEUX+ Community members",
  });
  for (const e of entries) {
    feed.addItem({ id: e.id, link: e.link, title: e.title, date: e.updated, published: e.published, description: summaryHtml(e.markdown), author: [{ name: e.author }] });
  }
  return feed.atom1();
}
