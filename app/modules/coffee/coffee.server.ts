import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { PUBLISHED_SPOTLIGHT } from "#app/modules/actions/spotlight-rules.ts";
import { lockRows, prisma, type Prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { cache } from "#app/utils/cache.server.ts";
import { CALENDAR_SELECT, addToCalendarLinks } from "./calendar.server.ts";
import type { CoffeeFormInput } from "./coffee.schema.ts";
import { sendCoffeeCancelEmail, sendCoffeeInviteEmail } from "./emails.server.ts";
import { canSeeJoinLink, feedbackSummary, hasEnded, hasStarted, joinLinkFrom, registrationOpen, RESERVED_SLUGS, slugify } from "./rules.ts";
import { zonedToUtc } from "./time.ts";
import { joinCodeFor } from "#app/modules/qa/join-code.server.ts";
import { forgetCoffee } from "#app/modules/qa/access.server.ts";
import { indexCoffee } from "#app/modules/search/indexers.server.ts";

type Viewer = Pick<SessionUser, "id" | "role"> | null | undefined;
type Meta = { ip?: string | null };

export const isOrganiser = (viewer: Viewer) => !!viewer && hasRole(viewer.role, "organiser");

const LIST_SELECT = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  startsAt: true,
  durationMinutes: true,
  timezone: true,
  status: true,
  capacity: true,
  recordingUrl: true,
  spotlights: { where: { spotlight: PUBLISHED_SPOTLIGHT }, orderBy: { position: "asc" }, select: { spotlight: { select: { title: true, country: true } } } },
  _count: { select: { registrations: { where: { status: "registered" } } } },
} as const;

/** The Morning Coffee list: upcoming and past for everyone, drafts only for organisers. */
export async function listCoffees(viewer: Viewer, now = new Date()) {
  const organiser = isOrganiser(viewer);
  const rows = await prisma.morningCoffee.findMany({
    where: { status: { in: organiser ? ["draft", "published", "held", "archived", "cancelled"] : ["published", "held", "archived", "cancelled"] } },
    orderBy: { startsAt: "asc" },
    select: LIST_SELECT,
  });
  const mine = viewer
    ? new Map(
        (await prisma.coffeeRegistration.findMany({ where: { userId: viewer.id, status: { not: "cancelled" } }, select: { coffeeId: true, status: true } })).map((r) => [
          r.coffeeId,
          r.status,
        ]),
      )
    : new Map<string, string>();
  const withMine = rows.map(({ _count, spotlights, ...r }) => ({ ...r, spotlights: spotlights.map((l) => l.spotlight), registered: _count.registrations, myStatus: mine.get(r.id) ?? null }));
  return {
    drafts: withMine.filter((r) => r.status === "draft"),
    upcoming: withMine.filter((r) => r.status !== "draft" && !hasEnded(r, now) && r.status !== "archived"),
    past: withMine.filter((r) => r.status !== "draft" && (hasEnded(r, now) || r.status === "archived")).reverse(),
  };
}

/**
 * Everything the session page shows to this viewer. Drafts are invisible to members (null), and
 * the meeting link leaves the server only for registered members inside the join window.
 */
