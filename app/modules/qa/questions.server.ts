import { audit } from "#app/modules/admin/audit.server.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { lockRows, prisma, type Prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { cache } from "#app/utils/cache.server.ts";
import { canModerate, endsAt, qaAccess, type QaAccess, type QaCoffee } from "./access.server.ts";
import { writeVote } from "./vote-writer.server.ts";
import type { ModerationAction, QaErrorCode, QaQuestion, QaState, QaViewerRole, QuestionStatus } from "./events.ts";

export const questionSelect = {
  id: true,
  coffeeId: true,
  authorId: true,
  anonymous: true,
  body: true,
  status: true,
  pinned: true,
  answer: true,
  voteCount: true,
  createdAt: true,
  author: { select: { id: true, name: true, country: true, institution: true, deletedAt: true } },
} satisfies Prisma.QaQuestionSelect;

export type QuestionRow = Prisma.QaQuestionGetPayload<{ select: typeof questionSelect }>;

/** Who a question is shown to: everyone, moderators (asker's State), or organisers (anonymous authors too). */
export type Audience = "public" | "moderator" | "organiser";

export function audienceOf(role: QaViewerRole): Audience {
  if (role === "organiser") return "organiser";
  if (role === "moderator") return "moderator";
  return "public";
}

/** The protocol's question shape for one audience; anonymity and roster details are decided here only. */
export function questionView(row: QuestionRow, audience: Audience, viewerId?: string): QaQuestion {
  const showAuthor = row.author && !row.author.deletedAt && (!row.anonymous || audience === "organiser");
  const view: QaQuestion = {
    id: row.id,
    sessionId: row.coffeeId,
    body: row.body,
    author: showAuthor && row.author ? { id: row.author.id, name: row.author.name } : null,
    anonymous: row.anonymous,
    status: row.status as QuestionStatus,
    votes: row.voteCount,
    pinned: row.pinned,
    answer: row.answer,
    createdAt: row.createdAt.toISOString(),
  };
  if (audience !== "public") {
    // A designated moderator sees the State (to balance the floor) but not the institution of an anonymous asker.
    view.asker = {
      country: row.author?.country ?? null,
      institution: row.anonymous && audience !== "organiser" ? null : (row.author?.institution ?? null),
    };
  }
  if (viewerId && row.authorId === viewerId) view.mine = true;
  return view;
}

const PUBLIC_STATUSES = ["approved", "answered"];

/**
 * A session's non-hidden questions, shared by every member's join for a moment ("qa-questions"):
 * a reconnect storm of thousands of joins reads the table a few times, not thousands. Writes in
 * this process drop the entry (broadcast.server.ts); vote flushes patch the counts in place.
 */
function openRows(coffeeId: string): Promise<QuestionRow[]> {
  return cache.get("qa-questions", coffeeId, () =>
    prisma.qaQuestion.findMany({ where: { coffeeId, status: { in: [...PUBLIC_STATUSES, "pending"] } }, select: questionSelect, orderBy: { createdAt: "asc" } }),
  );
}

export function forgetQuestionList(coffeeId: string) {
  cache.invalidate("qa-questions", coffeeId);
}

/** Vote counts just stored, written into the cached list (if held) so that joins see them. */
export function patchCachedVotes(coffeeId: string, counts: Record<string, number>) {
  const pending = cache.peek<Promise<QuestionRow[]>>("qa-questions", coffeeId);
  void pending?.then(
    (rows) => {
      for (const row of rows) if (row.id in counts) row.voteCount = counts[row.id];
    },
    () => undefined,
  );
}

/** The questions one person may see: moderators everything, others approved/answered plus their own pending ones. */
export async function listQuestions(coffeeId: string, role: QaViewerRole, viewerId: string): Promise<QaQuestion[]> {
  const audience = audienceOf(role);
  if (canModerate(role)) {
    const rows = await prisma.qaQuestion.findMany({ where: { coffeeId }, select: questionSelect, orderBy: { createdAt: "asc" } });
    return rows.map((r) => questionView(r, audience, viewerId));
  }
  const rows = await openRows(coffeeId);
  return rows.filter((r) => r.status !== "pending" || r.authorId === viewerId).map((r) => questionView(r, audience, viewerId));
}

