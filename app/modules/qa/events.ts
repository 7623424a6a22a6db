/**
 * The live Q&A protocol (documented in README.md, "Live Q&A protocol"), typed once for the server (server/socket/qa.ts), the
 * browser hook (app/modules/qa/use-qa-socket.ts) and the tests. No server-only imports here.
 */
import { z } from "zod";
import { cleanText } from "#app/utils/text.ts";

export const QA_NAMESPACE = "/qa";
export const QUESTION_MAX_LENGTH = 500;
export const ANSWER_MAX_LENGTH = 1000;
/** Vote counts are broadcast at most this often per session room. */
export const VOTE_FLUSH_MS = 250;

export const QUESTION_STATUSES = ["pending", "approved", "answered", "hidden"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const MODERATION_ACTIONS = ["approve", "hide", "answered", "reopen", "pin", "unpin"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * What each person may do in one session's Q&A (computed on the server, sent in `qa:join`). A
 * moderator who is also a speaker has the role "moderator" and `canAnswer` in the state.
 */
export type QaViewerRole = "organiser" | "moderator" | "speaker" | "member";
export const canModerate = (role: QaViewerRole) => role === "organiser" || role === "moderator";

/** before: open for questions ahead of the session; live; closed: a read-only archive. */
export type QaPhase = "before" | "live" | "closed";

export type QaQuestion = {
  id: string;
  sessionId: string;
  body: string;
  /** null when anonymous (except for organisers) or when the account was deleted. */
  author: { id: string; name: string } | null;
  anonymous: boolean;
  status: QuestionStatus;
  votes: number;
  pinned: boolean;
  answer: string | null;
  createdAt: string;
  /** Moderators only: the asker's Member State and institution from the roster. */
  asker?: { country: string | null; institution: string | null };
  /** Only in the asker's own `qa:join` state and acks: this question is theirs. */
  mine?: boolean;
};

export type QaSessionInfo = {
  id: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  qaMode: "open" | "moderated";
  phase: QaPhase;
  pinnedQuestionId: string | null;
};

export type QaState = {
  session: QaSessionInfo;
  questions: QaQuestion[];
  /** Ids of the questions this person has upvoted. */
  myVotes: string[];
  role: QaViewerRole;
  /** Organisers and this session's speakers (whatever else they are) may answer. */
  canAnswer: boolean;
  /** People here: each signed-in person once, however many sockets they have open. */
  presence: number;
};

export type QaErrorCode =
  | "invalid"
  | "too_long"
  | "unauthenticated"
  | "unverified"
  | "forbidden"
  | "not_found"
  | "closed"
  | "own_question"
  | "not_joined"
  | "rate_limited"
  | "server_error";

export type QaError = { code: QaErrorCode; message: string };
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: QaError };
export type AckFn<T extends object = object> = (response: Ack<T>) => void;

export type ClientToServerEvents = {
  "qa:join": (payload: { sessionId: string }, ack: AckFn<{ state: QaState }>) => void;
  "qa:ask": (payload: { sessionId: string; body: string; anonymous?: boolean }, ack: AckFn<{ question: QaQuestion }>) => void;
  "qa:vote": (payload: { questionId: string; value: 1 | 0 }, ack: AckFn<{ votes: number }>) => void;
  "qa:moderate": (payload: { questionId: string; action: ModerationAction }, ack: AckFn<{ question: QaQuestion }>) => void;
  "qa:answer": (payload: { questionId: string; body: string }, ack: AckFn<{ question: QaQuestion }>) => void;
  "qa:leave": (payload: { sessionId: string }, ack: AckFn) => void;
};

export type ServerToClientEvents = {
  "qa:question": (question: QaQuestion) => void;
  "qa:removed": (payload: { questionId: string }) => void;
  "qa:votes": (payload: { sessionId: string; counts: Record<string, number> }) => void;
  "qa:pinned": (payload: { sessionId: string; questionId: string | null }) => void;
  "qa:presence": (payload: { sessionId: string; count: number }) => void;
  /** Only to the asker (every socket of theirs): a moderator hid their question. */
  "qa:hidden": (payload: QaHiddenNotice) => void;
};

export type QaHiddenNotice = { sessionId: string; questionId: string; body: string; message: string };

const id = z.string().trim().min(1, "An id is required").max(100, "That id is too long");
/** Text as people type it: lone surrogates refused, NUL and bidi overrides stripped, then trimmed and measured. */
const text = (max: number, what: string) =>
  z
    .string({ required_error: `Write a ${what}`, invalid_type_error: `The ${what} must be text` })
    .pipe(cleanText(`The ${what} contains characters that are not valid text. Remove them and try again.`))
    .pipe(z.string().min(1, `Write a ${what}`).max(max, `A ${what} can be at most ${max} characters`));

/** Payload schemas: every client event is validated before anything else happens. */
export const payloadSchemas = {
  "qa:join": z.object({ sessionId: id }).strict(),
  "qa:ask": z.object({ sessionId: id, body: text(QUESTION_MAX_LENGTH, "question"), anonymous: z.boolean().optional() }).strict(),
  "qa:vote": z.object({ questionId: id, value: z.union([z.literal(1), z.literal(0)], { errorMap: () => ({ message: "A vote is 1 (upvote) or 0 (withdraw)" }) }) }).strict(),
  "qa:moderate": z.object({ questionId: id, action: z.enum(MODERATION_ACTIONS, { errorMap: () => ({ message: `The action must be one of ${MODERATION_ACTIONS.join(", ")}` }) }) }).strict(),
  "qa:answer": z.object({ questionId: id, body: text(ANSWER_MAX_LENGTH, "answer") }).strict(),
  "qa:leave": z.object({ sessionId: id }).strict(),
} satisfies { [K in keyof ClientToServerEvents]: z.ZodTypeAny };

/** Sorting for lists: pinned first, then by votes ("top") or by time ("newest"). */
export function sortQuestions(questions: QaQuestion[], sort: "top" | "newest"): QaQuestion[] {
  return [...questions].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (sort === "top" && a.votes !== b.votes) return b.votes - a.votes;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

/** For the moderators' filter: the Member States (or countries) askers come from. */
export function askerStates(questions: QaQuestion[]): string[] {
  return [...new Set(questions.map((q) => q.asker?.country).filter((c): c is string => !!c))].sort();
}