export async function getCoffeePage(slug: string, viewer: Viewer, now = new Date()) {
  const shared = await sharedPageData(slug);
  if (!shared) return null;
  const { coffee, registered, waitlisted } = shared;
  const organiser = isOrganiser(viewer);
  if (coffee.status === "draft" && !organiser) return null;

  const [mine, myFeedback] = await Promise.all([
    viewer ? prisma.coffeeRegistration.findUnique({ where: { coffeeId_userId: { coffeeId: coffee.id, userId: viewer.id } }, select: { status: true, listPublicly: true, queuedAt: true, attended: true } }) : null,
    viewer ? prisma.coffeeFeedback.findUnique({ where: { coffeeId_userId: { coffeeId: coffee.id, userId: viewer.id } }, select: { rating: true, comment: true } }) : null,
  ]);
  const myStatus = mine && mine.status !== "cancelled" ? mine.status : null;
  const waitlistPosition =
    mine?.status === "waitlisted" ? (await prisma.coffeeRegistration.count({ where: { coffeeId: coffee.id, status: "waitlisted", queuedAt: { lte: mine.queuedAt } } })) : null;
  // Who else is coming: shown to participants and organisers, listing only those who chose to be listed.
  const publicAttendees =
    myStatus === "registered" || organiser
      ? await prisma.coffeeRegistration.findMany({
          where: { coffeeId: coffee.id, status: "registered", listPublicly: true, user: { deletedAt: null } },
          orderBy: { createdAt: "asc" },
          select: { user: { select: { name: true, institution: true, country: true } } },
          take: 200,
        })
      : [];
  const joinVisible = canSeeJoinLink(coffee, myStatus, now);
  const { meetingUrl, ...rest } = coffee;
  return {
    coffee: { ...rest, hasMeetingLink: !!meetingUrl, joinLinkFrom: joinLinkFrom(coffee) },
    meetingUrl: joinVisible ? meetingUrl : null,
    counts: { registered, waitlisted, placesLeft: coffee.capacity == null ? null : Math.max(0, coffee.capacity - registered) },
    my: { status: myStatus, listPublicly: mine?.listPublicly ?? false, waitlistPosition, attended: mine?.attended ?? null, feedback: myFeedback },
    publicAttendees: publicAttendees.map((a) => a.user),
    state: {
      started: hasStarted(coffee, now),
      ended: hasEnded(coffee, now),
      registrationOpen: registrationOpen(coffee, now),
      // Feedback after the start, from people who registered and were not marked absent.
      canGiveFeedback: myStatus === "registered" && mine?.attended !== false && hasStarted(coffee, now) && coffee.status !== "cancelled",
    },
    calendarLinks: coffee.status === "draft" ? null : addToCalendarLinks(coffee),
    organiser,
  };
}

/**
 * What every visitor of a session page sees (the page is hot around the start time), kept until the
 * next commit to the database by any process ("coffee-page" in app/utils/cache.server.ts).
 * Per-viewer parts (registration, feedback, who is coming) are never cached.
 */
function sharedPageData(slug: string) {
  return cache.get("coffee-page", slug, () => loadSharedPageData(slug));
}

async function loadSharedPageData(slug: string) {
  const found = await prisma.morningCoffee.findUnique({
    where: { slug },
    select: {
      ...CALENDAR_SELECT,
      linkVisibleMinutes: true,
      capacity: true,
      registrationClosesAt: true,
      qaMode: true,
      recordingUrl: true,
      outcome: true,
      action: { select: { code: true, slug: true, title: true, partnerCountry: true } },
      speakers: { orderBy: { position: "asc" }, select: { id: true, name: true, role: true } },
      spotlights: {
        where: { spotlight: PUBLISHED_SPOTLIGHT },
        orderBy: { position: "asc" },
        select: { spotlight: { select: { id: true, slug: true, title: true, country: true, summary: true, highlights: true, migrationContext: true, action: { select: { code: true, slug: true, title: true } } } } },
      },
    },
  });
  if (!found) return null;
  const coffee = { ...found, spotlights: found.spotlights.map((l) => l.spotlight) };
  const counts = await prisma.coffeeRegistration.groupBy({ by: ["status"], where: { coffeeId: coffee.id }, _count: { _all: true } });
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return { coffee, registered: count("registered"), waitlisted: count("waitlisted") };
}

/** The fields of the edit form, as stored. */
export async function getCoffeeForEdit(slug: string) {
  return prisma.morningCoffee.findUnique({
    where: { slug },
    select: {
      ...CALENDAR_SELECT,
      linkVisibleMinutes: true,
      capacity: true,
      registrationClosesAt: true,
      qaMode: true,
      actionId: true,
      reminderOffsets: true,
      recordingUrl: true,
      outcome: true,
      publishedAt: true,
      speakers: { orderBy: { position: "asc" }, select: { id: true, name: true, role: true, user: { select: { email: true } } } },
      // Drafts too: organisers link a Spotlight before publishing it.
      spotlights: { orderBy: { position: "asc" }, select: { spotlight: { select: { id: true, slug: true, title: true, status: true } } } },
      _count: { select: { registrations: { where: { status: "registered" } } } },
    },
  });
}

