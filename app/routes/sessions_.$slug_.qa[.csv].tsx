import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "#app/utils/guards.server.ts";
import { findCoffee } from "#app/modules/qa/access.server.ts";
import { questionsCsv } from "#app/modules/qa/export.server.ts";

/** Every question of a session as CSV, for organisers. */
export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const coffee = await findCoffee(args.params.slug ?? "");
  if (!coffee) return Response.json({ error: { code: "not_found", message: "There is no Morning Coffee with that address." } }, { status: 404 });
  const csv = await questionsCsv(coffee.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="qa-${coffee.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
