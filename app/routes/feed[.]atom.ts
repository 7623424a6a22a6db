import { buildAtomFeed } from "#app/modules/posts/atom.server.tsx";

/** Atom 1.0 of the public posts and Action Spotlights. */
export async function loader() {
  const body = await buildAtomFeed();
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
