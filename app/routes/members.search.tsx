import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { searchMembersByName } from "#app/modules/posts/mentions.server.ts";

/** Members matching a name, for the @ mention autocomplete (signed-in members only). */
export async function loader(args: LoaderFunctionArgs) {
  requireVerifiedUser(args);
  const q = new URL(args.request.url).searchParams.get("q") ?? "";
  const members = await searchMembersByName(q);
  return Response.json({ members: members.map((m) => ({ id: m.id, name: m.name })) }, { headers: { "Cache-Control": "private, no-store" } });
}
