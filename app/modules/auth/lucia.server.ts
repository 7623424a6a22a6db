import { Lucia, TimeSpan } from "lucia";
import { getEnv } from "#app/utils/env.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { PrismaSessionAdapter } from "./lucia-adapter.server.ts";

/**
 * The only file that knows about the `lucia` package. Its author no longer develops it; if it
 * must go, the Lucia guide's plain code replaces this module and the adapter (docs/decisions/003).
 */
function createLucia() {
  const env = getEnv();
  return new Lucia(new PrismaSessionAdapter(), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: env.secureCookies ? "__Host-mieux_session" : "mieux_session",
      expires: true,
      attributes: { secure: env.secureCookies, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

export const lucia = singleton("lucia", createLucia);

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: string;
      country: string | null;
      institution: string | null;
      emailVerifiedAt: Date | null;
    };
    DatabaseSessionAttributes: {
      createdAt?: Date;
      userAgent?: string | null;
      ip?: string | null;
    };
  }
}
