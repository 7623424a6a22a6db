import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "./tokens.server.ts";

describe("link and session tokens", () => {
  it("carry at least 20 random bytes and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken()));
    expect(tokens.size).toBe(1000);
    for (const t of [...tokens].slice(0, 5)) expect(Buffer.from(t, "base64url").length).toBeGreaterThanOrEqual(20);
  });

  it("are stored as SHA-256 hex digests", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
