import { describe, expect, it } from "vitest";
import { hasRole, isRole } from "./roles.ts";

describe("roles", () => {
  it("orders member < expert < focal_point < organiser < admin", () => {
    expect(hasRole("admin", "organiser")).toBe(true);
    expect(hasRole("organiser", "organiser")).toBe(true);
    expect(hasRole("focal_point", "organiser")).toBe(false);
    expect(hasRole("expert", "member")).toBe(true);
    expect(hasRole("member", "expert")).toBe(false);
  });

  it("treats unknown or missing roles as having no rights", () => {
    expect(hasRole("superuser", "member")).toBe(false);
    expect(hasRole(null, "member")).toBe(false);
    expect(isRole("organiser")).toBe(true);
    expect(isRole("Organiser")).toBe(false);
  });
});
