import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { singleton } from "./singleton.server.ts";

/** Points per duration (seconds). Kept generous for people, tight for scripts. */
export const RATE_LIMITS = {
  // Failed log-ins are counted, never successful ones; they lead to growing waits, not a lock
  // (app/modules/auth/login-throttle.server.ts). The "wait" limiters only hold those waits.
  "login-failures:ip": { points: 1_000_000, duration: 60 * 60 },
  "login-failures:account": { points: 1_000_000, duration: 60 * 60 },
  "login-wait:ip": { points: 1, duration: 1 },
  "login-wait:account": { points: 1, duration: 1 },
  // Re-authentication in Settings (password, email, account deletion) by a signed-in person.
  "reauth:account": { points: 10, duration: 15 * 60 },
  "signup:ip": { points: 10, duration: 60 * 60 },
  "reset:ip": { points: 10, duration: 60 * 60 },
  "reset:account": { points: 5, duration: 60 * 60 },
  // Choosing a new password from a link: a token guess costs a database read, never a hash.
  "reset-submit:ip": { points: 20, duration: 60 * 60 },
  "verify:resend": { points: 5, duration: 60 * 60 },
  "post:user": { points: 20, duration: 60 },
  // Community posts (post:user above), comments and reactions, per member.
  "comment:user": { points: 20, duration: 60 },
  "reaction:user": { points: 60, duration: 60 },
  "report:user": { points: 10, duration: 60 * 60 },
  "qa:user": { points: 9, duration: 3 },
  // Each Morning Coffee registration change emails an invite or a cancellation.
  "coffee:registration": { points: 20, duration: 60 * 60 },
  // Saving a roster profile can email a State's Focal Points: generous for editing, tight for scripts.
  "roster:profile": { points: 20, duration: 60 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const limiters = singleton("rate-limiters", () => new Map<RateLimitName, RateLimiterAbstract>());

/** Lets scale-out swap in shared (Redis) limiters with the same names. */
export function setRateLimiterFactory(factory: (name: RateLimitName, rule: { points: number; duration: number }) => RateLimiterAbstract) {
  singleton("rate-limiter-factory", () => ({ factory })).factory = factory;
  limiters.clear();
}

function limiter(name: RateLimitName): RateLimiterAbstract {
  let l = limiters.get(name);
  if (!l) {
    const custom = singleton<{ factory: ((n: RateLimitName, r: { points: number; duration: number }) => RateLimiterAbstract) | null }>(
      "rate-limiter-factory",
      () => ({ factory: null }),
    ).factory;
    const rule = RATE_LIMITS[name];
    l = custom ? custom(name, rule) : new RateLimiterMemory({ keyPrefix: name, ...rule });
    limiters.set(name, l);
  }
  return l;
}

export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

/** Consumes one point for `key`; says how long to wait when the limit is reached. */
export async function consumeRateLimit(name: RateLimitName, key: string, points = 1): Promise<RateLimitOutcome> {
  try {
    await limiter(name).consume(key, points);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return { ok: false, retryAfterSeconds, message: `Too many attempts. Please wait ${formatWait(retryAfterSeconds)} and try again.` };
    }
    throw error;
  }
}

/** Counts one failure for `key` without ever refusing; answers how many the window now holds. */
export async function countFailure(name: RateLimitName, key: string): Promise<number> {
  return (await limiter(name).penalty(key, 1)).consumedPoints;
}

export async function forgetFailures(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

/** Makes `key` wait `seconds` before its next attempt (on every process when limits are shared). */
export async function holdFor(name: RateLimitName, key: string, seconds: number): Promise<void> {
  await limiter(name).block(key, seconds);
}

/** Seconds `key` must still wait after holdFor(), or 0. */
export async function heldFor(name: RateLimitName, key: string): Promise<number> {
  const res = await limiter(name).get(key);
  if (!res || res.consumedPoints <= RATE_LIMITS[name].points || res.msBeforeNext <= 0) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

export function formatWait(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
