import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "#app/utils/guards.server.ts";
import { findCall } from "#app/modules/calls/calls.server.ts";
import { interestsCsv } from "#app/modules/calls/interests.server.ts";

/** Every interest in a call as CSV, for organisers. */
export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const call = await findCall(args.params.id ?? "");
  if (!call) throw new Response("Not found", { status: 404 });
  return new Response(await interestsCsv(call.id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="call-${call.id}-interests.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
