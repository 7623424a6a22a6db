import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";

describe("password policy", () => {
  it("asks for at least 12 characters", () => {
    expect(passwordProblem("short pass")).toBe("Use at least 12 characters.");
    expect(passwordProblem("twelve chars")).toBeNull();
  });

  it("rejects passwords from the common-password list, whatever their case", () => {
    expect(passwordProblem("password1234")).toMatch(/too common/);
    expect(passwordProblem("PASSWORD1234")).toMatch(/too common/);
    expect(passwordProblem("iloveyou1234")).toMatch(/too common|common word/);
  });

  it("rejects a common word padded with digits, repeated characters and the email's name", () => {
    expect(passwordProblem("sunshine2024!")).toMatch(/common word/);
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toMatch(/repeats/);
    expect(passwordProblem("maria.keller-secret", { email: "maria.keller@example.org" })).toMatch(/email address/);
  });

  it("accepts a passphrase", () => {
    expect(passwordProblem("a quiet harbour at dawn")).toBeNull();
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("a quiet harbour at dawn");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a quiet harbour at dawn")).toBe(true);
    expect(await verifyPassword(hash, "a quiet harbour at dusk")).toBe(false);
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything at all")).toBe(false);
  });
});
