import { redirect } from "@remix-run/node";
import { hasRole, type Role } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";

type Args = { request: Request; context: { user: SessionUser | null } };

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

/** The logged-in user, or a redirect to the log-in page that comes back here afterwards. */
export function requireUser({ request, context }: Args): SessionUser {
  if (!context.user) throw loginRedirect(request);
  return context.user;
}

/** A user whose email address is confirmed (members are people with a verified account). */
export function requireVerifiedUser(args: Args): SessionUser {
  const user = requireUser(args);
  if (!user.emailVerified) throw redirect("/verify-email");
  return user;
}

/** A user with at least `role`; others get a 403 page. */
export function requireRole(args: Args, role: Role): SessionUser {
  const user = requireUser(args);
  if (!hasRole(user.role, role)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}

/** Pages like log-in and sign-up send logged-in people on. */
export function requireAnonymous({ context }: Args, to = "/") {
  if (context.user) throw redirect(to);
}

/** Authorisation for a user already in hand (socket handlers and modules). */
export function userHasRole(user: SessionUser | null | undefined, role: Role) {
  return !!user && hasRole(user.role, role);
}
