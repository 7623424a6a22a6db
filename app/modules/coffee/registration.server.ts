import { stringify } from "csv-stringify/sync";
import { audit } from "#app/modules/admin/audit.server.ts";
import { isUniqueViolation, lockRows, prisma } from "#app/utils/db.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { CALENDAR_SELECT, type CalendarCoffee } from "./calendar.server.ts";
import { promoteFromWaitlist } from "./coffee.server.ts";
import { sendCoffeeCancelEmail, sendCoffeeInviteEmail, sendCoffeeWaitlistedEmail } from "./emails.server.ts";
import { coffeeIdFromUid, type ItipReply } from "./itip.ts";
import { hasEnded, hasStarted, registrationOpen } from "./rules.ts";

type Member = { id: string; email: string; name: string };

/**
 * Registers a member, or puts them on the waitlist when the session is full. Registration sends
 * the METHOD:REQUEST invite; the waitlist sends a note (the invite follows on promotion).
 */
export async function register(slug: string, member: Member, { listPublicly }: { listPublicly: boolean }, now = new Date()): Promise<Result<{ status: "registered" | "waitlisted" }>> {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: { ...CALENDAR_SELECT, capacity: true, registrationClosesAt: true } });
  if (!coffee || coffee.status === "draft") return fail("not_found", "This Morning Coffee does not exist.");
  if (!registrationOpen(coffee, now)) return fail("closed", "Registration for this Morning Coffee is closed.");
  const result = await prisma.$transaction(async (tx) => {
    // Count-then-write: concurrent registrations for this session take their turn (decision 060).
    await lockRows(tx, "MorningCoffee", [coffee.id]);
    const existing = await tx.coffeeRegistration.findUnique({ where: { coffeeId_userId: { coffeeId: coffee.id, userId: member.id } } });
    if (existing && existing.status !== "cancelled") {
      return fail("already", existing.status === "registered" ? "You are already registered." : "You are already on the waitlist.");
    }
    const registered = await tx.coffeeRegistration.count({ where: { coffeeId: coffee.id, status: "registered" } });
    const waiting = await tx.coffeeRegistration.count({ where: { coffeeId: coffee.id, status: "waitlisted" } });
    // Someone already waiting keeps their turn even if a place is free for a moment.
    const full = coffee.capacity != null && (registered >= coffee.capacity || waiting > 0);
    const status = full ? "waitlisted" : "registered";
    const data = { status, listPublicly, queuedAt: now, cancelledAt: null, attended: null };
    const registration = existing
      ? // Coming back after unregistering: a higher SEQUENCE than the CANCEL they received.
        await tx.coffeeRegistration.update({ where: { id: existing.id }, data: { ...data, sequenceOffset: { increment: 1 } } })
      : await tx.coffeeRegistration.create({ data: { ...data, coffeeId: coffee.id, userId: member.id } });
    if (status === "registered") await sendCoffeeInviteEmail(tx, "registered", coffee, member, coffee.sequence + registration.sequenceOffset, [], now);
    else await sendCoffeeWaitlistedEmail(tx, coffee, member, waiting + 1);
    await audit({ actorId: member.id, action: `coffee.${status === "registered" ? "register" : "waitlist"}`, targetType: "coffee", targetId: coffee.id }, tx);
    return ok({ status: status as "registered" | "waitlisted" });
  });
  return result;
}

