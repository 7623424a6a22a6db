import crypto from "node:crypto";
import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import { validateSessionCookie, type SessionUser } from "#app/modules/auth/session.server.ts";
import { qaAccess, canModerate } from "#app/modules/qa/access.server.ts";
import { answer, ask, moderate, vote } from "#app/modules/qa/actions.server.ts";
import { shareVoteFlushes, rooms, type QaNamespace, type VoteFlushTurn } from "#app/modules/qa/broadcast.server.ts";
import {
  QA_NAMESPACE,
  payloadSchemas,
  type Ack,
  type ClientToServerEvents,
  type QaErrorCode,
  type QaViewerRole,
  type ServerToClientEvents,
} from "#app/modules/qa/events.ts";
import { qaState } from "#app/modules/qa/questions.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { applySessionAuth, type SocketData } from "./auth.ts";

type QaSocketData = SocketData & { validatedAt?: number };
type QaSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, QaSocketData>;

/**
 * A backstop: sessions that end and roles that change reach open sockets at once
 * (app/modules/auth/socket-access.server.ts); a change this process cannot hear of (the CLI
 * without Redis) is noticed at the socket's next event once its last check is this old.
 */
const REVALIDATE_MS = 60_000;
const PRESENCE_EVERY_MS = 1_000;
const PRESENCE_HEARTBEAT_MS = 10_000;
const PRESENCE_STALE_MS = 30_000;

const failure = (code: QaErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

/**
 * The live Q&A namespace (the Live Q&A protocol in README.md). Every event is rate limited, validated with zod and
 * authorised again through the qa module; writes are durable before anything is broadcast.
 */
export function registerQaNamespace(io: Server, { clustered, voteFlushTurn }: { clustered: boolean; voteFlushTurn?: VoteFlushTurn }) {
  const nsp = io.of(QA_NAMESPACE) as QaNamespace;
  applySessionAuth(nsp as never);
  const presence = createPresence(nsp, clustered);
  shareVoteFlushes(clustered && voteFlushTurn ? voteFlushTurn : null);

  nsp.on("connection", (raw) => {
    const socket = raw as unknown as QaSocket;
    socket.data.validatedAt = Date.now();

    async function currentUser(): Promise<SessionUser | null> {
      if (socket.data.user && Date.now() - (socket.data.validatedAt ?? 0) > REVALIDATE_MS) {
        socket.data.user = (await validateSessionCookie(socket.handshake.headers.cookie)).user;
        socket.data.validatedAt = Date.now();
        // Signed out (or deleted) since the handshake: stop receiving the session's questions too.
        if (!socket.data.user) setImmediate(() => socket.disconnect(true));
      }
      return socket.data.user;
    }

    function handle<E extends keyof ClientToServerEvents>(event: E, run: (data: z.infer<(typeof payloadSchemas)[E]>, user: SessionUser | null) => Promise<Ack<object>>) {
      socket.on(event, (async (...args: unknown[]) => {
        const last = args[args.length - 1];
        const ack = typeof last === "function" ? (last as (r: Ack<object>) => void) : () => {};
        const payload = typeof args[0] === "function" ? undefined : args[0];
        try {
          const user = await currentUser();
          const limited = await consumeRateLimit("qa:user", user ? `u:${user.id}` : `a:${socket.handshake.address}`);
          if (!limited.ok) return ack(failure("rate_limited", `You are sending too fast. Please wait ${limited.retryAfterSeconds} second${limited.retryAfterSeconds === 1 ? "" : "s"}.`));
          const parsed = payloadSchemas[event].safeParse(payload);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const tooLong = issue?.code === "too_big" && issue.path[0] === "body";
            const message = issue ? `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}` : "The request is not valid.";
            return ack(failure(tooLong ? "too_long" : "invalid", issue?.code === "invalid_type" && !issue.path.length ? "Send an object as described in the Q&A protocol." : message));
          }
          ack(await run(parsed.data as never, user));
        } catch (error) {
          logger.error({ err: error, event }, "qa event failed");
          ack(failure("server_error", "Something went wrong on our side. Please try again."));
        }
      }) as never);
    }

    /** Puts the socket in the rooms its role in this session allows, and out of the others. */
    async function enterRooms(coffeeId: string, role: QaViewerRole) {
      await socket.join(rooms.all(coffeeId));
      if (canModerate(role)) await socket.join(rooms.moderators(coffeeId));
      else await socket.leave(rooms.moderators(coffeeId));
      if (role === "organiser") await socket.join(rooms.organisers(coffeeId));
      else await socket.leave(rooms.organisers(coffeeId));
    }

    async function leaveRooms(coffeeId: string) {
      for (const room of [rooms.all(coffeeId), rooms.moderators(coffeeId), rooms.organisers(coffeeId)]) await socket.leave(room);
    }

    handle("qa:join", async ({ sessionId }, user) => {
      const access = await qaAccess(user, sessionId);
      if (!access.ok) return access;
      const { coffee, role } = access.value;
      await enterRooms(coffee.id, role);
      presence.changed(coffee.id);
      const state = await qaState(user!, access.value, presence.total(coffee.id));
      return { ok: true, state };
    });

    handle("qa:leave", async ({ sessionId }, user) => {
      const access = await qaAccess(user, sessionId);
      const coffeeId = access.ok ? access.value.coffee.id : sessionId;
      await leaveRooms(coffeeId);
      presence.changed(coffeeId);
      return { ok: true };
    });

    handle("qa:ask", async (data, user) => {
      const result = await ask(user, data);
      return result.ok ? { ok: true, question: result.value } : result;
    });

    handle("qa:vote", async (data, user) => {
      const result = await vote(user, data);
      return result.ok ? { ok: true, votes: result.value.votes } : result;
    });

    handle("qa:moderate", async (data, user) => {
      const result = await moderate(user, data, socket.handshake.address);
      return result.ok ? { ok: true, question: result.value } : result;
    });

    handle("qa:answer", async (data, user) => {
      const result = await answer(user, data, socket.handshake.address);
      return result.ok ? { ok: true, question: result.value } : result;
    });

    socket.on("disconnecting", () => {
      for (const room of socket.rooms) {
        const match = /^qa:([^:]+)$/.exec(room);
        if (match) presence.changed(match[1]);
      }
    });

    // A recovered socket is back in its rooms, but its login or role may have changed while it was
    // away: it keeps only what its account allows now (moderator rooms are left at once).
    if (socket.recovered) {
      const coffeeIds = [...socket.rooms].map((room) => /^qa:([^:]+)$/.exec(room)?.[1]).filter((id): id is string => Boolean(id));
      for (const room of [...socket.rooms]) if (/^qa:[^:]+:(mod|org)$/.test(room)) void socket.leave(room);
      void (async () => {
        for (const coffeeId of coffeeIds) {
          const access = await qaAccess(socket.data.user, coffeeId);
          if (access.ok) await enterRooms(coffeeId, access.value.role);
          else await leaveRooms(coffeeId);
          presence.changed(coffeeId);
        }
      })().catch((error) => logger.error({ err: error }, "qa: re-checking a recovered socket failed"));
    }
  });
}

