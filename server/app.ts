import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { isDatabaseReachable, preparePragmas, prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { startJobs } from "./jobs/index.ts";
import { declaredBodyLimit } from "./http/body-limit.ts";
import { mountRemix } from "./http/remix.ts";
import { requestLog } from "./http/request-log.ts";
import { mutationGuard, securityHeaders } from "./http/security.ts";
import { sessionMiddleware } from "./http/session.ts";
import { createSocketServer } from "./socket/index.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

export type RunningServer = {
  url: string;
  port: number;
  httpServer: http.Server;
  io: Awaited<ReturnType<typeof createSocketServer>>;
  close(): Promise<void>;
};

/**
 * Builds the whole app (HTTP, Remix, Socket.IO, jobs) and listens. Used by server/index.ts and tests.
 * `clock` is what pages read as "now" (tests pass a fake one to move past a deadline).
 */
export async function startServer({ port = getEnv().PORT, host, clock }: { port?: number; host?: string; clock?: () => Date } = {}): Promise<RunningServer> {
  const env = getEnv();
  await preparePragmas();

  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", true);
  app.use(requestLog(logger));
  app.get("/healthz", (_req, res) => void res.type("text/plain").send("ok"));
  app.get("/readyz", async (_req, res) => {
    const ready = !closing && (await isDatabaseReachable());
    res.status(ready ? 200 : 503).json({ ready, database: ready ? "reachable" : "unreachable" });
  });
  app.use(compression());
  app.use(securityHeaders(env));
  app.use(declaredBodyLimit());
  app.use(mutationGuard(env));
  const { closeVite } = await mountRemix(app, env, ROOT, [sessionMiddleware()], clock);

  const httpServer = http.createServer(app);
  const io = await createSocketServer(httpServer, env);
  const jobs = env.JOBS ? startJobs() : { stop: async () => {} };

  let closing = false;
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;

  async function close() {
    if (closing) return;
    closing = true;
    // Stop taking new connections, let requests in flight finish, then close sockets and the database.
    const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    io.engine.close();
    await Promise.race([drained, new Promise((r) => setTimeout(r, 10_000))]);
    httpServer.closeAllConnections();
    await jobs.stop();
    await closeVite();
    await prisma.$disconnect();
  }

  return { url: `http://${host ?? "localhost"}:${actualPort}`, port: actualPort, httpServer, io, close };
}
