import type { z } from "zod";
import { countFailure, forgetFailures, formatWait, heldFor, holdFor } from "#app/utils/rate-limit.server.ts";
import { fail, type Result } from "#app/utils/result.ts";
import { logIn } from "./accounts.server.ts";
import type { LoginSchema } from "./auth.schema.ts";

/**
 * Failed log-ins earn growing waits; successful ones cost nothing. An account waits at most a
 * minute, so a stranger typing wrong passwords can slow its owner down but never lock them out;
 * an address (one ministry's shared IP) gets more free failures and waits up to five minutes.
 */
export const LOGIN_DELAYS = {
  account: { free: 5, maxSeconds: 60 },
  ip: { free: 30, maxSeconds: 5 * 60 },
} as const;

/** Seconds to wait after the n-th failure in the hour: none at first, then 1, 2, 4, … up to the cap. */
export function delayAfterFailures(failures: number, rule: { free: number; maxSeconds: number }): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxSeconds, 2 ** Math.min(30, failures - rule.free - 1));
}

type LoginMeta = { ip: string; userAgent?: string | null };
export type LoginAttempt = Result<{ setCookie: string; userId: string }> & { retryAfterSeconds?: number };

/**
 * Logs in unless the address or the account must still wait. The wait is checked before the
 * password, so guesses made during it are not even tried, and it is the same for known and
 * unknown addresses (no account enumeration).
 */
export async function attemptLogIn(input: z.infer<typeof LoginSchema>, meta: LoginMeta): Promise<LoginAttempt> {
  const wait = Math.max(await heldFor("login-wait:ip", meta.ip), await heldFor("login-wait:account", input.email));
  if (wait > 0) {
    return { ...fail("wait", `Too many failed log-ins. Please wait ${formatWait(wait)} and try again.`), retryAfterSeconds: wait };
  }
  const result = await logIn(input, meta);
  if (result.ok) {
    // The owner got in: earlier wrong guesses at this account no longer count against it.
    await forgetFailures("login-failures:account", input.email);
    return result;
  }
  const [byIp, byAccount] = await Promise.all([countFailure("login-failures:ip", meta.ip), countFailure("login-failures:account", input.email)]);
  const ipDelay = delayAfterFailures(byIp, LOGIN_DELAYS.ip);
  const accountDelay = delayAfterFailures(byAccount, LOGIN_DELAYS.account);
  if (ipDelay) await holdFor("login-wait:ip", meta.ip, ipDelay);
  if (accountDelay) await holdFor("login-wait:account", input.email, accountDelay);
  return result;
}
