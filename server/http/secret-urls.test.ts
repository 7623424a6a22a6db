import { describe, expect, it } from "vitest";
import { carriesSecret, redactUrl, SECRET_PATH_SEGMENTS } from "./secret-urls.ts";

describe("redactUrl (request logs)", () => {
  it("hides link tokens in query strings, also in data requests and inside redirectTo", () => {
    expect(redactUrl("/reset-password?token=abc123")).toBe("/reset-password?token=[redacted]");
    expect(redactUrl("/verify-email.data?token=abc123&x=1")).toBe("/verify-email.data?token=[redacted]&x=1");
    expect(redactUrl("/settings/email/confirm?TOKEN=abc")).toBe("/settings/email/confirm?TOKEN=[redacted]");
    const login = `/login?${new URLSearchParams({ redirectTo: "/settings/email/confirm?token=abc123" })}`;
    expect(redactUrl(login)).not.toContain("abc123");
  });

  it("hides tokens that are path segments: private calendars and unsubscribe links", () => {
    expect(SECRET_PATH_SEGMENTS.map((s) => s.route)).toEqual(["/calendar/<token>.ics", "/unsubscribe/<token>"]);
    expect(redactUrl("/calendar/Zx9_secret-token-123456.ics")).toBe("/calendar/[redacted].ics");
    expect(redactUrl("/unsubscribe/Zx9_secret-token")).toBe("/unsubscribe/[redacted]");
    expect(redactUrl("/unsubscribe/Zx9_secret-token.data")).toBe("/unsubscribe/[redacted].data");
  });

  it("leaves addresses without secrets exactly as they were", () => {
    for (const plain of ["/calendar/public.ics", "/sessions/spring-2026?x=1", "/roster?q=token", "/login?redirectTo=%2Fsessions"]) {
      expect(redactUrl(plain)).toBe(plain);
      expect(carriesSecret(plain)).toBe(false);
    }
    expect(carriesSecret("/reset-password?token=abc")).toBe(true);
  });
});
