import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { generateToken, hashToken } from "./tokens.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

export type TokenPurpose = "verify_email" | "reset_password" | "change_email";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 30 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
};

/** Issues a single-use link token; earlier unused tokens of the same purpose stop working. */
export async function issueEmailToken(
  db: Db,
  { userId, purpose, newEmail, now = new Date() }: { userId: string; purpose: TokenPurpose; newEmail?: string; now?: Date },
): Promise<string> {
  const token = generateToken();
  await db.emailToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await db.emailToken.create({
    data: {
      userId,
      purpose,
      newEmail: newEmail ?? null,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    },
  });
  return token;
}

export type ConsumedToken = { userId: string; newEmail: string | null };
export type TokenProblem = "invalid" | "expired" | "used";

/**
 * Marks a token used, inside the caller's transaction. The conditional update makes a
 * second use fail even when two requests race.
 */
export async function consumeEmailToken(
  db: Db,
  { token, purpose, now = new Date() }: { token: string; purpose: TokenPurpose; now?: Date },
): Promise<{ ok: true; value: ConsumedToken } | { ok: false; problem: TokenProblem }> {
  const row = await db.emailToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return { ok: false, problem: "invalid" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt <= now) return { ok: false, problem: "expired" };
  const claimed = await db.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, problem: "used" };
  return { ok: true, value: { userId: row.userId, newEmail: row.newEmail } };
}

/** Looks at a token without using it: whose it is, or why it cannot be used. */
export async function checkEmailToken(
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false; problem: TokenProblem }> {
  const row = await prisma.emailToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true, purpose: true, usedAt: true, expiresAt: true } });
  if (!row || row.purpose !== purpose) return { ok: false, problem: "invalid" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt <= now) return { ok: false, problem: "expired" };
  return { ok: true, userId: row.userId };
}

/** Looks at a token without using it (to show the reset form only for a live link). */
export async function peekEmailToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenProblem | null> {
  const checked = await checkEmailToken(token, purpose, now);
  return checked.ok ? null : checked.problem;
}
