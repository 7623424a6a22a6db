/**
 * A second process sending Morning Coffee reminders against the same database, as another app
 * instance would (tests start it, kill it, run several at once).
 * Usage: reminder-process.ts <ISO now> [<epoch ms to start at, so several processes start together>]
 */
import { sendDueReminders } from "#app/modules/coffee/reminders.server.ts";
import { prisma } from "#app/utils/db.server.ts";

const now = new Date(process.argv[2] ?? Date.now());
const startAt = Number(process.argv[3] ?? 0);
await prisma.$queryRawUnsafe("SELECT 1");
if (startAt > Date.now()) await new Promise((r) => setTimeout(r, startAt - Date.now()));
const result = await sendDueReminders(now);
console.log(JSON.stringify(result));
await prisma.$disconnect();
