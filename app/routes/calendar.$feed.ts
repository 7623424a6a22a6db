import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "#app/modules/coffee/calendar.server.ts";
import { privateFeed } from "#app/modules/coffee/feeds.server.ts";

const notFound = () => new Response("This calendar address does not exist (or was replaced).", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A member's private feed at /calendar/<token>.ics: the token is the only credential. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = /^(.+)\.ics$/.exec(params.feed ?? "");
  if (!match) return notFound();
  const body = await privateFeed(match[1]);
  if (body == null) return notFound();
  return calendarResponse(request, body, { filename: "my-morning-coffees.ics", privateFeed: true });
}
