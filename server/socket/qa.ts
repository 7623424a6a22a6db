import crypto from "node:crypto";
import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import { validateSessionCookie, type SessionUser } from "#app/modules/auth/session.server.ts";
import { qaAccess, canModerate } from "#app/modules/qa/access.server.ts";
import { answer, ask, moderate, vote } from "#app/modules/qa/actions.server.ts";
import { readVoteCountsFromDatabase, rooms, type QaNamespace } from "#app/modules/qa/broadcast.server.ts";
import {
  QA_NAMESPACE,
  payloadSchemas,
  type Ack,
  type ClientToServerEvents,
  type QaErrorCode,
  type ServerToClientEvents,
} from "#app/modules/qa/events.ts";
import { qaState } from "#app/modules/qa/questions.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { applySessionAuth, type SocketData } from "./auth.ts";

type QaSocketData = SocketData & { validatedAt?: number };
type QaSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, QaSocketData>;

/** The session cookie is checked again on events once this old, so a revoked session stops acting. */
const REVALIDATE_MS = 60_000;
const PRESENCE_EVERY_MS = 1_000;
const PRESENCE_HEARTBEAT_MS = 10_000;
const PRESENCE_STALE_MS = 30_000;

const failure = (code: QaErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

/**
 * The live Q&A namespace (DESIGN.md §5). Every event is rate limited, validated with zod and
 * authorised again through the qa module; writes are durable before anything is broadcast.
 */
export function registerQaNamespace(io: Server, { clustered }: { clustered: boolean }) {
  const nsp = io.of(QA_NAMESPACE) as QaNamespace;
  applySessionAuth(nsp as never);
  const presence = createPresence(nsp, clustered);
  readVoteCountsFromDatabase(clustered);

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

    handle("qa:join", async ({ sessionId }, user) => {
      const access = await qaAccess(user, sessionId);
      if (!access.ok) return access;
      const { coffee, role } = access.value;
      await socket.join(rooms.all(coffee.id));
      if (canModerate(role)) await socket.join(rooms.moderators(coffee.id));
      else await socket.leave(rooms.moderators(coffee.id));
      if (role === "organiser") await socket.join(rooms.organisers(coffee.id));
      else await socket.leave(rooms.organisers(coffee.id));
      presence.changed(coffee.id);
      const state = await qaState(user!, access.value, presence.total(coffee.id));
      return { ok: true, state };
    });

    handle("qa:leave", async ({ sessionId }, user) => {
      const access = await qaAccess(user, sessionId);
      const coffeeId = access.ok ? access.value.coffee.id : sessionId;
      for (const room of [rooms.all(coffeeId), rooms.moderators(coffeeId), rooms.organisers(coffeeId)]) await socket.leave(room);
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
        if (match) presence.changed(match[1], true);
      }
    });

    // A recovered socket is back in its rooms: its session's count changes.
    if (socket.recovered) for (const room of socket.rooms) if (/^qa:[^:]+$/.test(room)) presence.changed(room.slice(3));
  });
}

/**
 * Presence: each process counts the sockets in its own rooms, tells the other processes (when
 * clustered through Redis), and sends every session the total at most once a second.
 */
function createPresence(nsp: QaNamespace, clustered: boolean) {
  const node = crypto.randomUUID();
  const remote = new Map<string, Map<string, { count: number; at: number }>>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  const local = (coffeeId: string, leaving = 0) => Math.max(0, (nsp.adapter.rooms.get(rooms.all(coffeeId))?.size ?? 0) - leaving);
  const others = (coffeeId: string) => {
    let sum = 0;
    for (const entry of remote.get(coffeeId)?.values() ?? []) if (Date.now() - entry.at < PRESENCE_STALE_MS) sum += entry.count;
    return sum;
  };
  const total = (coffeeId: string) => local(coffeeId) + others(coffeeId);

  function announce(coffeeId: string) {
    const count = local(coffeeId);
    if (clustered) nsp.serverSideEmit("qa:presence-node" as never, { node, coffeeId, count } as never);
    nsp.local.to(rooms.all(coffeeId)).emit("qa:presence", { sessionId: coffeeId, count: count + others(coffeeId) });
  }

  function flush() {
    timer = null;
    for (const coffeeId of dirty) announce(coffeeId);
    dirty.clear();
  }

  if (clustered) {
    nsp.on("qa:presence-node" as never, ((msg: { node: string; coffeeId: string; count: number }) => {
      if (!msg || msg.node === node) return;
      let byNode = remote.get(msg.coffeeId);
      if (!byNode) remote.set(msg.coffeeId, (byNode = new Map()));
      const before = byNode.get(msg.node)?.count;
      byNode.set(msg.node, { count: msg.count, at: Date.now() });
      if (before !== msg.count) nsp.local.to(rooms.all(msg.coffeeId)).emit("qa:presence", { sessionId: msg.coffeeId, count: total(msg.coffeeId) });
    }) as never);
    const heartbeat = setInterval(() => {
      for (const [room, members] of nsp.adapter.rooms) {
        const match = /^qa:([^:]+)$/.exec(room);
        if (match && members.size) nsp.serverSideEmit("qa:presence-node" as never, { node, coffeeId: match[1], count: members.size } as never);
      }
    }, PRESENCE_HEARTBEAT_MS);
    heartbeat.unref();
  }

  return {
    total,
    /** `leaving`: called while a socket is still in its rooms (disconnecting). */
    changed(coffeeId: string, leaving = false) {
      dirty.add(coffeeId);
      if (leaving) setImmediate(() => dirty.add(coffeeId));
      timer ??= setTimeout(flush, PRESENCE_EVERY_MS);
      timer.unref?.();
    },
  };
}
