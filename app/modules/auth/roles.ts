/** Roles, from least to most privileged. Expert and Focal Point are roster roles. */
export const ROLES = ["member", "expert", "focal_point", "organiser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: "Member",
  expert: "Expert",
  focal_point: "Focal Point",
  organiser: "Organiser",
  admin: "Administrator",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether someone with `actorRole` may change another person's account (role, name, profile):
 * administrators may change anyone; everyone else only accounts below organiser.
 */
export function mayChangeAccountOf(actorRole: string | null | undefined, targetRole: string): boolean {
  return hasRole(actorRole, "admin") || !hasRole(targetRole, "organiser");
}

/** True when `role` is `required` or more privileged. */
export function hasRole(role: string | null | undefined, required: Role): boolean {
  if (!isRole(role)) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
