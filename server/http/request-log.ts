import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { redactUrl } from "./secret-urls.ts";

/** A request id on every request (kept from X-Request-Id when sane) and one log line per response, link tokens redacted. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const quiet = req.path === "/healthz" || req.path === "/readyz" || req.path.startsWith("/assets/");
      logger[quiet ? "debug" : res.statusCode >= 500 ? "error" : "info"](
        { reqId: id, method: req.method, url: redactUrl(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        "request",
      );
    });
    next();
  };
}
