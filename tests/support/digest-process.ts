/**
 * A second process sending weekly digests against the same database, as another app instance
 * would (tests run several at once). Usage: digest-process.ts <ISO now> [<epoch ms to start at>]
 */
import { sendWeeklyDigests } from "#app/modules/notifications/digest.server.ts";
import { prisma } from "#app/utils/db.server.ts";

const now = new Date(process.argv[2] ?? Date.now());
const startAt = Number(process.argv[3] ?? 0);
await prisma.$queryRawUnsafe("SELECT 1");
if (startAt > Date.now()) await new Promise((r) => setTimeout(r, startAt - Date.now()));
const result = await sendWeeklyDigests(now);
console.log(JSON.stringify(result));
await prisma.$disconnect();
