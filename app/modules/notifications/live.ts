/**
 * The bell's live channel, shared by the server and the browser: on the default Socket.IO
 * namespace, every signed-in socket is in its user's room (decision 042); after a write commits,
 * that room hears the member's new unread count (decision 100).
 */
export const UNREAD_EVENT = "notifications:unread";
export type UnreadPayload = { count: number };

/** The bell's accessible name. */
export function bellLabel(count: number) {
  return count ? `Notifications, ${count} unread` : "Notifications, none unread";
}