/**
 * Presence ("people here"): a signed-in person counts once however many sockets (tabs, devices)
 * they have open, on any process; anyone else counts per socket. Each process knows who is in its
 * own rooms, tells the other processes (when clustered through Redis) the list of people, and
 * sends every session the size of the union at most once a second.
 */
function createPresence(nsp: QaNamespace, clustered: boolean) {
  const node = crypto.randomUUID();
  const remote = new Map<string, Map<string, { people: string[]; at: number }>>();
  const lastSent = new Map<string, number>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  function localPeople(coffeeId: string): Set<string> {
    const people = new Set<string>();
    for (const socketId of nsp.adapter.rooms.get(rooms.all(coffeeId)) ?? []) {
      const user = (nsp.sockets.get(socketId)?.data as QaSocketData | undefined)?.user;
      people.add(user ? `u:${user.id}` : `s:${socketId}`);
    }
    return people;
  }

  function total(coffeeId: string, local = localPeople(coffeeId)) {
    const people = new Set(local);
    for (const entry of remote.get(coffeeId)?.values() ?? []) if (Date.now() - entry.at < PRESENCE_STALE_MS) for (const p of entry.people) people.add(p);
    return people.size;
  }

  function send(coffeeId: string, count: number) {
    lastSent.set(coffeeId, count);
    if (!nsp.adapter.rooms.has(rooms.all(coffeeId))) lastSent.delete(coffeeId);
    nsp.local.to(rooms.all(coffeeId)).emit("qa:presence", { sessionId: coffeeId, count });
  }

  function announce(coffeeId: string) {
    const local = localPeople(coffeeId);
    if (clustered) nsp.serverSideEmit("qa:presence-node" as never, { node, coffeeId, people: [...local] } as never);
    send(coffeeId, total(coffeeId, local));
  }

  function flush() {
    timer = null;
    for (const coffeeId of dirty) announce(coffeeId);
    dirty.clear();
  }

  if (clustered) {
    nsp.on("qa:presence-node" as never, ((msg: { node: string; coffeeId: string; people: string[] }) => {
      if (!msg || msg.node === node || !Array.isArray(msg.people)) return;
      let byNode = remote.get(msg.coffeeId);
      if (!byNode) remote.set(msg.coffeeId, (byNode = new Map()));
      if (msg.people.length) byNode.set(msg.node, { people: msg.people, at: Date.now() });
      else byNode.delete(msg.node);
      if (!byNode.size) remote.delete(msg.coffeeId);
      // Only this process's clients hear it; answering the other process would echo for ever.
      const count = total(msg.coffeeId);
      if (lastSent.get(msg.coffeeId) !== count && nsp.adapter.rooms.has(rooms.all(msg.coffeeId))) send(msg.coffeeId, count);
    }) as never);
    const heartbeat = setInterval(() => {
      for (const room of nsp.adapter.rooms.keys()) {
        const match = /^qa:([^:]+)$/.exec(room);
        if (match) nsp.serverSideEmit("qa:presence-node" as never, { node, coffeeId: match[1], people: [...localPeople(match[1])] } as never);
      }
    }, PRESENCE_HEARTBEAT_MS);
    heartbeat.unref();
  }

  return {
    total: (coffeeId: string) => total(coffeeId),
    /** Counted at the next flush, when a leaving socket has left its rooms. */
    changed(coffeeId: string) {
      dirty.add(coffeeId);
      timer ??= setTimeout(flush, PRESENCE_EVERY_MS);
      timer.unref?.();
    },
  };
}
