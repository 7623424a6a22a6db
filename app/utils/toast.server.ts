import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "./env.server.ts";

export const ToastSchema = z.object({
  type: z.enum(["success", "error", "info"]).default("info"),
  title: z.string().max(200),
  description: z.string().max(500).optional(),
});
export type Toast = z.infer<typeof ToastSchema>;

// The toast is shown once and is harmless text rendered by React, so it needs no signature.
// Secure whenever the public URL is HTTPS, like the session cookie.
const toastCookie = createCookie("mieux_toast", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60, secure: getEnv().secureCookies });

export async function toastHeader(toast: z.input<typeof ToastSchema>) {
  return toastCookie.serialize(ToastSchema.parse(toast));
}

export async function redirectWithToast(url: string, toast: z.input<typeof ToastSchema>, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastHeader(toast));
  return redirect(url, { ...init, headers });
}

/** Reads and clears the pending toast. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  if (!raw) return { toast: null, setCookie: null };
  const parsed = ToastSchema.safeParse(raw);
  return { toast: parsed.success ? parsed.data : null, setCookie: await toastCookie.serialize("", { maxAge: 0 }) };
}