/** Unregisters (or leaves the waitlist): METHOD:CANCEL for a registrant, and the next in line moves up. */
export async function unregister(slug: string, member: Member, now = new Date()): Promise<Result<{ promoted: number }>> {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: { ...CALENDAR_SELECT } });
  if (!coffee) return fail("not_found", "This Morning Coffee does not exist.");
  if (hasEnded(coffee, now)) return fail("ended", "This Morning Coffee is over.");
  const result = await prisma.$transaction(async (tx) => {
    await lockRows(tx, "MorningCoffee", [coffee.id]);
    const existing = await tx.coffeeRegistration.findUnique({ where: { coffeeId_userId: { coffeeId: coffee.id, userId: member.id } } });
    if (!existing || existing.status === "cancelled") return fail("not_registered", "You are not registered for this Morning Coffee.");
    const promoted = await endPlace(tx, coffee, existing, member, "unregistered", now);
    await audit({ actorId: member.id, action: "coffee.unregister", targetType: "coffee", targetId: coffee.id, data: { promoted } }, tx);
    return ok({ promoted });
  });
  return result;
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/**
 * A member's place (or waitlist spot) ends: the registration is cancelled, a registrant's calendar
 * hears of it (a CANCEL naming only them, or a note when they declined there themselves), and
 * the next in line moves up if the session has not started.
 */
async function endPlace(tx: Tx, coffee: CalendarCoffee, existing: { id: string; status: string }, member: { email: string; name: string }, reason: "unregistered" | "declined", now: Date) {
  const wasRegistered = existing.status === "registered";
  const updated = await tx.coffeeRegistration.update({
    where: { id: existing.id },
    data: { status: "cancelled", cancelledAt: now, acceptedAt: null, ...(wasRegistered ? { sequenceOffset: { increment: 1 } } : {}) },
  });
  if (wasRegistered) await sendCoffeeCancelEmail(tx, reason, coffee, member, coffee.sequence + updated.sequenceOffset, now);
  return wasRegistered && !hasStarted(coffee, now) ? await promoteFromWaitlist(tx, coffee.id) : 0;
}

export type ReplyOutcome = { applied: "accepted" | "declined"; promoted: number } | { ignored: string };

/**
 * Applies a member's Accept or Decline from their calendar (an iTIP REPLY read from the organiser
 * mailbox). It counts only when the UID is one of our sessions, the ATTENDEE is registered for it,
 * the message came from that attendee's own address, and it answers the invite they hold now
 * (not an older SEQUENCE). DECLINED frees the place; ACCEPTED confirms it. Applying the same
 * reply twice changes nothing the second time.
 */
export async function applyCalendarReply(reply: ItipReply, fromAddress: string, now = new Date()): Promise<ReplyOutcome> {
  const coffeeId = coffeeIdFromUid(reply.uid, new URL(getEnv().APP_URL).hostname);
  if (!coffeeId) return { ignored: "the UID is not one of our sessions" };
  if (fromAddress.trim().toLowerCase() !== reply.attendee) return { ignored: "the sender is not the attendee" };
  if (reply.partstat !== "ACCEPTED" && reply.partstat !== "DECLINED") return { ignored: `nothing to do for ${reply.partstat}` };
  const coffee = await prisma.morningCoffee.findUnique({ where: { id: coffeeId }, select: CALENDAR_SELECT });
  if (!coffee || coffee.status === "draft" || coffee.status === "cancelled") return { ignored: "no such session" };
  if (hasEnded(coffee, now)) return { ignored: "the session is over" };
  const outcome = await prisma.$transaction(async (tx): Promise<ReplyOutcome> => {
    const registration = await tx.coffeeRegistration.findFirst({
      where: { coffeeId, user: { email: reply.attendee, deletedAt: null } },
      select: { id: true, status: true, sequenceOffset: true, acceptedAt: true, user: { select: { id: true, email: true, name: true } } },
    });
    if (!registration || registration.status !== "registered") return { ignored: "the attendee holds no place" };
    if (reply.sequence < coffee.sequence + registration.sequenceOffset) return { ignored: "a reply to an older invite" };
    if (reply.partstat === "ACCEPTED") {
      if (!registration.acceptedAt) await tx.coffeeRegistration.update({ where: { id: registration.id }, data: { acceptedAt: now } });
      return { applied: "accepted", promoted: 0 };
    }
    const promoted = await endPlace(tx, coffee, registration, registration.user, "declined", now);
    await audit({ actorId: registration.user.id, action: "coffee.decline", targetType: "coffee", targetId: coffee.id, data: { promoted, via: "calendar reply" } }, tx);
    return { applied: "declined", promoted };
  });
  return outcome;
}

