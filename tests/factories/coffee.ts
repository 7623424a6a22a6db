import crypto from "node:crypto";
import { prisma } from "#app/utils/db.server.ts";

export type CoffeeOverrides = Partial<{
  title: string;
  slug: string;
  status: string;
  startsAt: Date;
  durationMinutes: number;
  timezone: string;
  capacity: number | null;
  meetingUrl: string;
  linkVisibleMinutes: number;
  reminderOffsets: string;
  recordingUrl: string;
  outcome: string;
}>;

const DAY = 24 * 60 * 60 * 1000;

/** A published Morning Coffee three days from now, straight in the database. */
export async function createCoffee(overrides: CoffeeOverrides = {}) {
  const id = crypto.randomBytes(4).toString("hex");
  return prisma.morningCoffee.create({
    data: {
      slug: overrides.slug ?? `test-coffee-${id}`,
      title: overrides.title ?? `Morning Coffee: Spotlight ${id}`,
      summary: "An Action Spotlight and a live Q&A.",
      description: "Highlights, achievements and the migration context of the featured country.",
      // Whole minutes, as the organiser's form stores them.
      startsAt: new Date(Math.floor((overrides.startsAt ?? new Date(Date.now() + 3 * DAY)).getTime() / 60_000) * 60_000),
      durationMinutes: overrides.durationMinutes ?? 90,
      timezone: overrides.timezone ?? "Europe/Brussels",
      status: overrides.status ?? "published",
      capacity: overrides.capacity ?? null,
      meetingUrl: overrides.meetingUrl ?? `https://meet.example.org/${id}`,
      linkVisibleMinutes: overrides.linkVisibleMinutes ?? 15,
      reminderOffsets: overrides.reminderOffsets ?? "1440,60",
      recordingUrl: overrides.recordingUrl ?? "",
      outcome: overrides.outcome ?? "",
      publishedAt: (overrides.status ?? "published") === "draft" ? null : new Date(),
    },
  });
}

/** A registration straight in the database (no invite), for tests about what happens next. */
export function registerDirectly(coffeeId: string, userId: string, status: "registered" | "waitlisted" | "cancelled" = "registered", queuedAt = new Date(Date.now() - 7 * DAY)) {
  return prisma.coffeeRegistration.create({ data: { coffeeId, userId, status, queuedAt } });
}

/** Waits until the outbox has sent everything queued so far. */
export async function outboxDrained(timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const waiting = await prisma.mailOutbox.count({ where: { status: { in: ["pending", "sending"] } } });
    if (waiting === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the outbox did not drain in time");
}
