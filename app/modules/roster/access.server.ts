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
 * Which roster profiles a viewer may see, by visibility: organisers all; everyone else those
 * open to the network, Focal Points also the restricted ones of their own Member States; and one's own.
 * (The directory adds status = active on top.)
 */
export function visibleProfilesWhere(viewer: RosterViewer): Prisma.ExpertProfileWhereInput {
  if (viewer.isOrganiser) return {};
  const or: Prisma.ExpertProfileWhereInput[] = [{ visibility: "network" }, { userId: viewer.id }];
  if (viewer.focalStates.length) or.push({ memberState: { in: viewer.focalStates } });
  return { OR: or };
}

export function canSeeProfile(viewer: RosterViewer, profile: { userId: string; status: string; visibility: string; memberState: string }) {
  if (viewer.isOrganiser || profile.userId === viewer.id) return true;
  if (profile.status !== "active") return viewer.focalStates.includes(profile.memberState);
  return profile.visibility === "network" || viewer.focalStates.includes(profile.memberState);
}

/** Organisers manage every State; Focal Points only their own. */
export function canManageState(viewer: RosterViewer, memberState: string) {
  return viewer.isOrganiser || viewer.focalStates.includes(memberState);
}
