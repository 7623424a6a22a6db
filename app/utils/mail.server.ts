import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { getEnv } from "./env.server.ts";
import { logger } from "./logger.server.ts";
import { singleton } from "./singleton.server.ts";

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** iCalendar invite (METHOD:REQUEST / CANCEL) sent as a text/calendar alternative. */
  calendar?: { method: string; content: string; filename?: string } | null;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post on non-transactional mail). */
  headers?: Record<string, string> | null;
  /** Outbox id: becomes a stable Message-ID so an SMTP retry does not look like a new mail. */
  outboxId?: string;
};

export type MailTransport = {
  kind: "smtp" | "file";
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
};

/** The Message-ID an outbox message is always sent with: the same on every attempt. */
export function outboxMessageId(outboxId: string, from = getEnv().MAIL_FROM) {
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "localhost";
  return `<${outboxId}@${domain}>`;
}

function toMessage(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.outboxId ? outboxMessageId(mail.outboxId, from) : undefined,
    ...(mail.headers ? { headers: mail.headers } : {}),
    ...(mail.calendar
      ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: mail.calendar.filename ?? "invite.ics" } }
      : {}),
  };
}

function createSmtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transporter.sendMail(toMessage(mail, from));
      return { messageId: String(info.messageId) };
    },
    close: () => transporter.close(),
  };
}

/**
 * Without SMTP_URL: each message becomes an .eml file under data/mail, readable by its owner only.
 * That folder is the outbox of a machine with no mail server (a newcomer's first start, or
 * development); it is the only way such a machine delivers mail, so it is written in every mode.
 * The links (live reset and verification tokens) are also logged, but only in development: logs
 * travel further than a data folder.
 */
function createFileTransport(dir: string, from: string, logLinks: boolean): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail) {
      const info = await transporter.sendMail(toMessage(mail, from));
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.outboxId ?? "mail"}.eml`);
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
      const links = logLinks ? (mail.text.match(/https?:\/\/\S+/g) ?? []) : undefined;
      logger.info({ to: mail.to, subject: mail.subject, links, file }, "mail written to data/mail (no SMTP_URL set)");
      return { messageId: String(info.messageId) };
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(): MailTransport {
  const env = getEnv();
  return env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL, env.MAIL_FROM)
    : createFileTransport(path.resolve(env.DATA_DIR, "mail"), env.MAIL_FROM, env.NODE_ENV === "development");
}

export const getMailTransport = () => singleton("mail-transport", createMailTransport);
