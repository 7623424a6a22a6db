import path from "node:path";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import express, { type Express, type Request, type Response } from "express";
import type { MieuxLoadContext } from "#app/utils/load-context.ts";
import type { Env } from "#app/utils/env.server.ts";
import { bodyLimit, cappedBody, refuseTooLarge } from "./body-limit.ts";
import { carriesSecret } from "./secret-urls.ts";
import { isOneClickUnsubscribe } from "./security.ts";

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

/**
 * The Fetch Request Remix sees, built as @remix-run/express builds it (that adapter is what we
 * used before; its helpers are not exported), except that the body is read
 * through `cappedBody`: the size cap holds for the bytes actually read, whatever the headers say.
 */
function remixRequest(req: Request, res: Response) {
  // req.hostname respects "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const port = [req.get("X-Forwarded-Host"), req.get("host")].map((h) => Number.parseInt(h?.split(":")[1] ?? "", 10)).find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const headers = fetchHeaders(req.headers);
  // Another site's Origin is expected here (a mail provider's one-click POST); Remix would refuse it.
  if (isOneClickUnsubscribe(req.path)) headers.delete("origin");
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const limit = bodyLimit(req.method, req.path);
    const tooLarge = () => {
      res.locals.bodyTooLarge = true;
      controller?.abort(); // the action stops; nothing is logged as a server error
      refuseTooLarge(res, { paused: true, limit });
    };
    init.body = createReadableStreamFromReadable(cappedBody(req, tooLarge, limit));
    init.duplex = "half";
  }
  // Abort loaders and actions when the response can no longer be written (close without finish).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

/** Signed-in responses and token links hold personal data; public anonymous pages may be cached. */
function isPersonal(req: Request, res: Response) {
  return Boolean(res.locals.user) || carriesSecret(req.originalUrl);
}

/** Shared caches must never keep these; a route's own `private` choice (a photo for a few minutes) stands. */
function keepOutOfCaches(headers: Headers) {
  if (!/\b(private|no-store)\b/.test(headers.get("Cache-Control") ?? "")) headers.set("Cache-Control", "private, no-store");
}

function fetchHeaders(incoming: Request["headers"]) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(incoming)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(key, value);
  }
  return headers;
}

async function sendRemixResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>), mode: string, clock: () => Date): express.RequestHandler {
  const handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const response = await handle(remixRequest(req, res), loadContext(req, res, clock));
      // A body over the cap has already been answered with 413.
      if (res.locals.bodyTooLarge) return;
      if (isPersonal(req, res)) keepOutOfCaches(response.headers);
      await sendRemixResponse(res, response);
    } catch (error) {
      if (res.locals.bodyTooLarge) return;
      next(error);
    }
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
  app.all("*", ...beforeRemix, remixHandler(build, env.NODE_ENV === "production" ? "production" : "development", clock));
  return { closeVite };
}