export function listActionChoices() {
  return prisma.action.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, title: true } });
}

type StoredFields = {
  title: string;
  summary: string;
  description: string;
  agenda: string;
  startsAt: Date;
  timezone: string;
  durationMinutes: number;
  meetingUrl: string;
  linkVisibleMinutes: number;
  capacity: number | null;
  registrationClosesAt: Date | null;
  qaMode: string;
  actionId: string | null;
  reminderOffsets: string;
  recordingUrl: string;
  outcome: string;
};

async function toStored(input: CoffeeFormInput): Promise<Result<StoredFields>> {
  const fields: Record<string, string> = {};
  const zoneHelp = {
    invalid: "Enter a real date and time.",
    nonexistent: `This time does not exist in ${input.timezone}: the clocks change then. Choose another time.`,
    ambiguous: `This time happens twice in ${input.timezone}: the clocks go back then. Choose which one you mean.`,
  };
  const start = zonedToUtc(input.startsAtLocal, input.timezone, input.startsAtOffset);
  if (!start.ok) fields.startsAtLocal = zoneHelp[start.problem];
  // A deadline that happens twice closes at the first of the two (the stricter reading).
  const closes = input.registrationClosesLocal ? zonedToUtc(input.registrationClosesLocal, input.timezone, "earlier") : null;
  if (closes && !closes.ok) fields.registrationClosesLocal = zoneHelp[closes.problem];
  if (input.actionId && !(await prisma.action.findUnique({ where: { id: input.actionId }, select: { id: true } }))) fields.actionId = "Choose an Action from the list.";
  if (Object.keys(fields).length || !start.ok || (closes && !closes.ok)) return fail("invalid", "Check the highlighted fields.", fields);
  return ok({
    title: input.title,
    summary: input.summary,
    description: input.description,
    agenda: input.agenda,
    startsAt: start.date,
    timezone: input.timezone,
    durationMinutes: input.durationMinutes,
    meetingUrl: input.meetingUrl,
    linkVisibleMinutes: input.linkVisibleMinutes,
    capacity: input.capacity,
    registrationClosesAt: closes?.ok ? closes.date : null,
    qaMode: input.qaMode,
    actionId: input.actionId || null,
    reminderOffsets: input.reminderHours,
    recordingUrl: input.recordingUrl,
    outcome: input.outcome,
  });
}

