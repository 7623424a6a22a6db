/**
 * What search engines may index: the public pages (home, sessions, resources, Spotlights), not
 * the roster, accounts, administration or data exports. A plain-text resource route, it is also the
 * benchmarks' "trivial route" through the whole Remix stack (tests/bench, docs/performance.md).
 */
export function loader() {
  const body = [
    "User-agent: *",
    "Disallow: /admin",
    "Disallow: /roster",
    "Disallow: /focal-points",
    "Disallow: /settings",
    "Disallow: /login",
    "Disallow: /signup",
    "Disallow: /calendar/",
    "Disallow: /*.csv",
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
