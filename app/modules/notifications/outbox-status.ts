/** The states of an email in the outbox, in the order the admin page offers them as filters. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
