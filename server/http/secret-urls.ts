/**
 * Addresses that carry a live secret (a link that logs in, resets a password, reads a private
 * calendar or unsubscribes). Request logs show them redacted and their responses are never cached.
 * Add a route here when it takes a token in its address.
 */
export const SECRET_QUERY_PARAMS = ["token"] as const;
export const SECRET_PATH_SEGMENTS: { route: string; pattern: RegExp }[] = [
  // The segment after the prefix is the token (with .ics or .data after it); public.ics is not secret.
  { route: "/calendar/<token>.ics", pattern: /^(\/calendar\/)(?!public\.ics(?:$|\.))([^/]+?)((?:\.ics)?(?:\.data)?)$/ },
  { route: "/unsubscribe/<token>", pattern: /^(\/unsubscribe\/)([^/]+?)((?:\.data)?(?:\/.*)?)$/ },
];

const REDACTED = "[redacted]";
const BASE = "http://log.invalid";

/** The address with every secret replaced by "[redacted]", also inside a `redirectTo` that embeds one. */
export function redactUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address, BASE);
  } catch {
    return REDACTED;
  }
  let changed = false;
  let pathname = url.pathname;
  for (const { pattern } of SECRET_PATH_SEGMENTS) {
    const match = pattern.exec(pathname);
    if (match) {
      pathname = `${match[1]}${REDACTED}${match[3]}`;
      changed = true;
    }
  }
  const params = new URLSearchParams(url.search);
  for (const [name, value] of [...params]) {
    const secret = (SECRET_QUERY_PARAMS as readonly string[]).includes(name.toLowerCase());
    const inner = !secret && value.startsWith("/") ? redactUrl(value) : value;
    if (secret || inner !== value) {
      params.set(name, secret ? REDACTED : inner);
      changed = true;
    }
  }
  if (!changed) return address;
  const search = params.size ? `?${params.toString().replaceAll("%5Bredacted%5D", REDACTED)}` : "";
  return `${pathname}${search}`;
}

/** Whether the address carries a secret (its response must not be stored by any cache). */
export function carriesSecret(address: string): boolean {
  return redactUrl(address) !== address;
}
