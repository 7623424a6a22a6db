import type { Prisma } from "#app/generated/prisma/client.ts";
import { coffeeCancelledMessage, type CoffeeCancelReason } from "#emails/coffee-cancelled.tsx";
import { coffeeInviteMessage, type CoffeeInviteKind } from "#emails/coffee-invite.tsx";
import { coffeeReminderMessage } from "#emails/coffee-reminder.tsx";
import { coffeeWaitlistedMessage } from "#emails/coffee-waitlisted.tsx";
import { appLink } from "#app/modules/auth/emails.server.ts";
import { enqueueEmail } from "#app/modules/notifications/outbox.server.ts";
import type { prisma } from "#app/utils/db.server.ts";
import { inviteCalendar, type CalendarCoffee } from "./calendar.server.ts";
import { describeOffset } from "./rules.ts";
import { formatRange } from "./time.ts";

type Db = Prisma.TransactionClient | typeof prisma;
type Person = { email: string; name: string };

const when = (c: CalendarCoffee) => `${formatRange(c.startsAt, c.durationMinutes, c.timezone)} (${c.timezone})`;
const page = (c: CalendarCoffee) => appLink(`/sessions/${c.slug}`);

/**
 * Whether this member's emails carry calendar invites. A member who subscribed to their private
 * feed may turn invites off, so that each session is in their calendar once, not twice.
 */
async function wantsInvites(db: Db, email: string) {
  const feed = await db.coffeeCalendarFeed.findFirst({ where: { user: { email } }, select: { sendInvites: true } });
  return feed?.sendInvites ?? true;
}

/** Registration, update or waitlist promotion: an email carrying METHOD:REQUEST (DTSTAMP = `now`). */
export async function sendCoffeeInviteEmail(db: Db, kind: CoffeeInviteKind, coffee: CalendarCoffee, to: Person, sequence: number, changes: string[] = [], now = new Date()) {
  const withInvite = await wantsInvites(db, to.email);
  const message = await coffeeInviteMessage({ kind, name: to.name, title: coffee.title, when: when(coffee), link: page(coffee), changes, withInvite });
  const calendar = withInvite ? inviteCalendar(coffee, to, { method: "REQUEST", sequence, stamp: now }) : null;
  await enqueueEmail({ kind: `coffee_${kind}`, to: to.email, ...message, calendar }, db);
}

const CANCEL_KINDS: Record<CoffeeCancelReason, string> = {
  session: "coffee_cancelled",
  unregistered: "coffee_unregistered",
  declined: "coffee_declined",
  waitlist: "coffee_cancelled",
};

/**
 * The session was cancelled, or one member's place ended. METHOD:CANCEL goes only to members who
 * were sent an invite: waitlisted members hear in words ("waitlist"), and a member who declined
 * in their calendar already removed it there ("declined"). A single place ending names only that
 * attendee and leaves the session's STATUS alone (RFC 5546 §3.2.5).
 */
export async function sendCoffeeCancelEmail(db: Db, reason: CoffeeCancelReason, coffee: CalendarCoffee, to: Person, sequence: number, now = new Date()) {
  const invited = reason === "session" || reason === "unregistered";
  const withInvite = invited && (await wantsInvites(db, to.email));
  const message = await coffeeCancelledMessage({ reason, name: to.name, title: coffee.title, when: when(coffee), link: appLink("/sessions"), withInvite });
  const calendar = withInvite ? inviteCalendar(coffee, to, { method: "CANCEL", sequence, stamp: now, scope: reason === "session" ? "session" : "attendee" }) : null;
  await enqueueEmail({ kind: CANCEL_KINDS[reason], to: to.email, ...message, calendar }, db);
}

export async function sendCoffeeWaitlistedEmail(db: Db, coffee: CalendarCoffee, to: Person, position: number) {
  const message = await coffeeWaitlistedMessage({ name: to.name, title: coffee.title, when: when(coffee), link: page(coffee), position });
  await enqueueEmail({ kind: "coffee_waitlisted", to: to.email, ...message }, db);
}

export async function sendCoffeeReminderEmail(db: Db, coffee: CalendarCoffee, to: Person, offsetMinutes: number) {
  const message = await coffeeReminderMessage({ name: to.name, title: coffee.title, when: when(coffee), link: page(coffee), inWords: describeOffset(offsetMinutes) });
  await enqueueEmail({ kind: "coffee_reminder", to: to.email, ...message }, db);
}
