/**
 * What a person does in the Q&A, for both the socket handlers and the no-JavaScript forms:
 * the rule (questions.server.ts), the durable write, then the broadcast.
 */
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import type { Prisma } from "#app/utils/db.server.ts";
import { ok } from "#app/utils/result.ts";
import { notifyAskerHidden, publishPinned, publishQuestion, noteVote } from "./broadcast.server.ts";
import type { ModerationAction } from "./events.ts";
import { answerQuestion, askQuestion, audienceOf, moderateQuestion, patchCachedVotes, questionView, voteOnQuestion, type ModerationOutcome } from "./questions.server.ts";

export async function ask(user: SessionUser | null, input: { sessionId: string; body: string; anonymous?: boolean }) {
  const result = await askQuestion(user, input);
  if (!result.ok) return result;
  publishQuestion(result.value.row);
  return ok(questionView(result.value.row, audienceOf(result.value.access.role), user!.id));
}

export async function vote(user: SessionUser | null, input: { questionId: string; value: 0 | 1 }) {
  const result = await voteOnQuestion(user, input);
  if (!result.ok) return result;
  patchCachedVotes(result.value.coffeeId, { [input.questionId]: result.value.votes });
  noteVote(result.value.coffeeId, input.questionId, result.value.votes);
  return ok({ votes: result.value.votes });
}

export async function moderate(user: SessionUser | null, input: { questionId: string; action: ModerationAction }, ip?: string | null) {
  const result = await moderateQuestion(user, input, ip);
  if (!result.ok) return result;
  publishModeration(result.value, input.action);
  const { row, access } = result.value;
  return ok(questionView(row, audienceOf(access.role), user!.id));
}

/**
 * The same moderation as one step of a larger transaction (a decision on a report): returns what
 * tells open Q&A pages, to call once that transaction has committed.
 */
export async function moderateInTransaction(tx: Prisma.TransactionClient, user: SessionUser, input: { questionId: string; action: ModerationAction }, ip?: string | null) {
  const result = await moderateQuestion(user, input, ip, tx);
  if (!result.ok) return result;
  return ok(() => publishModeration(result.value, input.action));
}

function publishModeration({ row, pinChanged, unpinnedId }: ModerationOutcome, action: ModerationAction) {
  publishQuestion(row);
  if (action === "hide") notifyAskerHidden(row);
  if (pinChanged || unpinnedId) publishPinned(row.coffeeId, row.pinned ? row.id : null);
}

export async function answer(user: SessionUser | null, input: { questionId: string; body: string }, ip?: string | null) {
  const result = await answerQuestion(user, input, ip);
  if (!result.ok) return result;
  publishQuestion(result.value.row);
  return ok(questionView(result.value.row, audienceOf(result.value.access.role), user!.id));
}
