import { describe, expect, it } from "vitest";
import { JOIN_CODE_LENGTH, normaliseJoinCode } from "./join-code.server.ts";

describe("join codes as people type them", () => {
  it("ignores case, spaces and dashes", () => {
    expect(normaliseJoinCode(" k7q-x2m ")).toBe("K7QX2M");
    expect(JOIN_CODE_LENGTH).toBe(6);
  });

  it("refuses look-alike characters and wrong lengths", () => {
    expect(normaliseJoinCode("K7QX2O")).toBeNull(); // O is never used (0 looks the same)
    expect(normaliseJoinCode("K7QX21")).toBeNull();
    expect(normaliseJoinCode("K7QX2")).toBeNull();
    expect(normaliseJoinCode("K7QX2MM")).toBeNull();
    expect(normaliseJoinCode("")).toBeNull();
  });
});
