/**
 * Every kind of notification, in one list: delivery (bell, email, preferences) reads it.
 * Adding a kind here is the only way to create one (notify() refuses others).
 *
 * `email` is the default email delivery for members who have not chosen: decisions about the
 * member and calls that fit them go out at once; social activity waits for the weekly digest.
 */
export const NOTIFICATION_KINDS = {
  mention: { label: "Someone mentioned you", email: "digest" },
  reply: { label: "Someone replied to your post or comment", email: "digest" },
  reaction: { label: "Reactions to what you wrote", email: "digest" },
  content_hidden: { label: "A moderator hid something you wrote", email: "immediate" },
  content_restored: { label: "A moderator restored something you wrote", email: "immediate" },
  moderation_warning: { label: "A warning from the moderators", email: "immediate" },
  suspended: { label: "Your account is suspended for a period", email: "immediate" },
  post_approved: { label: "Your post was approved", email: "immediate" },
  call_match: { label: "A call for experts fits your roster profile", email: "immediate" },
  call_interest: { label: "An expert of your Member State expressed interest in a call", email: "immediate" },
  call_selected: { label: "You were selected for a call for experts", email: "immediate" },
  call_declined: { label: "A call for experts you applied to was decided", email: "immediate" },
  request_update: { label: "A knowledge-exchange request changed", email: "immediate" },
  roster_decision: { label: "A decision on your Expert Roster application", email: "immediate" },
  coffee_new: { label: "A new Morning Coffee is open for registration", email: "digest" },
  member_state_activity: { label: "New posts and applications in your Member State (Focal Points)", email: "digest" },
} as const satisfies Record<string, { label: string; email: EmailDelivery }>;

export type EmailDelivery = "immediate" | "digest" | "off";
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}