export async function setListPublicly(slug: string, userId: string, listPublicly: boolean) {
  const { count } = await prisma.coffeeRegistration.updateMany({ where: { userId, coffee: { slug }, status: { not: "cancelled" } }, data: { listPublicly } });
  return count === 1;
}

/** The attendee list for organisers. */
export async function listAttendees(slug: string) {
  const coffee = await prisma.morningCoffee.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, startsAt: true, durationMinutes: true, timezone: true, status: true, capacity: true },
  });
  if (!coffee) return null;
  const registrations = await prisma.coffeeRegistration.findMany({
    where: { coffeeId: coffee.id },
    orderBy: [{ status: "asc" }, { queuedAt: "asc" }],
    select: { id: true, status: true, listPublicly: true, attended: true, acceptedAt: true, queuedAt: true, createdAt: true, user: { select: { name: true, email: true, institution: true, country: true } } },
  });
  return { coffee, registrations };
}

/** CSV for organisers (UTF-8 with a BOM so spreadsheet programs read accents right). */
export function attendeesCsv(rows: NonNullable<Awaited<ReturnType<typeof listAttendees>>>["registrations"]) {
  const body = stringify(
    rows.map((r) => ({
      name: r.user.name,
      email: r.user.email,
      institution: r.user.institution ?? "",
      country: r.user.country ? countryName(r.user.country) : "",
      status: r.status,
      attended: r.attended == null ? "" : r.attended ? "yes" : "no",
      listed: r.listPublicly ? "yes" : "no",
      registered_at: r.createdAt.toISOString(),
    })),
    { header: true, columns: ["name", "email", "institution", "country", "status", "attended", "listed", "registered_at"], cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) } },
  );
  return `\uFEFF${body}`;
}

export async function markAttendance(slug: string, registrationId: string, attended: boolean | null, actor: { id: string }): Promise<Result<null>> {
  const { count } = await prisma.coffeeRegistration.updateMany({ where: { id: registrationId, coffee: { slug }, status: "registered" }, data: { attended } });
  if (count !== 1) return fail("not_found", "That registration was not found.");
  await audit({ actorId: actor.id, action: "coffee.attendance", targetType: "coffee_registration", targetId: registrationId, data: { attended } });
  return ok(null);
}

/** One feedback per attendee; sending it again replaces the earlier one. */
export async function submitFeedback(slug: string, userId: string, input: { rating: number; comment: string }, now = new Date()): Promise<Result<null>> {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: { id: true, status: true, startsAt: true, durationMinutes: true } });
  if (!coffee || coffee.status === "draft" || coffee.status === "cancelled") return fail("not_found", "This Morning Coffee does not exist.");
  if (!hasStarted(coffee, now)) return fail("too_early", "Feedback opens when the session starts.");
  const registration = await prisma.coffeeRegistration.findUnique({ where: { coffeeId_userId: { coffeeId: coffee.id, userId } }, select: { status: true, attended: true } });
  if (!registration || registration.status !== "registered" || registration.attended === false) return fail("not_attendee", "Only participants can give feedback on this session.");
  const save = () =>
    prisma.coffeeFeedback.upsert({
      where: { coffeeId_userId: { coffeeId: coffee.id, userId } },
      create: { coffeeId: coffee.id, userId, rating: input.rating, comment: input.comment },
      update: { rating: input.rating, comment: input.comment },
    });
  // Two sends at once may both find no row and both insert: the unique key refuses the second,
  // which then finds the first and updates it.
  await save().catch((error) => (isUniqueViolation(error) ? save() : Promise.reject(error)));
  return ok(null);
}
