import type { NextFunction, Request, Response } from "express";
import { hashToken } from "#app/modules/auth/tokens.server.ts";
import { validateSessionCookie } from "#app/modules/auth/session.server.ts";

/** Validates the session cookie once per page request and renews it (sliding expiry). */
export function sessionMiddleware() {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = await validateSessionCookie(req.headers.cookie);
      res.locals.user = session.user;
      res.locals.sessionToken = session.token;
      res.locals.sessionHash = session.token ? hashToken(session.token) : null;
      if (session.setCookie) res.append("Set-Cookie", session.setCookie);
      next();
    } catch (error) {
      next(error);
    }
  };
}
