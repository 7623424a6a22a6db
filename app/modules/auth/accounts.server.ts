import { z } from "zod";
import { audit } from "#app/modules/admin/audit.server.ts";
import { prisma, type Prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import type { ChangeEmailSchema, ChangePasswordSchema, LoginSchema, ProfileSchema, SignupSchema } from "./auth.schema.ts";
import { checkEmailToken, consumeEmailToken, issueEmailToken, type TokenProblem } from "./email-tokens.server.ts";
import {
  sendAccountExistsEmail,
  sendConfirmNewEmail,
  sendEmailChangedNotice,
  sendEmailInUseEmail,
  sendPasswordChangedEmail,
  sendPasswordResetEmail,
  sendVerificationEmail,
} from "./emails.server.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";
import { isRole, type Role } from "./roles.ts";
import { endAllSessions, startSession } from "./session.server.ts";
import { endSessionSockets, reauthoriseUser } from "./socket-access.server.ts";
import { indexProfile } from "#app/modules/search/indexers.server.ts";

type RequestMeta = { ip?: string | null; userAgent?: string | null };

const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  invalid: "This link is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This link has expired. Ask for a new one below.",
  used: "This link has already been used. Ask for a new one if you still need it.",
};

/**
 * Creates an account and queues the verification email in one transaction. When the address
 * is taken we answer exactly as for a new account and email the owner instead, so sign-up
 * never reveals who is registered.
 */
export async function signUp(input: z.infer<typeof SignupSchema>, meta: RequestMeta = {}): Promise<Result<null>> {
  const problem = passwordProblem(input.password, { email: input.email, name: input.name });
  if (problem) return fail("weak_password", problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { email: true, name: true, deletedAt: true } });
  if (existing) {
    if (!existing.deletedAt) await sendAccountExistsEmail(prisma, existing);
    return ok(null);
  }
  await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, country: input.country, institution: input.institution },
      select: { id: true, email: true, name: true },
    });
    const token = await issueEmailToken(tx, { userId: created.id, purpose: "verify_email" });
    await sendVerificationEmail(tx, created, token);
    await audit({ actorId: created.id, action: "user.signup", targetType: "user", targetId: created.id, ip: meta.ip }, tx);
  });
  return ok(null);
}

export async function resendVerification(userId: string): Promise<Result<null>> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true } });
  if (!user) return fail("not_found", "Account not found.");
  if (user.emailVerifiedAt) return fail("already_verified", "Your email address is already confirmed.");
  await prisma.$transaction(async (tx) => {
    const token = await issueEmailToken(tx, { userId: user.id, purpose: "verify_email" });
    await sendVerificationEmail(tx, user, token);
  });
  return ok(null);
}

/**
 * Confirms the address and logs the person in: the single-use link proves they hold the inbox,
 * and sign-up itself sets no cookie (that would reveal whether the address was new).
 */
export async function verifyEmail(token: string, meta: RequestMeta = {}, now = new Date()): Promise<Result<{ userId: string; setCookie: string }>> {
  const result = await prisma.$transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, { token, purpose: "verify_email", now });
    if (!consumed.ok) return fail(consumed.problem, TOKEN_MESSAGES[consumed.problem]);
    await tx.user.update({ where: { id: consumed.value.userId }, data: { emailVerifiedAt: now } });
    await audit({ actorId: consumed.value.userId, action: "user.verify_email", targetType: "user", targetId: consumed.value.userId, ip: meta.ip }, tx);
    return ok({ userId: consumed.value.userId });
  });
  if (!result.ok) return result;
  return ok({ userId: result.value.userId, setCookie: await startSession(result.value.userId, meta) });
}

const BAD_LOGIN = "The email address or password is not right. Check both and try again.";

/** Same message and the same work (a password hash check) whether or not the account exists. */
export async function logIn(input: z.infer<typeof LoginSchema>, meta: RequestMeta = {}): Promise<Result<{ setCookie: string; userId: string }>> {
  const user = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true, deletedAt: true } });
  const valid = await verifyPassword(user && !user.deletedAt ? user.passwordHash : null, input.password);
  if (!user || user.deletedAt || !valid) return fail("bad_credentials", BAD_LOGIN);
  await audit({ actorId: user.id, action: "user.login", targetType: "user", targetId: user.id, ip: meta.ip });
  return ok({ setCookie: await startSession(user.id, meta), userId: user.id });
}

/**
 * Emails a reset link when the address has an account, and does nothing otherwise, in the
 * transaction that claims the request. Runs off the request path (reset-requests.server.ts), so
 * what a requester sees never depends on the answer.
 */
export async function sendPasswordResetIfAccount(tx: Prisma.TransactionClient, email: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, deletedAt: true } });
  if (!user || user.deletedAt) return;
  const token = await issueEmailToken(tx, { userId: user.id, purpose: "reset_password" });
  await sendPasswordResetEmail(tx, user, token);
}

/**
 * Sets a new password from a reset link and ends every session of the account. The link and the
 * password rules are checked before the (deliberately slow) hash, so guessing tokens costs the
 * server one read; the token is then claimed inside the transaction, so two uses still race safely.
 */