export async function qaState(user: SessionUser, access: QaAccess, presence = 0): Promise<QaState> {
  const { coffee, role, phase } = access;
  const [questions, votes] = await Promise.all([
    listQuestions(coffee.id, role, user.id),
    prisma.qaVote.findMany({ where: { userId: user.id, question: { coffeeId: coffee.id } }, select: { questionId: true } }),
  ]);
  return {
    session: {
      id: coffee.id,
      slug: coffee.slug,
      title: coffee.title,
      startsAt: coffee.startsAt.toISOString(),
      endsAt: endsAt(coffee).toISOString(),
      qaMode: coffee.qaMode === "moderated" ? "moderated" : "open",
      phase,
      pinnedQuestionId: questions.find((q) => q.pinned && q.status !== "hidden")?.id ?? null,
    },
    questions,
    myVotes: votes.map((v) => v.questionId),
    role,
    canAnswer: access.canAnswer,
    presence,
  };
}

type QaResult<T> = Result<T, QaErrorCode>;

export async function askQuestion(user: SessionUser | null, input: { sessionId: string; body: string; anonymous?: boolean }): Promise<QaResult<{ row: QuestionRow; access: QaAccess }>> {
  const access = await qaAccess(user, input.sessionId);
  if (!access.ok) return access;
  if (access.value.phase === "closed") return fail("closed", "This Q&A has ended; it is now a read-only archive.");
  const premoderated = access.value.coffee.qaMode === "moderated" && !canModerate(access.value.role);
  const row = await prisma.qaQuestion.create({
    data: { coffeeId: access.value.coffee.id, authorId: user!.id, body: input.body, anonymous: Boolean(input.anonymous), status: premoderated ? "pending" : "approved" },
    select: questionSelect,
  });
  return ok({ row, access: access.value });
}

async function questionWithAccess(user: SessionUser | null, questionId: string): Promise<QaResult<{ question: { id: string; coffeeId: string; status: string; pinned: boolean; authorId: string | null }; access: QaAccess }>> {
  const question = await prisma.qaQuestion.findUnique({ where: { id: questionId }, select: { id: true, coffeeId: true, status: true, pinned: true, authorId: true } });
  if (!question) return fail("not_found", "That question does not exist.");
  const access = await qaAccess(user, question.coffeeId);
  if (!access.ok) return access;
  // People who may not see a pending or hidden question are told it does not exist.
  const visible = PUBLIC_STATUSES.includes(question.status) || canModerate(access.value.role) || question.authorId === user?.id;
  if (!visible) return fail("not_found", "That question does not exist.");
  return ok({ question, access: access.value });
}

/**
 * A question's session and author never change: remembered ("qa-question-meta"), so a vote costs
 * one transaction. An unknown id is not remembered.
 */
async function metaOf(questionId: string) {
  const row = await cache.get("qa-question-meta", questionId, () => prisma.qaQuestion.findUnique({ where: { id: questionId }, select: { coffeeId: true, authorId: true } }));
  if (!row) cache.invalidate("qa-question-meta", questionId);
  return row;
}

/**
 * Upvote (1) or withdraw (0). The vote row and the count column change in one transaction
 * (vote-writer.server.ts), and only while the question is published.
 */
export async function voteOnQuestion(user: SessionUser | null, input: { questionId: string; value: 0 | 1 }): Promise<QaResult<{ votes: number; coffeeId: string }>> {
  if (!user) return fail("unauthenticated", "Log in to take part in the Q&A.");
  const meta = await metaOf(input.questionId);
  if (!meta) return fail("not_found", "That question does not exist.");
  const access = await qaAccess(user, meta.coffeeId);
  if (!access.ok) return access;
  if (access.value.phase === "closed") return fail("closed", "This Q&A has ended; votes are closed.");
  if (input.value === 1 && meta.authorId === user.id) return fail("own_question", "You cannot upvote your own question: the votes show what others want answered.");
  const row = await writeVote({ questionId: input.questionId, userId: user.id, value: input.value });
  if (!row) return fail("not_found", "That question does not exist.");
  if (!PUBLIC_STATUSES.includes(row.status)) {
    // People who may not see a pending or hidden question are told it does not exist.
    const visible = canModerate(access.value.role) || meta.authorId === user.id;
    return visible ? fail("invalid", "Only published questions can be voted on.") : fail("not_found", "That question does not exist.");
  }
  return ok({ votes: row.voteCount, coffeeId: meta.coffeeId });
}

const TRANSITIONS: Record<ModerationAction, { from: QuestionStatus[]; message: string }> = {
  approve: { from: ["pending", "hidden"], message: "Only pending or hidden questions can be approved." },
  hide: { from: ["pending", "approved", "answered"], message: "This question is already hidden." },
  answered: { from: ["pending", "approved"], message: "Only open questions can be marked answered." },
  reopen: { from: ["answered"], message: "Only answered questions can be reopened." },
  pin: { from: ["pending", "approved", "answered"], message: "Hidden questions cannot be pinned." },
  unpin: { from: ["pending", "approved", "answered", "hidden"], message: "" },
};