async function uniqueSlug(title: string, startsAt: Date) {
  const base = slugify(`${title.replace(/^morning coffee:?\s*/i, "")} ${startsAt.toISOString().slice(0, 10)}`) || "morning-coffee";
  for (let i = 0; ; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    if (RESERVED_SLUGS.has(slug)) continue;
    if (!(await prisma.morningCoffee.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** A new Morning Coffee starts as a draft that only organisers see. */
export async function createCoffee(input: CoffeeFormInput, actor: { id: string }, meta: Meta = {}): Promise<Result<{ slug: string }>> {
  const stored = await toStored(input);
  if (!stored.ok) return stored;
  const slug = await uniqueSlug(stored.value.title, stored.value.startsAt);
  const created = await transactionWithNotifications(async (tx) => {
    const coffee = await tx.morningCoffee.create({ data: { ...stored.value, slug, status: "draft", createdById: actor.id }, select: { id: true, slug: true } });
    await audit({ actorId: actor.id, action: "coffee.create", targetType: "coffee", targetId: coffee.id, ip: meta.ip }, tx);
    return coffee;
  });
  // A join that asked for this slug before it existed may have been told there is none.
  forgetCoffee(created);
  return ok({ slug: created.slug });
}

/** What attendees should hear about, in words for the update email. */
function calendarChanges(before: StoredFields, after: StoredFields) {
  const changes: string[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.durationMinutes !== after.durationMinutes) changes.push("new time");
  if (before.meetingUrl !== after.meetingUrl) changes.push("new join link");
  if (before.title !== after.title || before.summary !== after.summary || before.description !== after.description || before.agenda !== after.agenda) {
    changes.push("updated details");
  }
  return changes;
}

/**
 * Saves the organiser's edit. When a published session changes in a way attendees should hear
 * about, SEQUENCE goes up and every registrant gets the updated invite, in the same transaction.
 */
export async function updateCoffee(slug: string, input: CoffeeFormInput, actor: { id: string }, meta: Meta = {}): Promise<Result<{ slug: string; notified: number; changes: string[] }>> {
  const existing = await prisma.morningCoffee.findUnique({ where: { slug } });
  if (!existing) return fail("not_found", "This Morning Coffee does not exist.");
  if (existing.status === "cancelled") return fail("cancelled", "A cancelled Morning Coffee cannot be edited.");
  const stored = await toStored(input);
  if (!stored.ok) return stored;
  const changes = existing.status === "draft" ? [] : calendarChanges(existing, stored.value);
  const result = await transactionWithNotifications(async (tx) => {
    const coffee = await tx.morningCoffee.update({
      where: { id: existing.id },
      data: { ...stored.value, ...(changes.length ? { sequence: { increment: 1 } } : {}) },
      select: CALENDAR_SELECT,
    });
    await indexCoffee(tx, coffee.id);
    let notified = 0;
    if (changes.length && (coffee.status === "published" || coffee.status === "held")) {
      const registrations = await tx.coffeeRegistration.findMany({ where: { coffeeId: coffee.id, status: "registered", user: { deletedAt: null } }, select: { sequenceOffset: true, user: { select: { email: true, name: true } } } });
      for (const r of registrations) {
        await sendCoffeeInviteEmail(tx, "updated", coffee, r.user, coffee.sequence + r.sequenceOffset, changes);
        notified++;
      }
    }
    // Capacity may have grown: move people up from the waitlist.
    await promoteFromWaitlist(tx, coffee.id);
    await audit({ actorId: actor.id, action: "coffee.update", targetType: "coffee", targetId: coffee.id, data: { changes, notified }, ip: meta.ip }, tx);
    return { slug: coffee.slug, notified, changes };
  });
  forgetCoffee(existing);
  return ok(result);
}

export type CoffeeTransition = "publish" | "cancel" | "held" | "archive";

const ALLOWED: Record<CoffeeTransition, string[]> = {
  publish: ["draft"],
  cancel: ["draft", "published"],
  held: ["published"],
  archive: ["held", "published", "cancelled"],
};

const TARGET: Record<CoffeeTransition, string> = { publish: "published", cancel: "cancelled", held: "held", archive: "archived" };

/** Draft → published → held → archived, or cancelled (which tells every registrant with METHOD:CANCEL). */
export async function transitionCoffee(slug: string, transition: CoffeeTransition, actor: { id: string }, meta: Meta = {}, now = new Date()): Promise<Result<{ status: string; notified: number }>> {
  const existing = await prisma.morningCoffee.findUnique({ where: { slug }, select: { id: true, status: true, startsAt: true } });
  if (!existing) return fail("not_found", "This Morning Coffee does not exist.");
  if (!ALLOWED[transition].includes(existing.status)) return fail("bad_state", `A ${existing.status} Morning Coffee cannot be ${TARGET[transition]}.`);
  if (transition === "held" && existing.startsAt.getTime() > now.getTime()) return fail("not_started", "Mark a Morning Coffee as held once it has started.");
  const status = TARGET[transition];
  const result = await transactionWithNotifications(async (tx) => {
    const coffee = await tx.morningCoffee.update({
      where: { id: existing.id },
      data: {
        status,
        ...(transition === "publish" ? { publishedAt: now } : {}),
        ...(transition === "cancel" ? { cancelledAt: now, sequence: { increment: 1 } } : {}),
      },
      select: CALENDAR_SELECT,
    });
    await indexCoffee(tx, coffee.id);
    let notified = 0;
    if (transition === "cancel") {
      const registrations = await tx.coffeeRegistration.findMany({ where: { coffeeId: coffee.id, status: { in: ["registered", "waitlisted"] }, user: { deletedAt: null } }, select: { status: true, sequenceOffset: true, user: { select: { email: true, name: true } } } });
      for (const r of registrations) {
        // Only those who were sent an invite get METHOD:CANCEL; the waitlist hears in words.
        await sendCoffeeCancelEmail(tx, r.status === "registered" ? "session" : "waitlist", coffee, r.user, coffee.sequence + r.sequenceOffset, now);
        notified++;
      }
    }
    if (transition === "publish") {
      // Every member hears of a new Morning Coffee: one createMany, whatever the number.
      const members = await tx.user.findMany({ where: { deletedAt: null, emailVerifiedAt: { not: null } }, select: { id: true } });
      await notify(
        members.map((m) => ({ userId: m.id, kind: "coffee_new" as const, actorId: actor.id, subject: { type: "coffee", id: coffee.id, url: `/sessions/${coffee.slug}`, title: coffee.title }, message: "A new Morning Coffee is open for registration." })),
        tx,
      );
    }
    await audit({ actorId: actor.id, action: `coffee.${transition}`, targetType: "coffee", targetId: coffee.id, data: { notified }, ip: meta.ip }, tx);
    return ok({ status, notified });
  });
  // The Q&A reads the new status at once: closed after "held", "archived" or "cancelled".
  forgetCoffee({ id: existing.id, slug });
  // The Q&A join code exists from publication on, so the presenter screen only reads it (a GET never writes).
  if (transition === "publish") await joinCodeFor(existing.id);
  return result;
}

export async function addSpeaker(slug: string, input: { name: string; role: string; memberEmail: string }, actor: { id: string }): Promise<Result<null>> {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: { id: true } });
  if (!coffee) return fail("not_found", "This Morning Coffee does not exist.");
  let userId: string | null = null;
  if (input.memberEmail) {
    const member = await prisma.user.findUnique({ where: { email: input.memberEmail }, select: { id: true, deletedAt: true } });
    if (!member || member.deletedAt) return fail("no_member", "No member uses this email address.", { memberEmail: "No member uses this email address. Leave it empty to add a guest speaker." });
    userId = member.id;
  }
  const position = await prisma.coffeeSpeaker.count({ where: { coffeeId: coffee.id } });
  await prisma.coffeeSpeaker.create({ data: { coffeeId: coffee.id, userId, name: input.name, role: input.role, position } });
  await audit({ actorId: actor.id, action: "coffee.speaker_add", targetType: "coffee", targetId: coffee.id, data: { name: input.name } });
  return ok(null);
}

export async function removeSpeaker(slug: string, speakerId: string, actor: { id: string }) {
  const { count } = await prisma.coffeeSpeaker.deleteMany({ where: { id: speakerId, coffee: { slug } } });
  if (count) await audit({ actorId: actor.id, action: "coffee.speaker_remove", targetType: "coffee_speaker", targetId: speakerId });
  return count === 1;
}

/** Shows a Spotlight at this session (after the ones already linked); linking twice changes nothing. */
export async function linkSpotlight(slug: string, spotlightId: string, actor: { id: string }): Promise<Result<null>> {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: { id: true } });
  if (!coffee) return fail("not_found", "This Morning Coffee does not exist.");
  const spotlight = await prisma.spotlight.findUnique({ where: { id: spotlightId }, select: { id: true, title: true } });
  if (!spotlight) return fail("invalid", "Choose a Spotlight from the list.", { spotlightId: "Choose a Spotlight from the list." });
  const position = await prisma.coffeeSpotlight.count({ where: { coffeeId: coffee.id } });
  const { count } = await prisma.coffeeSpotlight.createMany({ data: [{ coffeeId: coffee.id, spotlightId, position }] }).catch(() => ({ count: 0 }));
  if (!count) return fail("linked", "This Spotlight is already linked to the session.", { spotlightId: "This Spotlight is already linked to the session." });
  await audit({ actorId: actor.id, action: "coffee.spotlight_link", targetType: "coffee", targetId: coffee.id, data: { spotlightId, title: spotlight.title } });
  return ok(null);
}

