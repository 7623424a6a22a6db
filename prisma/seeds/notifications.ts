import { prisma } from "#app/utils/db.server.ts";
import { registerSeeder } from "../seed.ts";

// Demo notifications for the demo accounts, over several days, read and unread, so the bell and
// /notifications show something on a fresh installation (runs after the posts, coffees and calls).
registerSeeder({
  name: "notifications",
  async run() {
    const hour = 60 * 60 * 1000;
    const now = Date.now();
    const user = async (email: string) => (await prisma.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    const [organiser, focalPl, expertEe, expertEs, member] = await Promise.all(
      ["organiser@mieux.example", "focalpoint.pl@mieux.example", "expert.ee@mieux.example", "expert.es@mieux.example", "member@mieux.example"].map(user),
    );
    if (!organiser) return;
    const post = await prisma.post.findFirst({ where: { status: "published", deletedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, title: true, authorId: true } });
    const coffee = await prisma.morningCoffee.findFirst({ where: { status: "published" }, orderBy: { startsAt: "asc" }, select: { id: true, slug: true, title: true } });
    const rows: { userId: string; kind: string; actorId: string | null; subjectType?: string; subjectId?: string; subjectUrl: string; subjectTitle: string; message?: string; createdAt: Date; readAt?: Date }[] = [];
    for (const [index, userId] of [member, expertEe, expertEs, focalPl].entries()) {
      if (!userId) continue;
      if (coffee) rows.push({ userId, kind: "coffee_new", actorId: organiser, subjectType: "coffee", subjectId: coffee.id, subjectUrl: `/sessions/${coffee.slug}`, subjectTitle: coffee.title, message: "A new Morning Coffee is open for registration.", createdAt: new Date(now - (50 + index) * hour), readAt: new Date(now - 40 * hour) });
      if (post && post.authorId !== userId) {
        rows.push({ userId, kind: "mention", actorId: post.authorId ?? organiser, subjectType: "post", subjectId: post.id, subjectUrl: `/posts/${post.id}`, subjectTitle: post.title, createdAt: new Date(now - (26 + index) * hour) });
        rows.push({ userId, kind: "reaction", actorId: organiser, subjectType: "post", subjectId: post.id, subjectUrl: `/posts/${post.id}`, subjectTitle: post.title, message: "2 new reactions", createdAt: new Date(now - (5 * 24 + index) * hour), readAt: new Date(now - 4 * 24 * hour) });
      }
    }
    if (focalPl && expertEs) rows.push({ userId: focalPl, kind: "member_state_activity", actorId: expertEs, subjectUrl: "/focal-points/PL", subjectTitle: "A new roster application for your Member State", message: "New roster application for Poland", createdAt: new Date(now - 2 * hour) });
    if (expertEs && post) rows.push({ userId: expertEs, kind: "reply", actorId: organiser, subjectType: "post", subjectId: post.id, subjectUrl: `/posts/${post.id}`, subjectTitle: post.title, message: "replied to your comment", createdAt: new Date(now - hour) });
    if (rows.length) await prisma.notification.createMany({ data: rows });
  },
});
