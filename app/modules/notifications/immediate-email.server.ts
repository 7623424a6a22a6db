import type { Prisma } from "#app/generated/prisma/client.ts";
import { notificationMessage } from "#emails/notification.tsx";
import { getEnv } from "#app/utils/env.server.ts";
import type { prisma } from "#app/utils/db.server.ts";
import { preferencesOf, unsubscribeLink } from "./email-preferences.server.ts";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds.ts";
import { enqueueEmail, type RenderedEmail } from "./outbox.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

export type WrittenNotification = {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  subject: { url: string; title: string };
  message?: string | null;
};

/**
 * Queues one email per notification whose member wants that kind immediately, in the caller's
 * transaction (so the email exists only if the notification does). Members who have not verified
 * their address or deleted their account get none; suspended members get only the moderators' own
 * messages (why they are suspended, what was hidden), which they most need to read.
 */
const FOR_SUSPENDED = new Set<string>(["suspended", "content_hidden", "moderation_warning"]);

export async function queueImmediateEmails(rows: WrittenNotification[], db: Db, now = new Date()) {
  if (!rows.length) return 0;
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const prefs = await preferencesOf(userIds, db);
  const wanted = rows.filter((r) => prefs.get(r.userId)?.kinds[r.kind] === "immediate");
  if (!wanted.length) return 0;
  const people = await db.user.findMany({
    where: {
      id: { in: [...new Set(wanted.map((r) => r.userId))] },
      emailVerifiedAt: { not: null },
      deletedAt: null,
    },
    select: { id: true, email: true, name: true, suspendedUntil: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const actorIds = [...new Set(wanted.map((r) => r.actorId).filter((id): id is string => !!id))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds }, deletedAt: null }, select: { id: true, name: true } }) : [];
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const base = getEnv().APP_URL;
  // One render per distinct message (a call published to 300 matching experts renders once, not
  // 300 times inside the publishing transaction); each copy then gets its reader's name and link.
  const rendered = new Map<string, Promise<RenderedEmail>>();
  let queued = 0;
  for (const row of wanted) {
    const to = byId.get(row.userId);
    if (!to) continue;
    if (to.suspendedUntil && to.suspendedUntil > now && !FOR_SUSPENDED.has(row.kind)) continue;
    const content = {
      label: NOTIFICATION_KINDS[row.kind].label,
      title: row.subject.title,
      actorName: row.actorId ? (actorName.get(row.actorId) ?? null) : null,
      message: row.message ?? null,
      link: new URL(row.subject.url, base + "/").toString(),
    };
    const key = JSON.stringify([row.kind, content]);
    if (!rendered.has(key)) {
      rendered.set(key, notificationMessage({ ...content, name: NAME, preferencesLink: `${base}/settings/notifications`, unsubscribeLink: UNSUBSCRIBE, unsubscribeWhat: "these emails" }));
    }
    const template = await rendered.get(key)!;
    const { url, headers } = await unsubscribeLink(to.id, row.kind, db);
    const fill = (text: string, name: string) => text.replaceAll(NAME, name).replaceAll(UNSUBSCRIBE, url);
    await enqueueEmail({ kind: `notification_${row.kind}`, to: to.email, subject: template.subject, html: fill(template.html, escapeHtml(to.name)), text: fill(template.text, to.name), headers }, db);
    queued++;
  }
  return queued;
}

/** Stand-ins rendered into the shared copy and replaced per reader (plain ASCII: React and the text renderer leave them as they are). */
const NAME = "XRECIPIENTNAMEX";
const UNSUBSCRIBE = "https://unsubscribe.invalid/XTOKENX";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c] as string);
