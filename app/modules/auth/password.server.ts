import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./limits.ts";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;


let commonPasswords: Set<string> | null = null;
function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return commonPasswords;
}

/** Why a password is unacceptable, or null when it is fine. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (getCommonPasswords().has(lower)) return "This password is too common. Choose one that is harder to guess.";
  if (/^(.)\1+$/.test(password)) return "This password repeats one character. Choose one that is harder to guess.";
  const stripped = lower.replace(/[^a-z]/g, "");
  if (stripped.length >= 6 && getCommonPasswords().has(stripped) && lower.replace(/[a-z]/g, "").length <= 6) {
    return "This password is a common word with a few digits. Choose one that is harder to guess.";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Do not use your email address in your password.";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so response times do not reveal unknown accounts.
    await verify(await getDummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
function getDummyHash() {
  dummyHash ??= hash("mieux-dummy-password-for-timing", ARGON2_OPTIONS);
  return dummyHash;
}
