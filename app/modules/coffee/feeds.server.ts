import { generateToken, hashToken } from "#app/modules/auth/tokens.server.ts";
import { prisma, type Prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { cache as caches } from "#app/utils/cache.server.ts";
import { gzipSync } from "node:zlib";
import { CALENDAR_SELECT, calendarEtag, feedCalendar } from "./calendar.server.ts";

const PUBLIC_STATUSES = ["published", "held", "archived", "cancelled"];

export function privateFeedUrl(token: string) {
  return `${getEnv().APP_URL}/calendar/${token}.ics`;
}

/** Whether the member has a private feed (its address cannot be shown again: only its hash is kept). */
export async function privateFeedStatus(userId: string) {
  return prisma.coffeeCalendarFeed.findUnique({ where: { userId }, select: { createdAt: true, sendInvites: true } });
}

/**
 * Whether registration emails carry calendar invites as well. Only for members with a private
 * feed (it already puts their sessions in their calendar); false when they have none.
 */
export async function setInviteEmails(userId: string, sendInvites: boolean) {
  const { count } = await prisma.coffeeCalendarFeed.updateMany({ where: { userId }, data: { sendInvites } });
  return count === 1;
}

/** Creates the member's private feed address, or replaces it: the old address stops working at once. */
export async function rotatePrivateFeed(userId: string) {
  const token = generateToken(24);
  const tokenHash = hashToken(token);
  await prisma.coffeeCalendarFeed.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  return { token, url: privateFeedUrl(token) };
}

export async function revokePrivateFeed(userId: string) {
  await prisma.coffeeCalendarFeed.deleteMany({ where: { userId } });
}

/**
 * The member's registrations as a feed, or null for an unknown (or rotated) token. A published
 * calendar (METHOD:PUBLISH) names no attendee: ATTENDEE lines belong to iTIP invites.
 */
export async function privateFeed(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await prisma.coffeeCalendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { createdAt: true, user: { select: { id: true, deletedAt: true } } },
  });
  if (!feed || feed.user.deletedAt) return null;
  const registrations = await prisma.coffeeRegistration.findMany({
    where: { userId: feed.user.id, status: "registered", coffee: { status: { in: PUBLIC_STATUSES } } },
    orderBy: { coffee: { startsAt: "asc" } },
    select: { sequenceOffset: true, updatedAt: true, coffee: { select: CALENDAR_SELECT } },
  });
  // The feed changed last when a session in it, a registration, or the address itself did.
  const stamp = new Date(Math.max(feed.createdAt.getTime(), ...registrations.flatMap((r) => [r.updatedAt.getTime(), r.coffee.updatedAt.getTime()])));
  return feedCalendar(
    "MIEUX+ Morning Coffee (my sessions)",
    registrations.map((r) => ({ coffee: r.coffee, includeLink: true, alarm: true, sequence: r.coffee.sequence + r.sequenceOffset })),
    { stamp, description: "The Morning Coffee sessions you registered for" },
  );
}

// Feeds carry no description, agenda or link: leave those columns in the database.
const { description: _d, agenda: _a, meetingUrl: _m, ...FEED_SELECT } = CALENDAR_SELECT;
type FeedRow = Awaited<ReturnType<typeof loadFeedRows>>[number];
const loadFeedRows = (where: Prisma.MorningCoffeeWhereInput) => prisma.morningCoffee.findMany({ where, select: FEED_SELECT });

type PublicFeedCache = { key: string; rows: Map<string, FeedRow>; maxUpdatedAt: Date | null; body: string; etag: string; gzip: Buffer };

/**
 * Every published Morning Coffee, with its ETag and gzip bytes. One aggregate query (count and
 * latest change) tells whether anything changed; if so only the changed rows are read (a full
 * reload when the count does not add up) and only their events are serialised again.
 */
export async function publicFeed() {
  const where = { status: { in: PUBLIC_STATUSES } };
  const stamp = await prisma.morningCoffee.aggregate({ where, _count: { _all: true }, _max: { updatedAt: true } });
  const count = stamp._count._all;
  const maxUpdatedAt = stamp._max.updatedAt;
  const key = `${count}:${maxUpdatedAt?.getTime() ?? 0}:${getEnv().APP_URL}`;
  const cache = caches.getSync<PublicFeedCache>("coffee-public-feed", "public", () => ({ key: "", rows: new Map(), maxUpdatedAt: null, body: "", etag: "", gzip: Buffer.alloc(0) }));
  if (cache.key !== key) {
    const incremental = cache.maxUpdatedAt != null && cache.key.endsWith(`:${getEnv().APP_URL}`);
    if (incremental) {
      for (const row of await loadFeedRows({ ...where, updatedAt: { gt: cache.maxUpdatedAt! } })) cache.rows.set(row.id, row);
    }
    if (!incremental || cache.rows.size !== count) {
      cache.rows = new Map((await loadFeedRows(where)).map((row) => [row.id, row]));
    }
    const body = feedCalendar(
      "MIEUX+ Morning Coffee",
      [...cache.rows.values()]
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((coffee) => ({ coffee: { ...coffee, description: "", agenda: "", meetingUrl: "" }, includeLink: false })),
      // No alarms here: whoever subscribes to every session chooses their own reminders.
      { stamp: maxUpdatedAt ?? new Date(0) },
    );
    Object.assign(cache, { key, maxUpdatedAt, body, etag: calendarEtag(body), gzip: gzipSync(body, { level: 1 }) });
  }
  return { body: cache.body, etag: cache.etag, gzip: cache.gzip };
}

/** A session for its own .ics: anything but drafts. */
export async function getPublishedCoffeeForCalendar(slug: string) {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: CALENDAR_SELECT });
  return coffee && coffee.status !== "draft" ? coffee : null;
}
