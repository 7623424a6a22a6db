import { prisma } from "#app/utils/db.server.ts";

/** One post for its read page. */
export function getPost(id: string) {
  return prisma.post.findUnique({
    where: { id },
    select: { id: true, kind: true, title: true, body: true, coffeeId: true, createdAt: true, author: { select: { name: true, deletedAt: true } } },
  });
}

/** The newest posts of a kind (updates, resources), for the home feed and the resources page. */
export function listPosts({ kind, take = 20 }: { kind?: "update" | "resource"; take?: number } = {}) {
  return prisma.post.findMany({
    where: kind ? { kind } : {},
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, title: true, body: true, createdAt: true, author: { select: { name: true, deletedAt: true } } },
  });
}

/** The first words of a markdown body, as plain text. */
export function excerpt(markdown: string, length = 220) {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~#>|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length).replace(/\s+\S*$/, "")}…` : text;
}
