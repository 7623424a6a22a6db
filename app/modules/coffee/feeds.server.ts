import { generateToken, hashToken } from "#app/modules/auth/tokens.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { gzipSync } from "node:zlib";
import { CALENDAR_SELECT, calendarEtag, feedCalendar } from "./calendar.server.ts";

const PUBLIC_STATUSES = ["published", "held", "archived", "cancelled"];

export function privateFeedUrl(token: string) {
  return `${getEnv().APP_URL}/calendar/${token}.ics`;
}

/** Whether the member has a private feed (its address cannot be shown again: only its hash is kept). */
export async function privateFeedStatus(userId: string) {
  return prisma.coffeeCalendarFeed.findUnique({ where: { userId }, select: { createdAt: true } });
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

/** The member's registrations as a feed, or null for an unknown (or rotated) token. */
export async function privateFeed(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await prisma.coffeeCalendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { id: true, email: true, name: true, deletedAt: true } } },
  });
  if (!feed || feed.user.deletedAt) return null;
  const registrations = await prisma.coffeeRegistration.findMany({
    where: { userId: feed.user.id, status: "registered", coffee: { status: { in: PUBLIC_STATUSES } } },
    orderBy: { coffee: { startsAt: "asc" } },
    select: { sequenceOffset: true, coffee: { select: CALENDAR_SELECT } },
  });
  const attendee = { email: feed.user.email, name: feed.user.name };
  return feedCalendar(
    "MIEUX+ Morning Coffee (my sessions)",
    registrations.map((r) => ({ coffee: r.coffee, includeLink: true, attendee, sequence: r.coffee.sequence + r.sequenceOffset })),
    "The Morning Coffee sessions you registered for",
  );
}

/**
 * Every published Morning Coffee, with its ETag and gzip bytes. Cached until a session changes:
 * one cheap query (count and latest change) decides whether the cached feed is still right.
 */
export async function publicFeed() {
  const where = { status: { in: PUBLIC_STATUSES } };
  const stamp = await prisma.morningCoffee.aggregate({ where, _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${stamp._count._all}:${stamp._max.updatedAt?.getTime() ?? 0}:${getEnv().APP_URL}`;
  const cache = singleton("coffee-public-feed", () => ({ key: "", body: "", etag: "", gzip: Buffer.alloc(0) }));
  if (cache.key !== key) {
    // Feeds carry no description, agenda or link: leave those columns in the database.
    const { description: _d, agenda: _a, meetingUrl: _m, ...select } = CALENDAR_SELECT;
    const coffees = await prisma.morningCoffee.findMany({ where, orderBy: { startsAt: "asc" }, select });
    const body = feedCalendar(
      "MIEUX+ Morning Coffee",
      coffees.map((coffee) => ({ coffee: { ...coffee, description: "", agenda: "", meetingUrl: "" }, includeLink: false })),
    );
    Object.assign(cache, { key, body, etag: calendarEtag(body), gzip: gzipSync(body, { level: 1 }) });
  }
  return { body: cache.body, etag: cache.etag, gzip: cache.gzip };
}

/** A session for its own .ics: anything but drafts. */
export async function getPublishedCoffeeForCalendar(slug: string) {
  const coffee = await prisma.morningCoffee.findUnique({ where: { slug }, select: CALENDAR_SELECT });
  return coffee && coffee.status !== "draft" ? coffee : null;
}