export type ModerationOutcome = { row: QuestionRow; access: QaAccess; previousStatus: QuestionStatus; pinChanged: boolean; unpinnedId: string | null };

/**
 * Approve, hide, mark answered, reopen, pin (one per session) or unpin; every action is audited.
 * In its own transaction, or in `within` when it is one step of a larger decision (a moderator's
 * decision on a report, which also closes the reports and tells the asker).
 */
export async function moderateQuestion(user: SessionUser | null, input: { questionId: string; action: ModerationAction }, ip?: string | null, within?: Prisma.TransactionClient): Promise<QaResult<ModerationOutcome>> {
  const found = await questionWithAccess(user, input.questionId);
  if (!found.ok) return found;
  const { question, access } = found.value;
  if (!canModerate(access.role)) return fail("forbidden", "Only organisers and this session's moderators can moderate questions.");
  const status = question.status as QuestionStatus;
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(status)) return fail("invalid", rule.message);
  if (input.action === "unpin" && !question.pinned) return fail("invalid", "This question is not pinned.");

  const data: Prisma.QaQuestionUpdateInput = {};
  if (input.action === "approve") data.status = "approved";
  if (input.action === "hide") Object.assign(data, { status: "hidden", pinned: false });
  if (input.action === "answered") Object.assign(data, { status: "answered", pinned: false, answeredAt: new Date() });
  if (input.action === "reopen") data.status = "approved";
  if (input.action === "pin") Object.assign(data, { pinned: true, ...(status === "pending" ? { status: "approved" } : {}) });
  if (input.action === "unpin") data.pinned = false;

  const inTransaction = <T>(fn: (db: Prisma.TransactionClient) => Promise<T>) => (within ? fn(within) : prisma.$transaction(fn));
  const result = await inTransaction(async (tx) => {
    let unpinnedId: string | null = null;
    if (input.action === "pin") {
      // One pinned question per session: two moderators pinning at once take turns (decision 060).
      await lockRows(tx, "MorningCoffee", [question.coffeeId]);
      const current = await tx.qaQuestion.findFirst({ where: { coffeeId: question.coffeeId, pinned: true, id: { not: question.id } }, select: { id: true } });
      if (current) {
        await tx.qaQuestion.update({ where: { id: current.id }, data: { pinned: false } });
        unpinnedId = current.id;
      }
    }
    const row = await tx.qaQuestion.update({ where: { id: question.id }, data, select: questionSelect });
    await audit({ actorId: user!.id, action: `qa.${input.action}`, targetType: "qa_question", targetId: question.id, data: { coffeeId: question.coffeeId, from: status, to: row.status }, ip }, tx);
    return { row, unpinnedId };
  });
  return ok({ ...result, access, previousStatus: status, pinChanged: question.pinned !== result.row.pinned });
}

/** A speaker's or organiser's short answer; the question becomes answered. */
export async function answerQuestion(user: SessionUser | null, input: { questionId: string; body: string }, ip?: string | null): Promise<QaResult<{ row: QuestionRow; access: QaAccess; wasPinned: boolean }>> {
  const found = await questionWithAccess(user, input.questionId);
  if (!found.ok) return found;
  const { question, access } = found.value;
  if (!access.canAnswer) return fail("forbidden", "Only this session's speakers and organisers can answer questions.");
  if (question.status === "hidden" || question.status === "pending") return fail("invalid", "Approve this question before answering it.");
  const row = await prisma.$transaction(async (tx) => {
    const updated = await tx.qaQuestion.update({
      where: { id: question.id },
      data: { answer: input.body, answeredById: user!.id, answeredAt: new Date(), status: "answered" },
      select: questionSelect,
    });
    await audit({ actorId: user!.id, action: "qa.answer", targetType: "qa_question", targetId: question.id, data: { coffeeId: question.coffeeId }, ip }, tx);
    return updated;
  });
  return ok({ row, access, wasPinned: question.pinned });
}

export type { QaCoffee };

/** Questions asked, votes and Q&A roles (GDPR export). */
export const exportQaData = async (userId: string) => ({
  questions: await prisma.qaQuestion.findMany({
    where: { authorId: userId },
    select: { coffeeId: true, body: true, anonymous: true, status: true, answer: true, voteCount: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  }),
  votes: await prisma.qaVote.findMany({ where: { userId }, select: { questionId: true, createdAt: true } }),
  qaRoles: await prisma.qaRole.findMany({ where: { userId }, select: { coffeeId: true, role: true, createdAt: true } }),
});
