import type { Prisma } from "#app/utils/db.server.ts";
import { lucia } from "./lucia.server.ts";
import { isRole, type Role } from "./roles.ts";
import { endTokenSockets, reauthoriseUser } from "./socket-access.server.ts";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  country: string | null;
  institution: string | null;
  emailVerified: boolean;
};

export type ValidatedSession = {
  user: SessionUser | null;
  /** The raw token from the cookie, when the session is valid. */
  token: string | null;
  /** A Set-Cookie header to send back (sliding renewal or clearing a dead cookie). */
  setCookie: string | null;
};

export const sessionCookieName = () => lucia.sessionCookieName;

/**
 * The session token from a Cookie header. Read by name without decoding the other cookies: one
 * malformed cookie set by anything else on this host (`other=%FF`) must not fail every request,
 * as decoding the whole header would. Our tokens are plain ASCII.
 */
export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  const name = lucia.sessionCookieName;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** Checks the session behind a Cookie header: the same check for pages and Socket.IO. */
export async function validateSessionCookie(cookieHeader: string | null | undefined): Promise<ValidatedSession> {
  const token = readSessionToken(cookieHeader);
  if (!token) return { user: null, token: null, setCookie: null };
  const { session, user } = await lucia.validateSession(token);
  if (!session || !user) {
    return { user: null, token: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  return {
    token,
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: isRole(user.role) ? user.role : "member",
      country: user.country,
      institution: user.institution,
      emailVerified: Boolean(user.emailVerifiedAt),
    },
  };
}

/** A new session on every log-in; returns the Set-Cookie header. */
export async function startSession(userId: string, meta: { userAgent?: string | null; ip?: string | null } = {}): Promise<string> {
  const session = await lucia.createSession(userId, { userAgent: meta.userAgent ?? null, ip: meta.ip ?? null });
  return lucia.createSessionCookie(session.id).serialize();
}

/** Log-out: the session ends, and so do the sockets opened with it, on every process. */
export async function endSession(token: string | null): Promise<string> {
  if (token) {
    await lucia.invalidateSession(token);
    endTokenSockets(token, "log-out");
  }
  return lucia.createBlankSessionCookie().serialize();
}

/** Sign-out everywhere (and password change, suspension): every session and every open socket of the user. */
export async function endAllSessions(userId: string, why = "signed out everywhere"): Promise<void> {
  await lucia.invalidateUserSessions(userId);
  reauthoriseUser(userId, why);
}

/**
 * endAllSessions as one step of the caller's transaction (a suspension decided with other writes):
 * the sessions end if and when it commits; call the returned function after the commit to close
 * the member's open sockets on every process.
 */
export async function endAllSessionsIn(tx: Prisma.TransactionClient, userId: string, why = "signed out everywhere"): Promise<() => void> {
  await tx.session.deleteMany({ where: { userId } });
  return () => reauthoriseUser(userId, why);
}
