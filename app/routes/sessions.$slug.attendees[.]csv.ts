import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "#app/utils/guards.server.ts";
import { attendeesCsv, listAttendees } from "#app/modules/coffee/registration.server.ts";

/** The attendee list as CSV, for organisers. */
export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const list = await listAttendees(args.params.slug ?? "");
  if (!list) throw new Response("Not found", { status: 404 });
  return new Response(attendeesCsv(list.registrations), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="attendees-${list.coffee.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
