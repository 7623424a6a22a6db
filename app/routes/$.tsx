import type { MetaFunction } from "@remix-run/node";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Page not found", "This page of MIEUX+ Community does not exist. Find Morning Coffee sessions, the Expert Roster and resources from the home page.");

// Any address no other route claims: a real 404 inside the site layout.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