/** Takes a Spotlight off this session; the Spotlight itself stays. */
export async function unlinkSpotlight(slug: string, spotlightId: string, actor: { id: string }) {
  const { count } = await prisma.coffeeSpotlight.deleteMany({ where: { spotlightId, coffee: { slug } } });
  if (count) await audit({ actorId: actor.id, action: "coffee.spotlight_unlink", targetType: "spotlight", targetId: spotlightId, data: { coffee: slug } });
  return count === 1;
}

/** Results for organisers: the share rated good or excellent (4–5) is what the network reports. */
export async function feedbackResults(slug: string) {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, startsAt: true, timezone: true, durationMinutes: true } });
  if (!coffee) return null;
  const rows = await prisma.coffeeFeedback.findMany({ where: { coffeeId: coffee.id }, orderBy: { createdAt: "desc" }, select: { rating: true, comment: true, createdAt: true } });
  return { coffee, summary: feedbackSummary(rows.map((r) => r.rating)), comments: rows.filter((r) => r.comment).map((r) => ({ rating: r.rating, comment: r.comment, createdAt: r.createdAt })) };
}

/** Fills free places from the waitlist, first come first served, emailing each promoted member their invite. */
export async function promoteFromWaitlist(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], coffeeId: string) {
  // The caller's transaction may already hold it; taking it again is free and keeps this safe alone.
  await lockRows(tx, "MorningCoffee", [coffeeId]);
  const coffee = await tx.morningCoffee.findUniqueOrThrow({ where: { id: coffeeId }, select: { ...CALENDAR_SELECT, capacity: true } });
  if (coffee.status !== "published") return 0;
  const registered = await tx.coffeeRegistration.count({ where: { coffeeId, status: "registered" } });
  const free = coffee.capacity == null ? Infinity : coffee.capacity - registered;
  if (free <= 0) return 0;
  const waiting = await tx.coffeeRegistration.findMany({
    // Deleted accounts keep their rows (anonymised) but are never emailed or promoted.
    where: { coffeeId, status: "waitlisted", user: { deletedAt: null } },
    orderBy: { queuedAt: "asc" },
    take: Number.isFinite(free) ? free : undefined,
    select: { id: true, sequenceOffset: true, user: { select: { email: true, name: true } } },
  });
  for (const r of waiting) {
    await tx.coffeeRegistration.update({ where: { id: r.id }, data: { status: "registered" } });
    await sendCoffeeInviteEmail(tx, "promoted", coffee, r.user, coffee.sequence + r.sequenceOffset);
  }
  return waiting.length;
}

