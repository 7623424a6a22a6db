import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { QaCoffee } from "./access.server.ts";
import { indexPost } from "#app/modules/search/indexers.server.ts";

export const POST_KINDS = ["update", "resource"] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Markdown has no raw HTML on our pages; still, keep question text from turning into headings or links. */
function quote(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line.replace(/([\\`*_[\]<>#|])/g, "\\$1")}`)
    .join("\n");
}

function plain(text: string) {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

/**
 * Turns answered questions into a post (update) or a resource with one action: one question
 * when `questionId` is given, otherwise every answered question of the session. Never names
 * anonymous askers.
 */
export async function publishAnswered(actor: SessionUser, coffee: QaCoffee, input: { kind: PostKind; questionId?: string }, ip?: string | null): Promise<Result<{ id: string }>> {
  if (!hasRole(actor.role, "organiser")) return fail("forbidden", "Only organisers can publish from the Q&A.");
  const questions = await prisma.qaQuestion.findMany({
    where: { coffeeId: coffee.id, status: "answered", answer: { not: null }, ...(input.questionId ? { id: input.questionId } : {}) },
    orderBy: [{ voteCount: "desc" }, { createdAt: "asc" }],
    select: { id: true, body: true, answer: true, anonymous: true, author: { select: { name: true, deletedAt: true } }, answeredBy: { select: { name: true } } },
  });
  if (!questions.length) return fail("empty", input.questionId ? "Only questions with a written answer can be published." : "There are no answered questions with a written answer yet.");
  const single = input.questionId ? questions[0] : null;
  const title = single ? `Q&A: ${single.body.slice(0, 120)}${single.body.length > 120 ? "…" : ""}` : `Questions and answers from “${coffee.title}”`;
  const sections = questions.map((q) => {
    const asker = q.anonymous || !q.author || q.author.deletedAt ? "a participant" : plain(q.author.name);
    const by = q.answeredBy ? ` — ${plain(q.answeredBy.name)}` : "";
    return `${quote(q.body)}\n\nAsked by ${asker}.\n\n**Answer${by}:** ${plain(q.answer ?? "")}`;
  });
  const body = `From the live Q&A of the Morning Coffee “${plain(coffee.title)}”.\n\n${sections.join("\n\n---\n\n")}\n`;
  const post = await prisma.$transaction(async (tx) => {
    const created = await tx.post.create({ data: { authorId: actor.id, kind: input.kind, title, body, coffeeId: coffee.id, sourceQuestionId: single?.id ?? null }, select: { id: true } });
    await indexPost(tx, created.id);
    await audit({ actorId: actor.id, action: "qa.publish", targetType: "post", targetId: created.id, data: { coffeeId: coffee.id, kind: input.kind, questions: questions.map((q) => q.id) }, ip }, tx);
    return created;
  });
  return ok(post);
}
