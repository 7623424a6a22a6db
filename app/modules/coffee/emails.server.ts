import type { Prisma } from "#app/generated/prisma/client.ts";
import { coffeeCancelledMessage } from "#emails/coffee-cancelled.tsx";
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

/** Registration, update or waitlist promotion: an email carrying METHOD:REQUEST. */
export async function sendCoffeeInviteEmail(db: Db, kind: CoffeeInviteKind, coffee: CalendarCoffee, to: Person, sequence: number, changes: string[] = []) {
  const message = await coffeeInviteMessage({ kind, name: to.name, title: coffee.title, when: when(coffee), link: page(coffee), changes });
  await enqueueEmail({ kind: `coffee_${kind}`, to: to.email, ...message, calendar: inviteCalendar(coffee, to, { method: "REQUEST", sequence }) }, db);
}

/** Cancellation of the session or of one registration: an email carrying METHOD:CANCEL. */
export async function sendCoffeeCancelEmail(db: Db, reason: "session" | "unregistered", coffee: CalendarCoffee, to: Person, sequence: number) {
  const message = await coffeeCancelledMessage({ reason, name: to.name, title: coffee.title, when: when(coffee), link: appLink("/sessions") });
  await enqueueEmail({ kind: reason === "session" ? "coffee_cancelled" : "coffee_unregistered", to: to.email, ...message, calendar: inviteCalendar(coffee, to, { method: "CANCEL", sequence }) }, db);
}

export async function sendCoffeeWaitlistedEmail(db: Db, coffee: CalendarCoffee, to: Person, position: number) {
  const message = await coffeeWaitlistedMessage({ name: to.name, title: coffee.title, when: when(coffee), link: page(coffee), position });
  await enqueueEmail({ kind: "coffee_waitlisted", to: to.email, ...message }, db);
}

export async function sendCoffeeReminderEmail(db: Db, coffee: CalendarCoffee, to: Person, offsetMinutes: number) {
  const message = await coffeeReminderMessage({ name: to.name, title: coffee.title, when: when(coffee), link: page(coffee), inWords: describeOffset(offsetMinutes) });
  await enqueueEmail({ kind: "coffee_reminder", to: to.email, ...message }, db);
}
