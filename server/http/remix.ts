import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Express, type Request, type Response } from "express";
import type { MieuxLoadContext } from "#app/utils/load-context.ts";
import type { Env } from "#app/utils/env.server.ts";

const systemClock = () => new Date();

function loadContext(req: Request, res: Response, now: () => Date): MieuxLoadContext {
  return {
    requestId: res.locals.requestId,
    cspNonce: res.locals.cspNonce,
    ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
    userAgent: req.headers["user-agent"] ?? null,
    user: res.locals.user ?? null,
    sessionToken: res.locals.sessionToken ?? null,
    sessionHash: res.locals.sessionHash ?? null,
    now,
  };
}

/** Only paths that name a file (`/favicon.svg`) look on disk; pages (`/roster`) go straight on, without a stat. */
function filesOnly(serve: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (/\.\w+$/.test(req.path) ? serve(req, res, next) : next());
}

/** Static assets and the Remix handler: the production build, or Vite middleware in development. */
export async function mountRemix(app: Express, env: Env, root: string, beforeRemix: express.RequestHandler[], clock: () => Date = systemClock) {
  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite = async () => {};
  if (env.isProduction || env.NODE_ENV === "test") {
    const buildDir = path.join(root, "build");
    app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(filesOnly(express.static(path.join(buildDir, "client"), { maxAge: "1h" })));
    build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
  } else {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    closeVite = () => vite.close();
  }
  app.use(filesOnly(express.static(path.join(root, "public"), { maxAge: "1h" })));
  app.all("*", ...beforeRemix, createRequestHandler({ build, mode: env.NODE_ENV === "production" ? "production" : "development", getLoadContext: (req, res) => loadContext(req, res, clock) }));
  return { closeVite };
}
