import { describe, expect, it } from "vitest";
import { delayAfterFailures, LOGIN_DELAYS } from "./login-throttle.server.ts";

describe("waits after failed log-ins", () => {
  it("grants the free failures, then doubles the wait from one second", () => {
    const waits = Array.from({ length: 11 }, (_, i) => delayAfterFailures(i + 1, LOGIN_DELAYS.account));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32]);
  });

  it("never makes an account wait more than a minute, nor an address more than five", () => {
    expect(delayAfterFailures(1_000, LOGIN_DELAYS.account)).toBe(60);
    expect(delayAfterFailures(1_000, LOGIN_DELAYS.ip)).toBe(300);
    expect(delayAfterFailures(30, LOGIN_DELAYS.ip)).toBe(0);
  });
});
