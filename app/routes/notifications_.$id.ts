import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { markNotificationRead } from "#app/modules/notifications/notify.server.ts";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";

/**
 * Following a notification: marks it read (the bell drops on every tab) and goes where it points.
 * A link, so it works without JavaScript; only the member's own notifications, only paths on this site.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const found = await markNotificationRead(user.id, String(args.params.id ?? "").slice(0, 40), args.context.now());
  if (!found) throw new Response("Not found", { status: 404 });
  const url = found.url.startsWith("/") && !found.url.startsWith("//") ? found.url : "/notifications";
  return redirect(url, { headers: { "Cache-Control": "no-store" } });
}
