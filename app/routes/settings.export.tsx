import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/utils/guards.server.ts";
import { exportUserData } from "#app/modules/auth/privacy.server.ts";

/** Resource route: the member's data as a JSON download. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const body = JSON.stringify(await exportUserData(user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mieux-community-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
