import type { Namespace, Server } from "socket.io";
import { accessRooms } from "#app/modules/auth/socket-access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { QA_NAMESPACE, VOTE_FLUSH_MS, type ClientToServerEvents, type ServerToClientEvents } from "./events.ts";
import { forgetQuestionList, patchCachedVotes, questionView, type QuestionRow } from "./questions.server.ts";

export type QaNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;

/** Everyone in a session; its moderators (pending questions, asker's State); its organisers (anonymous authors). */
export const rooms = {
  all: (coffeeId: string) => `qa:${coffeeId}`,
  moderators: (coffeeId: string) => `qa:${coffeeId}:mod`,
  organisers: (coffeeId: string) => `qa:${coffeeId}:org`,
};

/** The /qa namespace of this process's one Socket.IO server, if it runs (not in the CLI). */
function qaNamespace(): QaNamespace | null {
  const io = singleton<{ current: Server | null }>("io", () => ({ current: null })).current;
  return io ? (io.of(QA_NAMESPACE) as QaNamespace) : null;
}

/**
 * Sends a new or changed question, after it is written, to each audience in its own shape:
 * pending and hidden questions only to moderators; anonymous authors only to organisers.
 */
export function publishQuestion(row: QuestionRow) {
  forgetQuestionList(row.coffeeId);
  const nsp = qaNamespace();
  if (!nsp) return;
  const all = rooms.all(row.coffeeId);
  const mod = rooms.moderators(row.coffeeId);
  const org = rooms.organisers(row.coffeeId);
  if (row.status === "approved" || row.status === "answered") nsp.to(all).except(mod).emit("qa:question", questionView(row, "public"));
  else if (row.status === "hidden") nsp.to(all).except(mod).emit("qa:removed", { questionId: row.id });
  nsp.to(mod).except(org).emit("qa:question", questionView(row, "moderator"));
  nsp.to(org).emit("qa:question", questionView(row, "organiser"));
}

/** The asker hears, on every socket of theirs, that a moderator hid their question (decision 043). */
export function notifyAskerHidden(row: QuestionRow) {
  if (!row.authorId) return;
  qaNamespace()?.to(accessRooms.user(row.authorId)).emit("qa:hidden", {
    sessionId: row.coffeeId,
    questionId: row.id,
    body: row.body,
    message: "A moderator hid your question. It is no longer shown to others.",
  });
}

/** Someone removed from a session's Q&A team stops receiving what only moderators see, at once. */
export async function demoteSockets(coffeeId: string, userId: string) {
  const nsp = qaNamespace();
  if (!nsp) return;
  const sockets = await nsp.in(rooms.moderators(coffeeId)).fetchSockets();
  for (const socket of sockets) {
    const user = (socket.data as { user?: { id: string; role: string } | null }).user;
    if (user?.id === userId && user.role !== "organiser" && user.role !== "admin") socket.leave(rooms.moderators(coffeeId));
  }
}

export function publishPinned(coffeeId: string, questionId: string | null) {
  qaNamespace()?.to(rooms.all(coffeeId)).emit("qa:pinned", { sessionId: coffeeId, questionId });
}

type RoomVotes = { dirty: Map<string, number>; timer: NodeJS.Timeout | null; lastFlush: number; flushing: boolean };
/** Several processes: claims a room's turn to send counts, cluster-wide; 0 when taken, else the ms until the next turn. */
export type VoteFlushTurn = (coffeeId: string) => Promise<number>;
const voteRooms = singleton("qa-vote-coalescer", () => new Map<string, RoomVotes>());
const voteCluster = singleton("qa-vote-cluster", () => ({ turn: null as VoteFlushTurn | null }));

/**
 * One process (`null`): the counts its own vote transactions returned are the database truth, in
 * commit order, so a flush sends them as they are. Several processes (Redis): a flush first takes
 * the room's turn across the cluster, so clients on every process get counts at most every
 * VOTE_FLUSH_MS, not that often from each process; then it reads the counts back, because another
 * process may have committed later (decisions 034, 125). A process that misses the turn keeps its
 * changes and flushes at the next turn, so the last flush always reads the last commit.
 */
export function shareVoteFlushes(turn: VoteFlushTurn | null) {
  voteCluster.turn = turn;
}

/**
 * Votes are not broadcast one by one: a room's changed questions are collected and, at most
 * every VOTE_FLUSH_MS, their counts are sent once.
 */
export function noteVote(coffeeId: string, questionId: string, count: number) {
  let room = voteRooms.get(coffeeId);
  if (!room) voteRooms.set(coffeeId, (room = { dirty: new Map(), timer: null, lastFlush: 0, flushing: false }));
  room.dirty.set(questionId, count);
  scheduleFlush(coffeeId, room);
}

function scheduleFlush(coffeeId: string, room: RoomVotes, atLeastMs = 0) {
  if (room.timer || room.flushing) return;
  const wait = Math.max(atLeastMs, room.lastFlush + VOTE_FLUSH_MS - Date.now());
  room.timer = setTimeout(() => void flushVotes(coffeeId, room), wait);
  room.timer.unref?.();
}

async function flushVotes(coffeeId: string, room: RoomVotes) {
  room.timer = null;
  room.flushing = true;
  let notBefore = 0;
  const pending = new Map(room.dirty);
  room.dirty.clear();
  try {
    const { turn } = voteCluster;
    if (turn) {
      notBefore = await turn(coffeeId);
      if (notBefore > 0) {
        for (const [id, count] of pending) if (!room.dirty.has(id)) room.dirty.set(id, count);
        return;
      }
    }
    room.lastFlush = Date.now();
    const rows = turn
      ? await prisma.qaQuestion.findMany({ where: { id: { in: [...pending.keys()] }, status: { in: ["approved", "answered"] } }, select: { id: true, voteCount: true } })
      : [...pending].map(([id, voteCount]) => ({ id, voteCount }));
    if (rows.length) {
      const counts = Object.fromEntries(rows.map((r) => [r.id, r.voteCount]));
      patchCachedVotes(coffeeId, counts);
      qaNamespace()?.to(rooms.all(coffeeId)).emit("qa:votes", { sessionId: coffeeId, counts });
    }
  } catch (error) {
    logger.warn({ err: error, coffeeId }, "vote flush failed; retrying");
    // Put them back: the next vote (or the retry below) sends them.
    for (const [id, count] of pending) if (!room.dirty.has(id)) room.dirty.set(id, count);
  } finally {
    room.flushing = false;
    // The room's entry stays (it remembers lastFlush, which keeps the pace); it is a few bytes.
    if (room.dirty.size) scheduleFlush(coffeeId, room, notBefore);
  }
}
