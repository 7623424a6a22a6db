import type { Prisma } from "#app/generated/prisma/client.ts";
import { appLink } from "#app/modules/auth/emails.server.ts";
import { enqueueEmail } from "#app/modules/notifications/outbox.server.ts";
import { countryName } from "#app/utils/countries.ts";
import type { prisma } from "#app/utils/db.server.ts";
import { rosterApplicationReceivedMessage, rosterApprovedMessage, rosterDeclinedMessage, rosterFreshnessMessage } from "#emails/roster-application.tsx";

type Db = Prisma.TransactionClient | typeof prisma;
type Person = { email: string; name: string };

export async function sendApplicationReceivedEmail(db: Db, to: Person, applicant: string, memberState: string) {
  const message = await rosterApplicationReceivedMessage({ name: to.name, applicant, state: countryName(memberState), link: appLink(`/focal-points/${memberState}`) });
  await enqueueEmail({ kind: "roster_application", to: to.email, ...message }, db);
}

export async function sendApplicationApprovedEmail(db: Db, to: Person & { id: string }, note?: string | null) {
  const message = await rosterApprovedMessage({ name: to.name, link: appLink(`/roster/${to.id}`), note });
  await enqueueEmail({ kind: "roster_approved", to: to.email, ...message }, db);
}

export async function sendApplicationDeclinedEmail(db: Db, to: Person, reason: string) {
  const message = await rosterDeclinedMessage({ name: to.name, reason, link: appLink("/settings/roster") });
  await enqueueEmail({ kind: "roster_declined", to: to.email, ...message }, db);
}

export async function sendFreshnessReminderEmail(db: Db, to: Person, confirmedAt: Date) {
  const since = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(confirmedAt);
  const message = await rosterFreshnessMessage({ name: to.name, link: appLink("/settings/roster"), since });
  await enqueueEmail({ kind: "roster_freshness", to: to.email, ...message }, db);
}
