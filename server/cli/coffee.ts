import { sendDueReminders } from "#app/modules/coffee/reminders.server.ts";
import { CliError, type CliCommand } from "./types.ts";

export const coffeeReminders: CliCommand = {
  name: "coffee:reminders",
  usage: "coffee:reminders [--now <ISO time>] [--limit <n>]",
  summary: "Queue the Morning Coffee reminders due now (or at --now); safe beside running servers, each reminder is claimed once.",
  async run(args) {
    const now = typeof args.flags.now === "string" ? new Date(args.flags.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new CliError("--now must be an ISO date and time");
    const limit = typeof args.flags.limit === "string" ? Number(args.flags.limit) : Infinity;
    if (!(limit > 0)) throw new CliError("--limit must be a positive number");
    const result = await sendDueReminders(now, { limit });
    console.log(`Queued ${result.sent} reminder(s); ${result.skipped} already claimed or no longer due.`);
  },
};
