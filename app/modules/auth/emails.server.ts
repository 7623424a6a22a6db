import type { Prisma } from "#app/generated/prisma/client.ts";
import { accountExistsMessage } from "#emails/account-exists.tsx";
import { confirmNewEmailMessage, emailChangedNoticeMessage, emailInUseMessage } from "#emails/change-email.tsx";
import { passwordChangedMessage } from "#emails/password-changed.tsx";
import { resetPasswordMessage } from "#emails/reset-password.tsx";
import { verifyEmailMessage } from "#emails/verify-email.tsx";
import { enqueueEmail } from "#app/modules/notifications/outbox.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

/** An absolute link into the app (emails must never carry relative URLs). */
export function appLink(pathname: string, params: Record<string, string> = {}) {
  const url = new URL(pathname, getEnv().APP_URL + "/");
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export async function sendVerificationEmail(db: Db, to: { email: string; name: string }, token: string) {
  const message = await verifyEmailMessage({ name: to.name, link: appLink("/verify-email", { token }) });
  await enqueueEmail({ kind: "verify_email", to: to.email, ...message }, db);
}

export async function sendAccountExistsEmail(db: Db, to: { email: string; name: string }) {
  const message = await accountExistsMessage({ name: to.name, loginLink: appLink("/login"), resetLink: appLink("/forgot-password") });
  await enqueueEmail({ kind: "account_exists", to: to.email, ...message }, db);
}

export async function sendPasswordResetEmail(db: Db, to: { email: string; name: string }, token: string) {
  const message = await resetPasswordMessage({ name: to.name, link: appLink("/reset-password", { token }) });
  await enqueueEmail({ kind: "reset_password", to: to.email, ...message }, db);
}

export async function sendPasswordChangedEmail(db: Db, to: { email: string; name: string }) {
  const message = await passwordChangedMessage({ name: to.name, resetLink: appLink("/forgot-password") });
  await enqueueEmail({ kind: "password_changed", to: to.email, ...message }, db);
}

export async function sendConfirmNewEmail(db: Db, to: { email: string; name: string }, token: string) {
  const message = await confirmNewEmailMessage({ name: to.name, link: appLink("/settings/email/confirm", { token }) });
  await enqueueEmail({ kind: "change_email", to: to.email, ...message }, db);
}

export async function sendEmailInUseEmail(db: Db, to: string) {
  const message = await emailInUseMessage({ link: appLink("/forgot-password") });
  await enqueueEmail({ kind: "email_in_use", to, ...message }, db);
}

export async function sendEmailChangedNotice(db: Db, to: { email: string; name: string }, newEmail: string) {
  const message = await emailChangedNoticeMessage({ name: to.name, newEmail });
  await enqueueEmail({ kind: "email_changed", to: to.email, ...message }, db);
}
