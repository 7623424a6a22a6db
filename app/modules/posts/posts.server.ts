import { prisma } from "#app/utils/db.server.ts";

/** One post for its read page. */
export function getPost(id: string) {
  return prisma.post.findUnique({
    where: { id },
    select: { id: true, kind: true, title: true, body: true, coffeeId: true, createdAt: true, author: { select: { name: true, deletedAt: true } } },
  });
}
