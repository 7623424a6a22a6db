import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

// Any host we do not serve: a target resolved against it must keep it, or it leaves our site.
const REDIRECT_BASE = "http://redirect-target.invalid";

/**
 * Only same-origin paths may be redirect targets (no open redirects). A browser drops tabs and
 * newlines anywhere in a URL, reads a backslash as "/" and resolves "/../", so the target is judged as a
 * browser would read it: cleaned, resolved against a dummy origin, and kept only if it stays there.
 * The result is percent-encoded ASCII, safe in a Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  let url: URL;
  try {
    url = new URL(to.replace(/[\t\n\r]/g, ""), REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to "//evil.example": same origin here, another host in a Location header.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

/**
 * One Intl.DateTimeFormat per locale and options, kept for the process: building one costs far
 * more than using one (it was 8 % of a post page's server time, decision 117). A formatter never
 * changes, so nothing is invalidated; a handful of zones and styles are used in practice, and past
 * 2,000 combinations new ones are built per call instead of kept. This is the one such memo
 * (formatDateTime below, coffee/time.ts); it is state, not a cache (app/utils/cache.server.ts).
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (dateTimeFormats.size < 2000) dateTimeFormats.set(key, format);
  }
  return format;
}

export function formatDateTime(date: Date | string, timeZone?: string, locale = "en-GB") {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}
