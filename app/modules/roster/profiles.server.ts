import { notify, transactionWithNotifications } from "#app/modules/notifications/notify.server.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { countryName } from "#app/utils/countries.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { canSeeProfile, type RosterViewer } from "./access.server.ts";
import { areasTextFor, languagesTextFor, sortNameFor } from "./denormalise.ts";
import { invalidateDirectoryIndex } from "./directory-index.server.ts";
import { sendApplicationReceivedEmail } from "./emails.server.ts";
import type { ProfileInput } from "./roster.schema.ts";
import { indexProfile } from "#app/modules/search/indexers.server.ts";
import { removeDocument } from "#app/modules/search/search.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

const profileFields = (input: ProfileInput) => ({
  memberState: input.memberState,
  institution: input.institution,
  institutionType: input.institutionType,
  position: input.position,
  bio: input.bio,
  available: input.available,
  availableUntil: input.available ? input.availableUntil : null,
  gender: input.gender,
  visibility: input.visibility,
});

/** Replaces a profile's thematic areas and languages (small lists: delete and insert), and their directory copies. */
export async function writeProfileLists(db: Db, userId: string, input: Pick<ProfileInput, "thematicAreas" | "languages">) {
  await db.expertThematicArea.deleteMany({ where: { userId } });
  await db.expertLanguage.deleteMany({ where: { userId } });
  await db.expertThematicArea.createMany({ data: input.thematicAreas.map((area) => ({ userId, area })) });
  await db.expertLanguage.createMany({ data: input.languages.map((l) => ({ userId, language: l.language, level: l.level })) });
  await db.expertProfile.update({ where: { userId }, data: { areasText: areasTextFor(input.thematicAreas), languagesText: languagesTextFor(input.languages) } });
  await indexProfile(db, userId);
}

export const profileSelect = {
  userId: true,
  memberState: true,
  institution: true,
  institutionType: true,
  position: true,
  bio: true,
  photoPath: true,
  available: true,
  availableUntil: true,
  gender: true,
  visibility: true,
  status: true,
  confirmedAt: true,
  createdAt: true,
  thematicAreas: { select: { area: true } },
  languages: { select: { language: true, level: true } },
} satisfies Prisma.ExpertProfileSelect;

/** A member's own roster state: their profile (if any) and their latest application. */
export async function getOwnRoster(userId: string) {
  const [profile, application] = await Promise.all([
    prisma.expertProfile.findUnique({ where: { userId }, select: profileSelect }),
    prisma.rosterApplication.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, reason: true, createdAt: true, decidedAt: true } }),
  ]);
  return { profile, application };
}

/**
 * Saves a member's expert profile. Saving also confirms it (freshness). A member without an
 * active profile is applying: a pending application is opened (or kept) and the Focal Points
 * of their Member State are told.
 */
export async function saveExpertProfile(user: { id: string; name: string }, input: ProfileInput, meta: { ip?: string | null; now?: Date } = {}): Promise<Result<{ applied: boolean }>> {
  const now = meta.now ?? new Date();
  return transactionWithNotifications(async (tx) => {
    const existing = await tx.expertProfile.findUnique({ where: { userId: user.id }, select: { status: true, memberState: true } });
    if (existing?.status === "inactive") return fail("inactive", "Your roster membership has been closed. Contact the MIEUX+ team to reopen it.");
    const applying = !existing || existing.status === "declined" || existing.status === "pending";
    const status = existing?.status === "active" ? "active" : "pending";
    const fields = { ...profileFields(input), status, confirmedAt: now, sortName: sortNameFor(user.name) };
    await tx.expertProfile.upsert({ where: { userId: user.id }, create: { userId: user.id, ...fields }, update: fields });
    await writeProfileLists(tx, user.id, input);
    let newApplication = false;
    if (applying) {
      const pending = await tx.rosterApplication.findFirst({ where: { userId: user.id, status: "pending" }, select: { id: true, memberState: true } });
      if (!pending) {
        const created = await tx.rosterApplication.create({ data: { userId: user.id, memberState: input.memberState }, select: { id: true } });
        newApplication = true;
        await audit({ actorId: user.id, action: "roster.apply", targetType: "roster_application", targetId: created.id, data: { memberState: input.memberState }, ip: meta.ip }, tx);
      } else if (pending.memberState !== input.memberState) {
        await tx.rosterApplication.update({ where: { id: pending.id }, data: { memberState: input.memberState } });
        newApplication = true;
      }
      if (newApplication) {
        const focalPoints = await tx.focalPoint.findMany({
          where: { memberState: input.memberState, user: { deletedAt: null, role: "focal_point" } },
          select: { userId: true, user: { select: { email: true, name: true } } },
        });
        for (const fp of focalPoints) await sendApplicationReceivedEmail(tx, fp.user, user.name, input.memberState);
        const application = pending ?? (await tx.rosterApplication.findFirst({ where: { userId: user.id, status: "pending" }, select: { id: true } }));
        await notify(
          focalPoints.map((fp) => ({
            userId: fp.userId,
            kind: "member_state_activity" as const,
            actorId: user.id,
            subject: { type: "roster_application", id: application?.id, url: `/focal-points/${input.memberState}`, title: `${user.name} applied to the Expert Roster` },
            message: `New roster application for ${countryName(input.memberState)}`,
          })),
          tx,
        );
      }
    } else {
      await audit({ actorId: user.id, action: "roster.profile_update", targetType: "expert_profile", targetId: user.id, ip: meta.ip }, tx);
    }
    return ok({ applied: newApplication });
  }).finally(invalidateDirectoryIndex);
}

