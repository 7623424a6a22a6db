import type { MetaDescriptor } from "@remix-run/node";

export const SITE_NAME = "MIEUX+ Community";

/**
 * A page's <title> and meta description. Remix replaces, never merges, a parent's meta with a
 * child's, so every page states both, and the title names the page before the site.
 */
export function pageMeta(title: string, description: string): MetaDescriptor[] {
  return [{ title: `${title} — ${SITE_NAME}` }, { name: "description", content: description.length > 160 ? `${description.slice(0, 157).trimEnd()}…` : description }];
}
