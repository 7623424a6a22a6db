import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Env } from "#app/utils/env.server.ts";

/** Default headers a route may set to a stricter value of its own (the private calendar feed's Referrer-Policy). */
const OVERRIDABLE = new Set(["referrer-policy", "x-content-type-options", "x-frame-options"]);

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
    // A header a route sets itself (Remix appends them) replaces the default below instead of being sent twice.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) => (OVERRIDABLE.has(field.toLowerCase()) && value !== undefined ? res.setHeader(field, value) : append(field, value));
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
 * RFC 8058 one-click unsubscribe (`/unsubscribe/<token>`): mail providers POST to it from their
 * own servers or pages. The signed token in the address is the only authority (no cookie is read)
 * and all it can do is turn emails off, so it is the one address exempt from the Origin checks,
 * ours here and Remix's own (server/http/remix.ts drops the Origin header for it).
 */
export function isOneClickUnsubscribe(path: string) {
  return /^\/unsubscribe\/[^/]+$/.test(path);
}

/**
 * Mutations only from our own pages: a cross-site Origin (or Sec-Fetch-Site: cross-site when a
 * browser sends no Origin) is refused before anything runs.
 */
export function mutationGuard(env: Env) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (isOneClickUnsubscribe(req.path)) return next();
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
