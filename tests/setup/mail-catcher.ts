import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  /** text/calendar parts (invites), as iCalendar text. */
  calendars: { method: string | null; content: string }[];
  raw: ParsedMail;
};

export type MailCatcher = {
  url: string;
  messages: CaughtMail[];
  /** Waits for a message matching `match` (default: any) that arrived after `since` messages. */
  waitFor(match?: (m: CaughtMail) => boolean, opts?: { timeoutMs?: number }): Promise<CaughtMail>;
  /** Fails the SMTP conversation while true (to test the outbox retrying). */
  setFailing(failing: boolean): void;
  clear(): void;
  close(): Promise<void>;
};

/** A real SMTP server on loopback that parses what the app sends. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  let failing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (failing) return callback(Object.assign(new Error("Service temporarily unavailable"), { responseCode: 421 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const toField = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
          const calendars: CaughtMail["calendars"] = [];
          for (const att of parsed.attachments ?? []) {
            if (att.contentType.startsWith("text/calendar") || att.contentType === "application/ics") {
              const method = (att as unknown as { method?: string }).method ?? att.content.toString().match(/^METHOD:(.*)$/m)?.[1]?.trim() ?? null;
              calendars.push({ method, content: att.content.toString("utf8") });
            }
          }
          messages.push({
            to: toField.flatMap((t) => t.value.map((v) => v.address ?? "")),
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId,
            calendars,
            raw: parsed,
          });
          waiters.forEach((w) => w());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(match = () => true, { timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching email within ${timeoutMs} ms (got: ${messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join(" | ") || "none"})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    setFailing(value) {
      failing = value;
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's text whose path starts with `pathPrefix`. */
export function linkIn(mail: CaughtMail, pathPrefix: string): string {
  const links = mail.text.match(/https?:\/\/[^\s<>")\]]+/g) ?? [];
  const link = links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No ${pathPrefix} link in "${mail.subject}": ${links.join(", ")}`);
  return link;
}
