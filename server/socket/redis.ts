import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { VOTE_FLUSH_MS } from "#app/modules/qa/events.ts";
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
    /**
     * A room's turn to send vote counts, shared by every process (app/modules/qa/broadcast.server.ts):
     * 0 when this process has it, else the ms until it is free. Redis down: send (counts stay right).
     */
    async voteFlushTurn(coffeeId: string): Promise<number> {
      const key = `qa:vote-turn:${coffeeId}`;
      try {
        if ((await client.set(key, "1", { PX: VOTE_FLUSH_MS, NX: true })) === "OK") return 0;
        return Math.max(1, await client.pTTL(key));
      } catch (error) {
        logger.warn({ err: error, coffeeId }, "vote flush turn unavailable; sending");
        return 0;
      }
    },
    async close() {
      try {
        await client.quit();
      } catch {
        // already closed
      }
    },
  };
}
