import { prisma } from "#app/utils/db.server.ts";

export type PostOverrides = Partial<{ authorId: string | null; kind: string; title: string; body: string; memberState: string | null; visibility: string; createdAt: Date; status: string }>;

/** A post straight in the database (for reading tests; writing goes through the form). */
export function createPostRow(overrides: PostOverrides = {}) {
  return prisma.post.create({
    data: {
      authorId: overrides.authorId ?? null,
      kind: overrides.kind ?? "update",
      title: overrides.title ?? "An update from the network",
      body: overrides.body ?? "Three new experts joined the roster.",
      memberState: overrides.memberState ?? null,
      visibility: overrides.visibility ?? "public",
      status: overrides.status ?? "published",
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

/** Makes a user a Focal Point for a Member State. */
export function makeFocalPoint(userId: string, memberState: string) {
  return prisma.focalPoint.create({ data: { userId, memberState } });
}
