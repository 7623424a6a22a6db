import { ImapFlow, type MessageStructureObject } from "imapflow";
import { getEnv } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { parseItipReply } from "./itip.ts";
import { applyCalendarReply, type ReplyOutcome } from "./registration.server.ts";

/** Messages read per pass; the rest wait for the next one. */
const MAX_MESSAGES_PER_PASS = 200;
/** A calendar reply is a few kilobytes; anything far larger is not one. */
const MAX_CALENDAR_BYTES = 256 * 1024;

export type RepliesPass = { read: number; outcomes: (ReplyOutcome & { uid: number })[] };

/** IMAP_URL (`imaps://user:pass@host:port/INBOX`) as connection options; the password never reaches a log. */
export function imapOptions(imapUrl: string) {
  const url = new URL(imapUrl);
  const secure = url.protocol === "imaps:";
  return {
    client: {
      host: url.hostname,
      port: Number(url.port || (secure ? 993 : 143)),
      secure,
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      logger: false as const,
    },
    mailbox: decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX",
  };
}

/** The first text/calendar (or .ics attachment) part of a message, with the part number to download. */
function calendarPart(node: MessageStructureObject | undefined): MessageStructureObject | null {
  if (!node) return null;
  const type = node.type.toLowerCase();
  if (type === "text/calendar" || type === "application/ics") return node;
  for (const child of node.childNodes ?? []) {
    const found = calendarPart(child);
    if (found) return found;
  }
  return null;
}

async function readText(client: ImapFlow, uid: number, part: string) {
  const download = await client.download(String(uid), part, { uid: true, maxBytes: MAX_CALENDAR_BYTES });
  if (!download.content) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of download.content) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One pass over the organiser mailbox: every unseen message is read once, its iTIP REPLY (if
 * any) applied, and then marked \Seen, whatever the outcome, so nothing is processed twice. A
 * crash between applying and marking only means the reply is read again, which changes nothing
 * (applying a reply is idempotent).
 */
export async function readCalendarReplies(now = () => new Date()): Promise<RepliesPass> {
  const imapUrl = getEnv().IMAP_URL;
  if (!imapUrl) return { read: 0, outcomes: [] };
  const { client: options, mailbox } = imapOptions(imapUrl);
  const client = new ImapFlow(options);
  // A dropped connection is reported by the pending command; without a listener it would crash the process.
  client.on("error", (error: Error) => logger.warn({ err: { message: error.message } }, "IMAP connection error"));
  const pass: RepliesPass = { read: 0, outcomes: [] };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const unseen = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, MAX_MESSAGES_PER_PASS);
      if (!unseen.length) return pass;
      const messages = [];
      for await (const m of client.fetch(unseen, { uid: true, envelope: true, bodyStructure: true }, { uid: true })) messages.push(m);
      for (const message of messages) {
        pass.read++;
        try {
          const from = message.envelope?.from?.[0]?.address ?? "";
          const part = calendarPart(message.bodyStructure);
          const text = part ? await readText(client, message.uid, part.part ?? "1") : null;
          const reply = text ? parseItipReply(text) : null;
          const outcome: ReplyOutcome = reply ? await applyCalendarReply(reply, from, now()) : { ignored: "not a calendar reply" };
          pass.outcomes.push({ ...outcome, uid: message.uid });
          await client.messageFlagsAdd(String(message.uid), ["\\Seen"], { uid: true });
        } catch (error) {
          // Left unseen: tried again next pass; the other messages go on.
          logger.error({ err: error, uid: message.uid }, "calendar reply could not be applied");
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  for (const o of pass.outcomes) logger.info({ uid: o.uid, ...("applied" in o ? { applied: o.applied } : { ignored: o.ignored }) }, "calendar reply");
  return pass;
}
