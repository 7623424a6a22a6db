import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { logger } from "#app/utils/logger.server.ts";
import { setRateLimiterFactory } from "#app/utils/rate-limit.server.ts";

/**
 * One Redis connection per process for the Socket.IO Redis Streams adapter and the shared
 * rate limiters (the same names and rules as in memory, so limits hold across processes).
 */
export async function connectRedis(url: string, adapterOptions: Parameters<typeof createAdapter>[1] = {}) {
  const client = createClient({ url });
  client.on("error", (error) => logger.error({ err: error }, "redis error"));
  await client.connect();
  setRateLimiterFactory((name, rule) => new RateLimiterRedis({ storeClient: client, useRedisPackage: true, keyPrefix: `rl:${name}`, ...rule }));
  return {
    client,
    adapter: createAdapter(client, adapterOptions),
    async close() {
      try {
        await client.quit();
      } catch {
        // already closed
      }
    },
  };
}
