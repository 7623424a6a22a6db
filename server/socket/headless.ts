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
  // The adapters subscribe in the background; closing before that is done leaves a rejected
  // promise inside the adapter, so wait until Redis lists each one's own channel.
  for (const nsp of namespaces) {
    const channel = `socket.io#${nsp.name}#${(nsp.adapter as unknown as { uid: string }).uid}#`;
    for (let tries = 0; tries < 100; tries++) {
      const subscribers = await redis.client.pubSubNumSub(channel);
      if (Number(subscribers[channel] ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
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
