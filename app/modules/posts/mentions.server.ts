import { containsText, prisma } from "#app/utils/db.server.ts";

/**
 * A mention is the markdown link the composer inserts: `[@Name](/roster/<userId>)`. Storing the
 * link (not bare "@Name") keeps it pointing at the right person when two share a name.
 */
const MENTION = /\[@[^\]\n]{1,100}\]\(\/roster\/([A-Za-z0-9_-]{1,40})\)/g;

export function mentionedIds(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(MENTION)].map((m) => m[1]!))].slice(0, 20);
}

/** The members mentioned in a text who exist and can be notified. */
export async function mentionedMembers(markdown: string) {
  const ids = mentionedIds(markdown);
  if (!ids.length) return [];
  return prisma.user.findMany({ where: { id: { in: ids }, deletedAt: null, emailVerifiedAt: { not: null } }, select: { id: true, name: true } });
}

/** Members whose name starts a word with `q`, for the @ autocomplete. */
export async function searchMembersByName(q: string, take = 8) {
  const query = q.trim().slice(0, 60);
  if (query.length < 2) return [];
  return prisma.user.findMany({
    // Case-insensitive on both engines (containsText: SQLite's LIKE folds ASCII, PostgreSQL gets ILIKE).
    where: { deletedAt: null, emailVerifiedAt: { not: null }, name: containsText(query) },
    orderBy: { name: "asc" },
    take,
    select: { id: true, name: true, country: true },
  });
}