export async function resetPassword(
  token: string,
  password: string,
  meta: RequestMeta = {},
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<Result<{ userId: string }>> {
  const checked = await checkEmailToken(token, "reset_password");
  if (!checked.ok) return fail(checked.problem, TOKEN_MESSAGES[checked.problem]);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: checked.userId }, select: { id: true, email: true, name: true } });
  const problem = passwordProblem(password, user);
  if (problem) return fail("weak_password", problem, { password: problem });
  const passwordHash = await hash(password);
  const result = await prisma.$transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, { token, purpose: "reset_password" });
    if (!consumed.ok) return fail(consumed.problem, TOKEN_MESSAGES[consumed.problem]);
    await tx.user.update({
      where: { id: user.id },
      // Following a link from the inbox also proves the address.
      data: { passwordHash, emailVerifiedAt: new Date() },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await sendPasswordChangedEmail(tx, user);
    await audit({ actorId: user.id, action: "user.reset_password", targetType: "user", targetId: user.id, ip: meta.ip }, tx);
    return ok({ userId: user.id });
  });
  if (result.ok) reauthoriseUser(result.value.userId, "password reset");
  return result;
}

/** Re-authenticates with the current password, then changes it and signs out other devices. */
export async function changePassword(userId: string, input: z.infer<typeof ChangePasswordSchema>, meta: RequestMeta = {}): Promise<Result<{ setCookie: string }>> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail("bad_password", "Your current password is not right.", { currentPassword: "Your current password is not right." });
  }
  const problem = passwordProblem(input.password, user);
  if (problem) return fail("weak_password", problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await sendPasswordChangedEmail(tx, user);
    await audit({ actorId: userId, action: "user.change_password", targetType: "user", targetId: userId, ip: meta.ip }, tx);
  });
  await endAllSessions(userId, "password changed");
  return ok({ setCookie: await startSession(userId, meta) });
}

/** Re-authenticates, then emails a confirmation link to the new address (the change waits for it). */
export async function requestEmailChange(userId: string, input: z.infer<typeof ChangeEmailSchema>): Promise<Result<null>> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail("bad_password", "Your current password is not right.", { currentPassword: "Your current password is not right." });
  }
  if (input.email === user.email) return fail("same_email", "This is already your email address.", { email: "This is already your email address." });
  const taken = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    if (taken) {
      await sendEmailInUseEmail(tx, input.email);
      return;
    }
    const token = await issueEmailToken(tx, { userId, purpose: "change_email", newEmail: input.email });
    await sendConfirmNewEmail(tx, { email: input.email, name: user.name }, token);
  });
  return ok(null);
}

export async function confirmEmailChange(token: string): Promise<Result<{ userId: string; email: string }>> {
  return prisma.$transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, { token, purpose: "change_email" });
    if (!consumed.ok) return fail(consumed.problem, TOKEN_MESSAGES[consumed.problem]);
    const newEmail = consumed.value.newEmail!;
    if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
      return fail("email_taken", "That address is now used by another account, so the change was not made.");
    }
    const before = await tx.user.findUniqueOrThrow({ where: { id: consumed.value.userId }, select: { email: true, name: true } });
    await tx.user.update({ where: { id: consumed.value.userId }, data: { email: newEmail, emailVerifiedAt: new Date() } });
    await sendEmailChangedNotice(tx, before, newEmail);
    await audit({ actorId: consumed.value.userId, action: "user.change_email", targetType: "user", targetId: consumed.value.userId, data: { from: before.email, to: newEmail } }, tx);
    return ok({ userId: consumed.value.userId, email: newEmail });
  });
}

export async function updateProfile(userId: string, input: z.infer<typeof ProfileSchema>) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: input.name, country: input.country, institution: input.institution } });
    // An expert's name is the title of their search document.
    await indexProfile(tx, userId);
  });
}

export async function listSessions(userId: string, currentTokenHash: string | null) {
  const sessions = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true, expiresAt: true },
  });
  return sessions.map(({ id, ...s }) => ({ ...s, id, current: id === currentTokenHash }));
}

/** Ends one of the user's own sessions (by its stored hash). */
export async function revokeSession(userId: string, sessionHash: string) {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionHash, userId } });
  if (count === 1) endSessionSockets(sessionHash, "session revoked");
  return count === 1;
}

/** Creates a user directly (operators' CLI and tests): verified, with the given role. */
export async function createUser(input: { email: string; name: string; role: Role; password?: string; country?: string; institution?: string }, actorId: string | null = null) {
  if (!isRole(input.role)) throw new Error(`Unknown role: ${input.role}`);
  if (input.password) {
    const problem = passwordProblem(input.password, input);
    if (problem) throw new Error(problem);
  }
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        country: input.country ?? null,
        institution: input.institution ?? null,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        emailVerifiedAt: new Date(),
      },
      select: { id: true, email: true, name: true, role: true },
    });
    await audit({ actorId, action: "user.create", targetType: "user", targetId: user.id, data: { role: input.role } }, tx);
    return user;
  });
}

export async function setUserRole(email: string, role: Role, actorId: string | null = null): Promise<Result<{ id: string; role: Role }>> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true } });
  if (!user) return fail("not_found", `No account uses ${email}.`);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await audit({ actorId, action: "user.role", targetType: "user", targetId: user.id, data: { from: user.role, to: role } }, tx);
  });
  reauthoriseUser(user.id, "role changed");
  return ok({ id: user.id, role });
}
