import type { IncomingMessage } from "node:http";
import type { Namespace, Socket } from "socket.io";
import { validateSessionCookie, type SessionUser } from "#app/modules/auth/session.server.ts";
import { accessRooms } from "#app/modules/auth/socket-access.server.ts";
import { hashToken } from "#app/modules/auth/tokens.server.ts";
import type { Env } from "#app/utils/env.server.ts";
import { isAllowedOrigin } from "../http/security.ts";

export type SocketData = { user: SessionUser | null; sessionHash?: string | null };

/** Handshake check: browsers must come from our own origin (cross-site WebSocket hijacking). */
export function originAllowed(req: IncomingMessage, env: Env): boolean {
  const origin = req.headers.origin;
  // Non-browser clients send no Origin; they cannot ride a victim's cookies.
  if (!origin) return true;
  return isAllowedOrigin(origin, req.headers.host, env);
}

/**
 * The same session cookie as the pages, checked when a socket joins a namespace (also when a
 * connection is recovered). A signed-in socket joins its user's and its session's rooms, so a
 * log-out or a role change can reach it (app/modules/auth/socket-access.server.ts).
 */
export function applySessionAuth(nsp: Namespace) {
  nsp.use(async (socket: Socket, next) => {
    try {
      const session = await validateSessionCookie(socket.handshake.headers.cookie);
      const data = socket.data as SocketData;
      data.user = session.user;
      data.sessionHash = session.token ? hashToken(session.token) : null;
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  nsp.on("connection", (socket: Socket) => {
    const { user, sessionHash } = socket.data as SocketData;
    // A recovered socket comes back with the rooms it had: its login may have changed since.
    if (socket.recovered) for (const room of socket.rooms) if (room.startsWith("user:") || room.startsWith("session:")) void socket.leave(room);
    if (user && sessionHash) void socket.join([accessRooms.user(user.id), accessRooms.session(sessionHash)]);
  });
}
