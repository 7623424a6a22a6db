/**
 * The browser side of the live Q&A: one socket per page that needs it, opened in an effect and
 * closed on unmount, every `on` paired with its `off`. Re-joins (a full re-sync) whenever the
 * connection could not be recovered, so nobody misses a question. When the server ends the
 * socket (log-out elsewhere, a role change: decision 042) it reconnects once with the current
 * cookie, and shows why a join is refused.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { QA_NAMESPACE, type Ack, type ClientToServerEvents, type QaHiddenNotice, type QaQuestion, type QaState, type ServerToClientEvents } from "./events.ts";

type QaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type QaLive = {
  state: QaState;
  connected: boolean;
  presence: number | null;
  /** The latest polite announcement for the aria-live region. */
  announcement: string;
  /** Why the live connection cannot take part (e.g. signed out elsewhere), from the last join. */
  problem: string | null;
  /** The latest of this person's questions a moderator hid. */
  hidden: QaHiddenNotice | null;
  emit<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Ack<Record<string, unknown>>>;
};

function upsert(questions: QaQuestion[], question: QaQuestion): QaQuestion[] {
  const index = questions.findIndex((q) => q.id === question.id);
  if (index === -1) return [...questions, question];
  const next = [...questions];
  next[index] = { ...question, mine: questions[index].mine || question.mine };
  return next;
}

export function useQaSocket(initial: QaState, { announce = true }: { announce?: boolean } = {}): QaLive {
  const [state, setState] = useState(initial);
  const [connected, setConnected] = useState(false);
  const [presence, setPresence] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [hidden, setHidden] = useState<QaHiddenNotice | null>(null);
  const socketRef = useRef<QaSocket | null>(null);
  const sessionId = initial.session.id;

  // New loader data (after a form post without the socket) replaces the local copy.
  const [lastInitial, setLastInitial] = useState(initial);
  if (lastInitial !== initial) {
    setLastInitial(initial);
    setState(initial);
  }

  useEffect(() => {
    const socket: QaSocket = io(QA_NAMESPACE, { transports: ["websocket", "polling"] });
    socketRef.current = socket;

    // Questions that arrive while a join is on its way are kept: the join's state may predate them.
    let joining = false;
    const arrivedWhileJoining = new Map<string, QaQuestion>();
    const onConnect = () => {
      setConnected(true);
      if (socket.recovered) return;
      joining = true;
      arrivedWhileJoining.clear();
      socket.timeout(10_000).emit("qa:join", { sessionId }, (error: Error | null, ack: Ack<{ state: QaState }>) => {
        joining = false;
        if (error) return;
        if (!ack.ok) return setProblem(ack.error.message);
        setProblem(null);
        let questions = ack.state.questions;
        for (const q of arrivedWhileJoining.values()) questions = upsert(questions, q);
        setState({ ...ack.state, questions });
        setPresence(ack.state.presence);
      });
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setConnected(false);
      // The server ended this socket because the login changed: reconnect once, re-authorised by the cookie.
      if (reason === "io server disconnect") setTimeout(() => socket.connect(), 250);
    };
    const onHidden = (notice: QaHiddenNotice) => {
      if (notice.sessionId !== sessionId) return;
      setHidden(notice);
      if (announce) setAnnouncement(notice.message);
    };
    const onQuestion = (question: QaQuestion) => {
      if (joining) arrivedWhileJoining.set(question.id, question);
      setState((s) => {
        const isNew = !s.questions.some((q) => q.id === question.id);
        if (announce && isNew && !question.mine && question.status !== "hidden") {
          setAnnouncement(question.status === "pending" ? `New question awaiting approval: ${question.body}` : `New question: ${question.body}`);
        }
        return { ...s, questions: upsert(s.questions, question) };
      });
    };
    const onRemoved = ({ questionId }: { questionId: string }) =>
      setState((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== questionId) }));
    const onVotes = ({ counts }: { sessionId: string; counts: Record<string, number> }) =>
      setState((s) => ({ ...s, questions: s.questions.map((q) => (q.id in counts ? { ...q, votes: counts[q.id] } : q)) }));
    const onPinned = ({ questionId }: { sessionId: string; questionId: string | null }) => {
      setState((s) => ({ ...s, session: { ...s.session, pinnedQuestionId: questionId }, questions: s.questions.map((q) => ({ ...q, pinned: q.id === questionId })) }));
      if (announce && questionId) setAnnouncement("A question is now being answered.");
    };
    const onPresence = ({ count }: { sessionId: string; count: number }) => setPresence(count);

    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("qa:question", onQuestion);
    socket.on("qa:removed", onRemoved);
    socket.on("qa:votes", onVotes);
    socket.on("qa:pinned", onPinned);
    socket.on("qa:presence", onPresence);
    socket.on("qa:hidden", onHidden);
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("qa:question", onQuestion);
      socket.off("qa:removed", onRemoved);
      socket.off("qa:votes", onVotes);
      socket.off("qa:pinned", onPinned);
      socket.off("qa:presence", onPresence);
      socket.off("qa:hidden", onHidden);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [sessionId, announce]);

  const emit = useCallback<QaLive["emit"]>(async (event, payload) => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: { code: "server_error", message: "Not connected." } };
    try {
      const ack = (await (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<Record<string, unknown>>> }).emitWithAck(event, payload));
      if (ack.ok) {
        const question = (ack as { question?: QaQuestion }).question;
        if (question) setState((s) => ({ ...s, questions: question.status === "hidden" && !["organiser", "moderator"].includes(s.role) ? s.questions.filter((q) => q.id !== question.id) : upsert(s.questions, question) }));
        if (event === "qa:vote") {
          const { questionId, value } = payload as { questionId: string; value: 0 | 1 };
          const votes = (ack as { votes?: number }).votes;
          setState((s) => ({
            ...s,
            myVotes: value ? [...new Set([...s.myVotes, questionId])] : s.myVotes.filter((id) => id !== questionId),
            questions: s.questions.map((q) => (q.id === questionId && typeof votes === "number" ? { ...q, votes } : q)),
          }));
        }
      }
      return ack;
    } catch {
      return { ok: false, error: { code: "server_error", message: "The server did not answer in time. Please try again." } };
    }
  }, []);

  return { state, connected, presence, announcement, problem, hidden, emit };
}
