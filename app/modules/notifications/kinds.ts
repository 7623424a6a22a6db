/**
 * Every kind of in-app notification, in one list: delivery (bell, email, preferences) reads it.
 * Adding a kind here is the only way to create one (notify() refuses others).
 */
export const NOTIFICATION_KINDS = {
  mention: { label: "Someone mentioned you" },
  content_hidden: { label: "A moderator hid something you wrote" },
  content_restored: { label: "A moderator restored something you wrote" },
  moderation_warning: { label: "A warning from the moderators" },
  suspended: { label: "Your account is suspended for a period" },
  post_approved: { label: "Your post was approved" },
  call_match: { label: "A call for experts fits your roster profile" },
  call_interest: { label: "An expert of your Member State expressed interest in a call" },
  call_selected: { label: "You were selected for a call for experts" },
  call_declined: { label: "A call for experts you applied to was decided" },
  request_update: { label: "A knowledge-exchange request changed" },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}
