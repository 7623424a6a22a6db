import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "#app/modules/coffee/calendar.server.ts";
import { publicFeed } from "#app/modules/coffee/feeds.server.ts";

/** Every published Morning Coffee, for calendar subscriptions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const feed = await publicFeed();
  return calendarResponse(request, feed.body, { filename: "mieux-morning-coffee.ics", maxAge: 900, etag: feed.etag, gzip: feed.gzip });
}
