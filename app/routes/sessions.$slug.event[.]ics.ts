import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse, eventCalendar } from "#app/modules/coffee/calendar.server.ts";
import { getPublishedCoffeeForCalendar } from "#app/modules/coffee/feeds.server.ts";

/** One Morning Coffee as a calendar file (stable UID, SEQUENCE, its page as URL). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const coffee = await getPublishedCoffeeForCalendar(params.slug ?? "");
  if (!coffee) return new Response("This Morning Coffee does not exist.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return calendarResponse(request, eventCalendar(coffee), { filename: `${coffee.slug}.ics` });
}
