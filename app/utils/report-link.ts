/** The address of the report page for one piece of content, coming back to `back` afterwards. */
export function reportLink(type: "post" | "comment" | "question" | "resource", id: string, back: string) {
  return `/report?${new URLSearchParams({ type, id, redirectTo: back })}`;
}
