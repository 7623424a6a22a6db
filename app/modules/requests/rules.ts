/** The life of a knowledge-exchange request, as one pure rule (pages, the module and tests share it). */
export const REQUEST_STATUSES = ["received", "under_review", "accepted", "declined", "in_progress", "done"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: "Received",
  under_review: "Under review",
  accepted: "Accepted",
  declined: "Declined",
  in_progress: "In progress",
  done: "Done",
};

/** received → under review → accepted / declined → in progress → done. Declined and done are final. */
export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ["under_review", "declined"],
  under_review: ["accepted", "declined"],
  accepted: ["in_progress"],
  declined: [],
  in_progress: ["done"],
  done: [],
};

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function canMoveRequest(from: string, to: string): boolean {
  return isRequestStatus(from) && isRequestStatus(to) && REQUEST_TRANSITIONS[from].includes(to);
}

/** An accepted request (and what follows from it) can be linked to the Action that came out of it. */
export function canLinkAction(status: string): boolean {
  return status === "accepted" || status === "in_progress" || status === "done";
}
