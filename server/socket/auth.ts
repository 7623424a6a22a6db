import type { IncomingMessage } from "node:http";
import type { Namespace, Socket } from "socket.io";
import { validateSessionCookie, type SessionUser } from "#app/modules/auth/session.server.ts";
import type { Env } from "#app/utils/env.server.ts";
import { isAllowedOrigin } from "../http/security.ts";

export type SocketData = { user: SessionUser | null };

/** Handshake check: browsers must come from our own origin (cross-site WebSocket hijacking). */
export function originAllowed(req: IncomingMessage, env: Env): boolean {
  const origin = req.headers.origin;
  // Non-browser clients send no Origin; they cannot ride a victim's cookies.
  if (!origin) return true;
  return isAllowedOrigin(origin, req.headers.host, env);
}

/** The same session cookie as the pages, checked when a socket joins a namespace. */
export function applySessionAuth(nsp: Namespace) {
  nsp.use(async (socket: Socket, next) => {
    try {
      const session = await validateSessionCookie(socket.handshake.headers.cookie);
      (socket.data as SocketData).user = session.user;
      next();
    } catch (error) {
      next(error as Error);
    }
  });
}
