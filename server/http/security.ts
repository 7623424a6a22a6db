import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Env } from "#app/utils/env.server.ts";

const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** Resource forms carry a file of up to 20 MB (checked again, part by part, as it is read) and the form's text. */
const UPLOAD_BODY_BYTES = 21 * 1024 * 1024;
const UPLOAD_PATHS = /^\/resources\/(?:new|[^/]+\/edit)(?:\.data)?\/?$/;

export function bodyLimit(method: string, path: string) {
  return method === "POST" && UPLOAD_PATHS.test(path) ? UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

/** A nonce per response and a strict Content-Security-Policy built around it. */
export function securityHeaders(env: Env) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const dev = env.NODE_ENV === "development";
    const csp = [
      "default-src 'self'",
      // Vite's dev client needs inline and eval; production needs neither.
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-inline' 'unsafe-eval'" : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self'${dev ? " ws: wss:" : ""}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(env.secureCookies ? ["upgrade-insecure-requests"] : []),
    ].join("; ");
    res.setHeader("Content-Security-Policy", dev ? csp.replace(` 'nonce-${nonce}' 'strict-dynamic'`, "") : csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (env.secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/** The origins a browser may send mutations from: the public URL and the host it asked for. */
export function isAllowedOrigin(origin: string, host: string | undefined, env: Env): boolean {
  if (origin === new URL(env.APP_URL).origin) return true;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

/**
 * Mutations only from our own pages: a cross-site Origin (or Sec-Fetch-Site: cross-site when a
 * browser sends no Origin) is refused before anything runs. Also caps request bodies.
 */
export function mutationGuard(env: Env) {
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers["content-length"] ?? 0);
    const limit = bodyLimit(req.method, req.path);
    if (length > limit) {
      res.status(413).type("text/plain").send(`The request is too large (at most ${limit / 1024 / 1024} MB).`);
      return;
    }
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.headers.origin;
    const site = req.headers["sec-fetch-site"];
    const crossSite = origin ? !isAllowedOrigin(origin, req.headers.host, env) : site === "cross-site";
    if (crossSite) {
      res.status(403).type("text/plain").send("This request came from another site and was refused.");
      return;
    }
    next();
  };
}
