import { letOthersRun } from "#app/utils/event-loop.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { CALENDAR_SELECT } from "./calendar.server.ts";
import { sendCoffeeReminderEmail } from "./emails.server.ts";
import { dueReminderOffset, parseReminderOffsets } from "./rules.ts";

/** The largest offset anyone can configure (two weeks), bounding the query. */
const MAX_OFFSET_MINUTES = 14 * 24 * 60;

/**
 * Queues every reminder due at `now`. Each one is claimed by inserting a row whose unique key is
 * (registration, offset, start time) in the same transaction as its email: another process, or
 * this one after a restart, fails the insert and skips it, so each reminder goes out exactly once.
 * Cancelled and waitlisted registrations get none; moving the session allows fresh reminders.
 */
export async function sendDueReminders(now: Date = new Date(), { limit = Infinity }: { limit?: number } = {}) {
  const coffees = await prisma.morningCoffee.findMany({
    where: { status: "published", startsAt: { gt: now, lte: new Date(now.getTime() + MAX_OFFSET_MINUTES * 60_000) } },
    select: { ...CALENDAR_SELECT, reminderOffsets: true },
  });
  let sent = 0;
  let skipped = 0;
  for (const coffee of coffees) {
    const offset = dueReminderOffset(coffee.startsAt, parseReminderOffsets(coffee.reminderOffsets), now);
    if (offset == null) continue;
    const remindAt = new Date(coffee.startsAt.getTime() - offset * 60_000);
    const registrations = await prisma.coffeeRegistration.findMany({
      where: {
        coffeeId: coffee.id,
        status: "registered",
        user: { deletedAt: null },
        // Someone who registered after the reminder moment just received the invite.
        queuedAt: { lt: remindAt },
        reminders: { none: { offsetMinutes: offset, startsAt: coffee.startsAt } },
      },
      orderBy: { createdAt: "asc" },
      select: { id: true, user: { select: { email: true, name: true } } },
    });
    for (const registration of registrations) {
      if (sent >= limit) return { sent, skipped };
      await letOthersRun();
      try {
        await withBusyRetry(() => prisma.$transaction(async (tx) => {
          await tx.coffeeReminderClaim.create({ data: { registrationId: registration.id, offsetMinutes: offset, startsAt: coffee.startsAt } });
          // Re-check inside the transaction: the member may have unregistered a moment ago.
          const current = await tx.coffeeRegistration.findUnique({ where: { id: registration.id }, select: { status: true } });
          if (current?.status !== "registered") throw new SkipReminder();
          await sendCoffeeReminderEmail(tx, coffee, registration.user, offset);
        }));
        sent++;
      } catch (error) {
        if (error instanceof SkipReminder || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
          skipped++;
          continue;
        }
        throw error;
      }
    }
  }
  if (sent) logger.info({ sent, skipped }, "Morning Coffee reminders queued");
  return { sent, skipped };
}

class SkipReminder extends Error {}

const isBusy = (error: unknown) => error instanceof Error && /SQLITE_BUSY|database is locked|busy|P2034|P1008/i.test(`${(error as { code?: string }).code ?? ""} ${error.message}`);

/**
 * Another process writing at the same moment can make SQLite answer "busy": the claim was not
 * written, so trying again shortly is safe (and a later pass would pick it up anyway).
 */
export async function withBusyRetry<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= attempts || !isBusy(error)) throw error;
      await new Promise((r) => setTimeout(r, 20 * i + Math.random() * 30));
    }
  }
}
