/** The kinds of thing the search finds, in the order the search page lists its filters. */
export const SEARCH_TYPES = ["post", "comment", "resource", "action", "spotlight", "call", "coffee", "expert"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const TYPE_LABELS: Record<SearchType, string> = {
  post: "Posts",
  comment: "Comments",
  resource: "Resources",
  action: "Actions",
  spotlight: "Spotlights",
  call: "Calls for experts",
  coffee: "Morning Coffees",
  expert: "Experts",
};
