import { deliverDueMail, outboxCounts } from "#app/modules/notifications/outbox.server.ts";
import type { CliCommand } from "./types.ts";

export const mailFlush: CliCommand = {
  name: "mail:flush",
  usage: "mail:flush",
  summary: "Send every email that is due now (also retries waiting ones) and print the outbox counts.",
  async run() {
    let total = 0;
    let failed = 0;
    for (;;) {
      const result = await deliverDueMail({ limit: 50 });
      total += result.sent;
      failed += result.failed;
      if (!result.remaining) break;
    }
    const counts = await outboxCounts();
    console.log(`Sent ${total}, failed ${failed}. Outbox: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    return failed ? 1 : 0;
  },
};
