import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { readExpertPhoto } from "#app/modules/roster/photos.server.ts";
import { photoForViewer } from "#app/modules/roster/profiles.server.ts";

/** An expert's photo, only for those who may see the profile. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const photoPath = await photoForViewer(await rosterViewer(user), args.params.id ?? "");
  const bytes = photoPath ? await readExpertPhoto(photoPath) : null;
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "image/webp", "Cache-Control": "private, max-age=300", "X-Content-Type-Options": "nosniff" },
  });
}
