import { Server } from "socket.io";
import { QA_NAMESPACE } from "#app/modules/qa/events.ts";
import type { Env } from "#app/utils/env.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { connectRedis } from "./redis.ts";

/**
 * For the CLI, which serves no sockets: with REDIS_URL, a Socket.IO server attached to nothing but
 * the same Redis adapter, so what the app modules send to rooms (re-authorising a user's sockets
 * after `user:role`) reaches the sockets of every running process. Without Redis there is no
 * channel to them: the running server re-checks a socket's session at its next event once the
 * check is a minute old (decision 042).
 */
export async function startHeadlessSockets(env: Env): Promise<{ close(): Promise<void> } | null> {
  if (!env.REDIS_URL) return null;
  // A short blocking read, so the CLI exits promptly once it has published.
  const redis = await connectRedis(env.REDIS_URL, { blockTimeInMs: 100 });
  const io = new Server({ adapter: redis.adapter });
  const namespaces = [io.of("/"), io.of(QA_NAMESPACE)];
  const holder = singleton<{ current: Server | null }>("io", () => ({ current: null }));
  holder.current = io;
  return {
    async close() {
      holder.current = null;
      // No engine to close (nothing listens): only the adapters, then Redis, which sends what is queued first.
      for (const nsp of namespaces) await nsp.adapter.close();
      await redis.close();
    },
  };
}
