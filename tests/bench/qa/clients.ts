/**
 * A worker process holding many real socket.io-client connections to one session. It records
 * when each question reaches each client (the ask time travels in the question body), counts
 * vote broadcasts, and re-joins like the browser hook when a connection is not recovered.
 */
import { io, type Socket } from "socket.io-client";

type Mode = "qa" | "bare";
type Command =
  | { type: "connect"; url: string; cookies: string[]; sessionId: string; mode: Mode; offset: number }
  | { type: "report" }
  | { type: "cut" }
  | { type: "close" };

const HIST_MAX = 60_000;
let hist = new Uint32Array(HIST_MAX + 1);
let perQuestion = new Map<string, { count: number; max: number }>();
let questionMsgs = 0;
let voteMsgs = 0;
let firstClientVoteMsgs = 0;
let joinErrors = 0;
let rejoins = 0;
let lastRejoinAt = 0;
let minStateQuestions = Number.POSITIVE_INFINITY;
let recovered = 0;
let lastRecoveredAt = 0;
const sockets: Socket[] = [];
/** Questions asked during the network cut, per socket: received live or found in a re-join state. */
const CUT_PREFIX = "Asked during the cut";
const cutSeen = new Map<Socket, Set<string>>();
function markCut(socket: Socket, q: { id: string; body: string }) {
  if (!q.body.startsWith(CUT_PREFIX)) return;
  let seen = cutSeen.get(socket);
  if (!seen) cutSeen.set(socket, (seen = new Set()));
  seen.add(q.id);
}

function send(message: unknown) {
  process.send?.(message);
}

function onQuestion(q: { id: string; body: string }) {
  const t = Number(/t=(\d+)/.exec(q.body)?.[1]);
  if (!t) return;
  const latency = Math.max(0, Date.now() - t);
  questionMsgs++;
  hist[Math.min(HIST_MAX, latency)]++;
  const entry = perQuestion.get(q.id);
  if (entry) {
    entry.count++;
    if (latency > entry.max) entry.max = latency;
  } else perQuestion.set(q.id, { count: 1, max: latency });
}

function join(socket: Socket, mode: Mode, sessionId: string, again: boolean): Promise<void> {
  return new Promise((resolve) => {
    const done = (ack: { ok: boolean; state?: { questions: { id: string; body: string }[] } } | undefined) => {
      if (again && ack?.state) for (const q of ack.state.questions) markCut(socket, q);
      if (!ack?.ok) joinErrors++;
      if (again && ack?.ok) {
        rejoins++;
        lastRejoinAt = Date.now();
        if (ack.state) minStateQuestions = Math.min(minStateQuestions, ack.state.questions.length);
      }
      resolve();
    };
    if (mode === "qa") socket.timeout(60_000).emit("qa:join", { sessionId }, (err: Error | null, ack: { ok: boolean }) => done(err ? undefined : ack));
    else socket.timeout(60_000).emit("join", sessionId, (err: Error | null, ack: { ok: boolean }) => done(err ? undefined : ack));
  });
}

async function connectAll(cmd: Extract<Command, { type: "connect" }>) {
  const started = Date.now();
  let joined = 0;
  const batch = 50;
  for (let i = 0; i < cmd.cookies.length; i += batch) {
    const slice = cmd.cookies.slice(i, i + batch);
    await Promise.all(
      slice.map(
        (cookie, j) =>
          new Promise<void>((resolve) => {
            const index = cmd.offset + i + j;
            const socket = io(cmd.mode === "qa" ? `${cmd.url}/qa` : cmd.url, {
              transports: ["websocket"],
              extraHeaders: { cookie, origin: cmd.url },
              reconnectionDelay: 1000,
              reconnectionDelayMax: 5000,
              forceNew: true,
            });
            sockets.push(socket);
            socket.on("qa:question", onQuestion);
            socket.on("qa:question", (q: { id: string; body: string }) => markCut(socket, q));
            socket.on("qa:votes", () => {
              voteMsgs++;
              if (index === 0) firstClientVoteMsgs++;
            });
            let first = true;
            socket.on("connect", () => {
              if (first) {
                first = false;
                void join(socket, cmd.mode, cmd.sessionId, false).then(() => {
                  joined++;
                  resolve();
                });
              } else if (socket.recovered) {
                recovered++;
                lastRecoveredAt = Date.now();
              } else void join(socket, cmd.mode, cmd.sessionId, true);
            });
            socket.on("connect_error", () => {
              if (first) joinErrors++;
            });
          }),
      ),
    );
  }
  send({ type: "connected", joined, ms: Date.now() - started, joinErrors });
}

process.on("message", (cmd: Command) => {
  if (cmd.type === "connect") void connectAll(cmd);
  if (cmd.type === "report") {
    const connected = sockets.filter((s) => s.connected).length;
    send({
      type: "report",
      hist: Array.from(hist),
      perQuestion: [...perQuestion],
      questionMsgs,
      voteMsgs,
      firstClientVoteMsgs,
      connected,
      rejoins,
      lastRejoinAt,
      minStateQuestions: Number.isFinite(minStateQuestions) ? minStateQuestions : null,
      joinErrors,
      recovered,
      lastRecoveredAt,
      cutComplete: [...cutSeen.values()].filter((seen) => seen.size >= 3).length,
    });
    recovered = 0;
    lastRecoveredAt = 0;
    hist = new Uint32Array(HIST_MAX + 1);
    perQuestion = new Map();
    questionMsgs = voteMsgs = firstClientVoteMsgs = 0;
    rejoins = 0;
    lastRejoinAt = 0;
    minStateQuestions = Number.POSITIVE_INFINITY;
  }
  // A network cut: every connection drops at once; the clients reconnect by themselves.
  if (cmd.type === "cut") for (const s of sockets) s.io.engine?.close();
  if (cmd.type === "close") {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on("disconnect", () => process.exit(0));
