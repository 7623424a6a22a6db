/**
 * Live Q&A under load (docs/performance.md): N real socket.io clients in one session, held by worker
 * processes; 10 questions/s and 200 votes/s from driver clients; the same load against a bare
 * Socket.IO relay as the baseline; then a server restart and the reconnect storm.
 *
 *   npm run bench -- --suite qa [--quick] [--clients 5000] [--duration 20]
 */
import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { percentile, startAppProcess, type AppProcess, type BenchResult, type BenchSuite } from "../lib.ts";
import { seedQaBench } from "../qa/seed.ts";

const HERE = path.join(import.meta.dirname, "..", "qa");
const WORKERS = 2;
const ASKERS = 10;
const VOTERS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Report = {
  hist: number[];
  perQuestion: [string, { count: number; max: number }][];
  questionMsgs: number;
  voteMsgs: number;
  firstClientVoteMsgs: number;
  connected: number;
  rejoins: number;
  lastRejoinAt: number;
  minStateQuestions: number | null;
  joinErrors: number;
  recovered: number;
  lastRecoveredAt: number;
  cutComplete: number;
};

function forkTs(file: string) {
  return fork(path.join(HERE, file), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

function next<T>(child: ChildProcess, type: string, timeoutMs = 600_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not send ${type} in time`)), timeoutMs);
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
  });
}

/** Participants spread over worker processes; join time is from the first connect to the last join ack. */
async function connectParticipants(url: string, cookies: string[], sessionId: string, mode: "qa" | "bare") {
  const workers = Array.from({ length: WORKERS }, () => forkTs("clients.ts"));
  const share = Math.ceil(cookies.length / WORKERS);
  const started = Date.now();
  const done = workers.map((w) => next<{ joined: number; joinErrors: number }>(w, "connected"));
  workers.forEach((w, i) => w.send({ type: "connect", url, cookies: cookies.slice(i * share, (i + 1) * share), sessionId, mode, offset: i * share }));
  const results = await Promise.all(done);
  return { workers, ms: Date.now() - started, joined: results.reduce((s, r) => s + r.joined, 0), joinErrors: results.reduce((s, r) => s + r.joinErrors, 0) };
}

async function report(workers: ChildProcess[]) {
  const reports = await Promise.all(
    workers.map((w) => {
      const r = next<Report>(w, "report", 60_000);
      w.send({ type: "report" });
      return r;
    }),
  );
  const hist = new Array<number>(reports[0].hist.length).fill(0);
  const perQuestion = new Map<string, { count: number; max: number }>();
  for (const r of reports) {
    r.hist.forEach((n, i) => (hist[i] += n));
    for (const [id, q] of r.perQuestion) {
      const e = perQuestion.get(id);
      if (e) {
        e.count += q.count;
        e.max = Math.max(e.max, q.max);
      } else perQuestion.set(id, { ...q });
    }
  }
  const sum = (k: "questionMsgs" | "voteMsgs" | "firstClientVoteMsgs" | "connected" | "rejoins" | "joinErrors" | "recovered") => reports.reduce((s, r) => s + r[k], 0);
  const mins = reports.map((r) => r.minStateQuestions).filter((n): n is number => n !== null);
  return {
    hist,
    perQuestion,
    questionMsgs: sum("questionMsgs"),
    voteMsgs: sum("voteMsgs"),
    firstClientVoteMsgs: sum("firstClientVoteMsgs"),
    connected: sum("connected"),
    rejoins: sum("rejoins"),
    recovered: sum("recovered"),
    cutComplete: reports.reduce((s, r) => s + r.cutComplete, 0),
    lastRecoveredAt: Math.max(...reports.map((r) => r.lastRecoveredAt)),
    lastRejoinAt: Math.max(...reports.map((r) => r.lastRejoinAt)),
    minStateQuestions: mins.length ? Math.min(...mins) : null,
  };
}

function histPercentile(hist: number[], p: number) {
  const total = hist.reduce((s, n) => s + n, 0);
  if (!total) return NaN;
  const target = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= target) return i;
  }
  return hist.length - 1;
}

function histMax(hist: number[]) {
  for (let i = hist.length - 1; i >= 0; i--) if (hist[i]) return i;
  return NaN;
}


function driverSockets(url: string, cookies: string[], mode: "qa" | "bare"): Promise<Socket[]> {
  return Promise.all(
    cookies.map(
      (cookie) =>
        new Promise<Socket>((resolve, reject) => {
          const s = io(mode === "qa" ? `${url}/qa` : url, { transports: ["websocket"], extraHeaders: { cookie, origin: url }, forceNew: true });
          s.once("connect", () => resolve(s));
          s.once("connect_error", reject);
        }),
    ),
  );
}

/** 10 questions/s from 10 askers and 200 votes/s from 100 voters (each within the per-person limit). */
async function drive(url: string, sessionId: string, mode: "qa" | "bare", askers: Socket[], voters: Socket[], seconds: number) {
  const questionIds: string[] = [];
  const voted = voters.map(() => new Set<string>());
  let asked = 0;
  let askErrors = 0;
  let votes = 0;
  let voteErrors = 0;
  let seq = 0;
  const pending: Promise<unknown>[] = [];
  const emit = (s: Socket, ...args: unknown[]) => (s.timeout(30_000) as unknown as { emitWithAck(...a: unknown[]): Promise<{ ok: boolean; question?: { id: string } }> }).emitWithAck(...args).catch(() => ({ ok: false, question: undefined }));

  function ask() {
    const s = askers[seq % askers.length];
    const body = `Bench question ${++seq} about labour mobility partnerships t=${Date.now()}`;
    const p =
      mode === "qa"
        ? emit(s, "qa:ask", { sessionId, body })
        : emit(s, "ask", sessionId, { id: crypto.randomUUID(), sessionId, body, author: { id: "u", name: "Bench Participant" }, anonymous: false, status: "approved", votes: 0, pinned: false, answer: null, createdAt: new Date().toISOString() });
    pending.push(
      p.then((ack) => {
        if (ack.ok && ack.question) {
          asked++;
          questionIds.push(ack.question.id);
        } else askErrors++;
      }),
    );
  }
  let v = 0;
  function vote() {
    if (!questionIds.length) return;
    const i = v++ % voters.length;
    const questionId = questionIds[Math.max(0, questionIds.length - 1 - Math.floor(Math.random() * Math.min(20, questionIds.length)))];
    const value = voted[i].has(questionId) ? 0 : 1;
    if (value) voted[i].add(questionId);
    else voted[i].delete(questionId);
    const p = mode === "qa" ? emit(voters[i], "qa:vote", { questionId, value }) : emit(voters[i], "vote", sessionId, questionId);
    pending.push(p.then((ack) => (ack.ok ? votes++ : voteErrors++)));
  }

  const started = Date.now();
  let askDue = 0;
  let voteDue = 0;
  while (Date.now() - started < seconds * 1000) {
    const elapsed = (Date.now() - started) / 1000;
    while (askDue < elapsed * 10) {
      ask();
      askDue++;
    }
    while (voteDue < elapsed * 200) {
      vote();
      voteDue++;
    }
    await sleep(10);
  }
  const ms = Date.now() - started;
  await Promise.all(pending);
  return { asked, askErrors, votes, voteErrors, seconds: ms / 1000, questionIds };
}

async function closeWorkers(workers: ChildProcess[]) {
  for (const w of workers) w.send({ type: "close" });
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once("exit", r)))));
}

const suite: BenchSuite = {
  name: "qa",
  description: "live Q&A: N participants in one session, 10 questions/s + 200 votes/s, bare Socket.IO baseline, reconnect storm",
  async run({ quick, args }) {
    const n = Number(args.clients ?? (quick ? 300 : 5000));
    const seconds = Number(args.duration ?? (quick ? 8 : 20));
    const results: BenchResult[] = [];
    const r = (metric: string, value: number, unit: string, target?: string, pass?: boolean) => results.push({ suite: "qa", metric, value, unit, target, pass });
    const env = { JOBS: "0", SMTP_URL: "smtp://127.0.0.1:1", LOG_LEVEL: "warn" };
    // --profile <dir>: a CPU profile of the app process (written when it stops).
    const nodeArgs = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
    let app: AppProcess = await startAppProcess({ name: "bench-qa", env, nodeArgs });
    const dbFile = app.databaseUrl.slice("file:".length);
    const { cookies, coffeeId } = seedQaBench(dbFile, n + ASKERS + VOTERS);
    const participants = cookies.slice(0, n);
    const askerCookies = cookies.slice(n, n + ASKERS);
    const voterCookies = cookies.slice(n + ASKERS);
    console.log(`  seeded ${cookies.length} users with sessions; ${n} participants, ${seconds} s of load`);

    try {
      // 1. Baseline: a bare Socket.IO relay of the same payloads, same clients, same rates.
      const bare = forkTs("bare-server.ts");
      const { port: barePort } = await next<{ port: number }>(bare, "ready", 30_000);
      const bareUrl = `http://127.0.0.1:${barePort}`;
      const b = await connectParticipants(bareUrl, participants, coffeeId, "bare");
      const bareAskers = await driverSockets(bareUrl, askerCookies, "bare");
      const bareVoters = await driverSockets(bareUrl, voterCookies, "bare");
      const bareDrive = await drive(bareUrl, coffeeId, "bare", bareAskers, bareVoters, seconds);
      await sleep(2000);
      const bareReport = await report(b.workers);
      const bareRate = (bareReport.questionMsgs + bareReport.voteMsgs) / bareDrive.seconds;
      const bareComplete = [...bareReport.perQuestion.values()].filter((q) => q.count >= n).map((q) => q.max).sort((x, y) => x - y);
      for (const s of [...bareAskers, ...bareVoters]) s.disconnect();
      await closeWorkers(b.workers);
      bare.kill();
      console.log(`  baseline: ${Math.round(bareRate)} messages/s delivered`);

      // 2. The app: join storm, then the same load.
      const joined = await connectParticipants(app.url, participants, coffeeId, "qa");
      const joinRate = (joined.joined / joined.ms) * 1000;
      r("participants joined", joined.joined, "clients", `${n}`, joined.joined === n && joined.joinErrors === 0);
      r("join rate", joinRate, "joins/s", "≥ 100", joinRate >= 100);
      const rssJoined = app.rssMb();
      console.log(`  ${joined.joined} joined in ${(joined.ms / 1000).toFixed(1)} s; RSS ${rssJoined} MB`);
      const askers = await driverSockets(app.url, askerCookies, "qa");
      const voters = await driverSockets(app.url, voterCookies, "qa");
      let rssPeak = rssJoined;
      const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, app.rssMb())), 1000);
      const ours = await drive(app.url, coffeeId, "qa", askers, voters, seconds);
      clearInterval(rssTimer);
      await sleep(2000);
      const rep = await report(joined.workers);
      const full = [...rep.perQuestion.values()];
      const complete = full.filter((q) => q.count >= n).map((q) => q.max).sort((a, b) => a - b);
      const missing = ours.asked - complete.length;
      const ourRate = (rep.questionMsgs + rep.voteMsgs) / ours.seconds;
      r("questions asked", ours.asked / ours.seconds, "questions/s", "10", ours.asked / ours.seconds >= 9.5 && ours.askErrors === 0);
      r("votes cast", ours.votes / ours.seconds, "votes/s", "200", ours.votes / ours.seconds >= 190 && ours.voteErrors === 0);
      r("delivery latency p50 (each participant)", histPercentile(rep.hist, 50), "ms");
      r("delivery latency p99 (each participant)", histPercentile(rep.hist, 99), "ms", "< 200", histPercentile(rep.hist, 99) < 200);
      r("delivery latency max", histMax(rep.hist), "ms");
      r("ask → every participant has it, p50", percentile(complete, 50), "ms");
      r("ask → every participant has it, p99", percentile(complete, 99), "ms", "< 200", percentile(complete, 99) < 200);
      r("questions not delivered to everyone", missing, "questions", "0", missing === 0);
      r("bare Socket.IO: delivery latency p50 (each participant)", histPercentile(bareReport.hist, 50), "ms");
      r("bare Socket.IO: delivery latency p99 (each participant)", histPercentile(bareReport.hist, 99), "ms");
      r("bare Socket.IO: ask → every participant has it, p99", percentile(bareComplete, 99), "ms");
      r("bare Socket.IO: questions relayed", bareDrive.asked / bareDrive.seconds, "questions/s");
      r("bare Socket.IO: votes acknowledged", bareDrive.votes / bareDrive.seconds, "votes/s");
      r("delivered messages/s (app)", ourRate, "msg/s");
      r("delivered messages/s (bare Socket.IO)", bareRate, "msg/s");
      r("efficiency vs bare Socket.IO", (ourRate / bareRate) * 100, "%", "≥ 80", ourRate / bareRate >= 0.8);
      // The last flush comes at most 250 ms after the last vote.
      const voteRate = rep.firstClientVoteMsgs / (ours.seconds + 0.25);
      r("vote broadcasts per room", voteRate, "per s", "≤ 4", voteRate <= 4.05);
      r("server RSS with participants connected (peak under load)", rssPeak, "MB", "< 1024", rssPeak < 1024);
      console.log(`  load done: ${ours.asked} questions, ${ours.votes} votes; p99 ${histPercentile(rep.hist, 99)} ms; ${missing} incomplete`);

      // 3. Network cut: every participant's connection drops; questions are asked meanwhile;
      //    clients come back through connection-state recovery (or re-join if they cannot).
      const cutAt = Date.now();
      for (const w of joined.workers) w.send({ type: "cut" });
      const duringCut: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ack = await (askers[i].timeout(30_000) as unknown as { emitWithAck(...a: unknown[]): Promise<{ ok: boolean; question?: { id: string } }> }).emitWithAck("qa:ask", { sessionId: coffeeId, body: `Asked during the cut ${i} t=${Date.now()}` });
        if (ack.ok && ack.question) duringCut.push(ack.question.id);
      }
      // Connections, not people: a client may drop twice under load, so count until every one is back.
      let back = 0;
      let lastBackAt = 0;
      let cutComplete = 0;
      while (Date.now() - cutAt < 60_000 && (back < n || cutComplete < n)) {
        await sleep(1000);
        const rr = await report(joined.workers);
        back += rr.recovered + rr.rejoins;
        lastBackAt = Math.max(lastBackAt, rr.lastRecoveredAt, rr.lastRejoinAt);
        cutComplete = rr.cutComplete;
      }
      const cutSeconds = back >= n ? (lastBackAt - cutAt) / 1000 : NaN;
      r("network cut: reconnections", back, "clients", `${n}`, back >= n);
      r("network cut: all back within", cutSeconds, "s", "≤ 30", cutSeconds <= 30);
      r("network cut: participants missing a question asked meanwhile", n - cutComplete, "clients", "0", cutComplete === n && duringCut.length === 3);
      console.log(`  network cut: ${back} reconnections in ${cutSeconds.toFixed(1)} s; ${cutComplete} of ${n} have the 3 questions asked meanwhile`);

      // 4. Reconnect storm: restart the server; clients reconnect and re-sync through qa:join.
      const totalQuestions = ours.asked + duringCut.length;
      const port = app.port;
      const stopAt = Date.now();
      await app.stop();
      app = await startAppProcess({ name: "bench-qa-restarted", port, databaseUrl: `file:${dbFile}`, env });
      const readyAt = Date.now();
      let rejoined = 0;
      let lastRejoinAt = 0;
      let minState: number | null = null;
      while (Date.now() - readyAt < 60_000 && rejoined < n) {
        await sleep(1000);
        const storm = await report(joined.workers);
        rejoined += storm.rejoins;
        lastRejoinAt = Math.max(lastRejoinAt, storm.lastRejoinAt);
        if (storm.minStateQuestions !== null) minState = minState === null ? storm.minStateQuestions : Math.min(minState, storm.minStateQuestions);
      }
      const stormSeconds = rejoined >= n ? (lastRejoinAt - readyAt) / 1000 : NaN;
      r("reconnect storm: participants back after restart", rejoined, "clients", `${n}`, rejoined === n);
      r("reconnect storm: all back within", stormSeconds, "s after restart", "≤ 30", stormSeconds <= 30);
      r("reconnect storm: server down for", (readyAt - stopAt) / 1000, "s");
      const lostInResync = minState === null ? NaN : totalQuestions - minState;
      r("questions missing after re-sync", lostInResync, "questions", "0", lostInResync === 0);
      // One more question after the storm reaches everyone.
      await sleep(1000);
      const drivers2 = await driverSockets(app.url, askerCookies.slice(0, 1), "qa");
      await (drivers2[0].timeout(30_000) as unknown as { emitWithAck(...a: unknown[]): Promise<unknown> }).emitWithAck("qa:ask", { sessionId: coffeeId, body: `After the storm t=${Date.now()}` });
      await sleep(3000);
      const after = await report(joined.workers);
      const afterCount = [...after.perQuestion.values()][0]?.count ?? 0;
      r("first question after the storm reached", afterCount, "clients", `${n}`, afterCount === n);
      for (const s of [...askers, ...voters, ...drivers2]) s.disconnect();
      await closeWorkers(joined.workers);
    } finally {
      await app.stop();
    }
    return results;
  },
};

export default suite;
