import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";

/** Posts and comments a person wrote, their reactions and the reports they filed (GDPR export). */
export async function exportPostData(userId: string) {
  const [posts, comments, reactions, reports] = await Promise.all([
    prisma.post.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, title: true, body: true, visibility: true, status: true, createdAt: true, editedAt: true, deletedAt: true },
    }),
    prisma.postComment.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" }, select: { postId: true, body: true, createdAt: true, editedAt: true, deletedAt: true } }),
    prisma.reaction.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { targetType: true, targetId: true, kind: true, createdAt: true } }),
    prisma.report.findMany({ where: { reporterId: userId }, orderBy: { createdAt: "asc" }, select: { targetType: true, targetId: true, reason: true, status: true, createdAt: true } }),
  ]);
  return { posts, comments, reactions, reports };
}

/**
 * Account deletion: posts and comments stay, attributed to "Former member" (the account row is
 * anonymised); who reacted is personal and goes; reports stay for moderation, without the reporter.
 */
export async function erasePostData(tx: Prisma.TransactionClient, userId: string) {
  await tx.reaction.deleteMany({ where: { userId } });
  await tx.report.updateMany({ where: { reporterId: userId }, data: { reporterId: null } });
}
