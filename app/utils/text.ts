import { z } from "zod";

/**
 * Characters no person means to type into a name, title or question: NUL and other C0/C1 controls
 * (tab and newline are kept), and the bidirectional overrides and isolates that can make text read
 * differently from how it is stored ("Trojan Source", CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes control and bidi-override characters; keeps tabs and newlines. */
export function stripUnsafeChars(value: string): string {
  return value.replace(UNSAFE, "");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string holds a UTF-16 surrogate without its pair (not valid Unicode text). */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/**
 * A text field as people fill it in: lone surrogates refused with a clear message, unsafe
 * characters stripped, surrounding white space trimmed. Chain `.min()`/`.max()` checks with `.pipe()`.
 */
export function cleanText(message = "This text contains characters that are not valid.") {
  return z
    .string()
    .refine((value) => !hasLoneSurrogate(value), { message })
    .transform((value) => stripUnsafeChars(value).trim());
}