/** What Morning Coffee holds about a person (GDPR export; listed in app/modules/privacy/registry.server.ts). */
export async function exportCoffeeData(userId: string) {
  const [registrations, feedback, speaking, calendarFeed] = await Promise.all([
    prisma.coffeeRegistration.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { status: true, listPublicly: true, attended: true, createdAt: true, cancelledAt: true, coffee: { select: { title: true, slug: true, startsAt: true } } },
    }),
    prisma.coffeeFeedback.findMany({ where: { userId }, select: { rating: true, comment: true, createdAt: true, coffee: { select: { title: true, slug: true } } } }),
    prisma.coffeeSpeaker.findMany({ where: { userId }, select: { role: true, coffee: { select: { title: true, slug: true } } } }),
    prisma.coffeeCalendarFeed.findUnique({ where: { userId }, select: { createdAt: true } }),
  ]);
  return { registrations, feedback, speaking, privateCalendarFeed: calendarFeed ? { createdAt: calendarFeed.createdAt, note: "Only a hash of the address is stored." } : null };
}

/**
 * Account deletion: the private calendar feed goes; registrations and feedback stay as the record of
 * past sessions (the account row is anonymised); a speaker listing names "Former member".
 */
export async function eraseCoffeeData(tx: Prisma.TransactionClient, userId: string) {
  await tx.coffeeCalendarFeed.deleteMany({ where: { userId } });
  await tx.coffeeSpeaker.updateMany({ where: { userId }, data: { name: "Former member", userId: null } });
}
