import type { Prisma } from "#app/generated/prisma/client.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { prisma } from "#app/utils/db.server.ts";

/** Who is looking at the roster, and how far they may see. */
export type RosterViewer = {
  id: string;
  role: SessionUser["role"];
  /** Member States this person is a designated Focal Point for. */
  focalStates: string[];
  isOrganiser: boolean;
};

export async function focalStatesOf(userId: string): Promise<string[]> {
  const rows = await prisma.focalPoint.findMany({ where: { userId }, select: { memberState: true } });
  return [...new Set(rows.map((r) => r.memberState))];
}

export async function rosterViewer(user: SessionUser): Promise<RosterViewer> {
  const isOrganiser = hasRole(user.role, "organiser");
  // Only someone holding the Focal Point role (or above) acts as one; a stale designation of a demoted user does not count.
  const focalStates = hasRole(user.role, "focal_point") && !isOrganiser ? await focalStatesOf(user.id) : [];
  return { id: user.id, role: user.role, focalStates, isOrganiser };
}

/**
 * Who may see an expert profile: THE rule, in two forms that must agree (a test checks every
 * combination of viewer, visibility, status and Member State). Organisers see every profile; the
 * owner sees their own; a Focal Point sees every profile of the Member States they look after;
 * everyone else sees active profiles open to the network. Lists add their own filters on top
 * (the directory shows active profiles only, even to organisers).
 */
export function visibleProfilesWhere(viewer: RosterViewer): Prisma.ExpertProfileWhereInput {
  if (viewer.isOrganiser) return {};
  const or: Prisma.ExpertProfileWhereInput[] = [{ status: "active", visibility: "network" }, { userId: viewer.id }];
  if (viewer.focalStates.length) or.push({ memberState: { in: viewer.focalStates } });
  return { OR: or };
}

/** The same rule for one profile already in hand (profile pages, photos, the directory index). */
export function canSeeProfile(viewer: RosterViewer, profile: { userId: string; status: string; visibility: string; memberState: string }) {
  if (viewer.isOrganiser || profile.userId === viewer.id) return true;
  if (viewer.focalStates.includes(profile.memberState)) return true;
  return profile.status === "active" && profile.visibility === "network";
}

/** Organisers manage every State; Focal Points only their own. */
export function canManageState(viewer: RosterViewer, memberState: string) {
  return viewer.isOrganiser || viewer.focalStates.includes(memberState);
}
