import type { SessionUser } from "#app/modules/auth/session.server.ts";

/** What the Express server hands every loader and action (server/http/remix.ts). */
export type MieuxLoadContext = {
  requestId: string;
  cspNonce: string;
  ip: string;
  userAgent: string | null;
  user: SessionUser | null;
  /** SHA-256 of the current session token, to mark "this device" in the sessions list. */
  sessionHash: string | null;
  sessionToken: string | null;
  /** The server's clock: rules that depend on time (a call's deadline) read it here, so tests can set it. */
  now: () => Date;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends MieuxLoadContext {}
}
