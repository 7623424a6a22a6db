/**
 * Open sockets follow the login session they were opened with. Every socket joins a room for its
 * user and one for its session at connection (server/socket/auth.ts); when a session ends or a
 * role changes, the sockets in that room are disconnected on every process (the Socket.IO
 * adapter carries it through Redis when scaled). The browser reconnects at once with whatever
 * cookie it now has, so the new handshake re-reads the account: a signed-out person gets no
 * session rooms, a demoted organiser rejoins as a member (decision 042).
 */
import type { Server } from "socket.io";
import { QA_NAMESPACE } from "#app/modules/qa/events.ts";
import { logger } from "#app/utils/logger.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { hashToken } from "./tokens.server.ts";

/** The rooms a socket joins for its login: every namespace has them. */
export const accessRooms = {
  user: (userId: string) => `user:${userId}`,
  /** By the stored hash of the session token, never the token itself (room names travel through Redis). */
  session: (sessionHash: string) => `session:${sessionHash}`,
};

/** Every namespace a signed-in socket can be in. */
const NAMESPACES = ["/", QA_NAMESPACE];

/** This process's Socket.IO server: the real one, or in the CLI a headless one bound to Redis (or none). */
function currentIo(): Server | null {
  return singleton<{ current: Server | null }>("io", () => ({ current: null })).current;
}

function disconnectRoom(room: string, why: string) {
  const io = currentIo();
  if (!io) return;
  logger.info({ room: room.startsWith("session:") ? "session:…" : room, why }, "re-authorising open sockets");
  // Namespace-level disconnect ("io server disconnect"): never recovered with its old rooms.
  for (const name of NAMESPACES) io.of(name).in(room).disconnectSockets(false);
}

/** A role change, suspension, deletion, password reset or sign-out everywhere: every socket of the user. */
export function reauthoriseUser(userId: string, why: string) {
  disconnectRoom(accessRooms.user(userId), why);
}

/** One login session ended (log-out, or revoked from settings): the sockets opened with it. */
export function endSessionSockets(sessionHash: string, why: string) {
  disconnectRoom(accessRooms.session(sessionHash), why);
}

/** The same, from the raw token in a cookie. */
export function endTokenSockets(token: string, why: string) {
  endSessionSockets(hashToken(token), why);
}
