import type http from "node:http";
import { Server } from "socket.io";
import { cache } from "#app/utils/cache.server.ts";
import type { Env } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { applySessionAuth, originAllowed } from "./auth.ts";
import { registerQaNamespace } from "./qa.ts";
import { connectRedis } from "./redis.ts";
import { registerSessionEvents } from "./session.ts";

/** Socket.IO on the same HTTP server and port as the pages. Namespaces register here. */
export async function createSocketServer(httpServer: http.Server, env: Env) {
  // Scale-out: with REDIS_URL, processes share rooms through Redis Streams (which keeps
  // connection-state recovery) and rate limits through Redis (decision 036).
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL) : null;
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) => {
      const ok = originAllowed(req, env);
      if (!ok) logger.warn({ origin: req.headers.origin }, "socket handshake refused: foreign origin");
      callback(ok ? null : "Origin not allowed", ok);
    },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    ...(redis ? { adapter: redis.adapter } : {}),
  });
  applySessionAuth(io.of("/"));
  registerSessionEvents(io.of("/"));
  registerQaNamespace(io, { clustered: Boolean(redis), voteFlushTurn: redis?.voteFlushTurn });
  if (redis) {
    shareCacheInvalidations(io);
    httpServer.once("close", () => {
      cache.shareInvalidations(null);
      void redis.close();
    });
  }
  // One io per process: app code reaches it through this singleton (e.g. to broadcast after a write).
  singleton("io", () => ({ current: io })).current = io;
  return io;
}

const CACHE_INVALIDATION = "cache:invalidate";

/**
 * With Redis: an invalidation of a "ttl" cache (the Q&A caches in app/utils/cache.server.ts) in
 * this process goes to every other process through the adapter's server-side events, which reach
 * the other processes and never the sender; each forgets its copy and sends nothing on. If Redis
 * is unreachable the message is lost and the TTL still bounds how stale a copy gets (decision 133).
 */
function shareCacheInvalidations(io: Server) {
  const main = io.of("/");
  main.on(CACHE_INVALIDATION, (message: unknown) => cache.receiveInvalidation(message));
  cache.shareInvalidations((message) => main.serverSideEmit(CACHE_INVALIDATION, message));
}

export function getIo(): Server | null {
  return singleton<{ current: Server | null }>("io", () => ({ current: null })).current;
}