/** "Nothing has changed": confirms the profile and availability without editing them. */
export async function confirmExpertProfile(userId: string, now = new Date()): Promise<Result<null>> {
  const updated = await prisma.expertProfile.updateMany({ where: { userId, status: { in: ["active", "pending"] } }, data: { confirmedAt: now } });
  invalidateDirectoryIndex();
  if (!updated.count) return fail("not_found", "You have no roster profile to confirm yet.");
  return ok(null);
}

/** A profile as a viewer may see it, with its deployment history, or null (not found or not visible). */
export async function getExpertProfile(viewer: RosterViewer, userId: string) {
  const profile = await prisma.expertProfile.findUnique({
    where: { userId },
    select: {
      ...profileSelect,
      user: { select: { name: true, email: true, deletedAt: true } },
      deployments: {
        orderBy: { startDate: "desc" },
        select: { id: true, role: true, startDate: true, endDate: true, action: { select: { code: true, slug: true, title: true, partnerCountry: true, region: true } } },
      },
    },
  });
  if (!profile || profile.user.deletedAt || !canSeeProfile(viewer, profile)) return null;
  const seesPrivate = viewer.isOrganiser || viewer.id === userId || viewer.focalStates.includes(profile.memberState);
  return {
    ...profile,
    // The email is for the team and the State's Focal Points; gender is never shown on a profile.
    user: { name: profile.user.name, email: seesPrivate ? profile.user.email : null },
    gender: viewer.id === userId ? profile.gender : null,
    seesPrivate,
  };
}

/** Can this viewer see this profile's photo? (The photo route checks before sending the file.) */
export async function photoForViewer(viewer: RosterViewer, userId: string) {
  const profile = await prisma.expertProfile.findUnique({ where: { userId }, select: { userId: true, status: true, visibility: true, memberState: true, photoPath: true } });
  if (!profile?.photoPath || !canSeeProfile(viewer, profile)) return null;
  return profile.photoPath;
}

/** Roster profile, applications, deployments and Focal Point designations (GDPR export). */
export async function exportRosterData(userId: string) {
  const [profile, applications, deployments, focalPoint] = await Promise.all([
    prisma.expertProfile.findUnique({ where: { userId }, select: { ...profileSelect, reminderSentAt: true, updatedAt: true } }),
    prisma.rosterApplication.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { memberState: true, status: true, reason: true, createdAt: true, decidedAt: true } }),
    prisma.deployment.findMany({ where: { expertId: userId }, orderBy: { startDate: "asc" }, select: { role: true, startDate: true, endDate: true, action: { select: { code: true, title: true } } } }),
    prisma.focalPoint.findMany({ where: { userId }, select: { memberState: true, level: true, institutionName: true, createdAt: true } }),
  ]);
  return {
    profile: profile ? { ...profile, thematicAreas: profile.thematicAreas.map((t) => t.area) } : null,
    applications,
    deployments,
    focalPointDesignations: focalPoint,
  };
}

// A deleted account leaves the roster: profile, lists, deployments, applications and designations go.
export async function eraseRosterData(tx: Prisma.TransactionClient, userId: string) {
  await tx.expertProfile.deleteMany({ where: { userId } });
  await removeDocument(tx, "expert", userId);
  await tx.rosterApplication.deleteMany({ where: { userId } });
  await tx.focalPoint.deleteMany({ where: { userId } });
  invalidateDirectoryIndex();
}
