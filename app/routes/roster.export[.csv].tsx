import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "#app/utils/guards.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { exportRosterCsv } from "#app/modules/roster/csv.server.ts";
import { parseDirectoryQuery } from "#app/modules/roster/directory.server.ts";

/** The directory's current filters as a CSV file (organisers), in the format the import reads. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireRole(args, "organiser");
  const viewer = await rosterViewer(user);
  const { csv } = await exportRosterCsv(viewer, parseDirectoryQuery(new URL(args.request.url).searchParams));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mieux-roster-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
