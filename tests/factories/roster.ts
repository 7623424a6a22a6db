import crypto from "node:crypto";
import { areasTextFor, languagesTextFor, sortNameFor } from "#app/modules/roster/denormalise.ts";
import { invalidateDirectoryIndex } from "#app/modules/roster/directory-index.server.ts";
import { indexProfile } from "#app/modules/search/indexers.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, type UserOverrides } from "./users.ts";

export type ExpertOverrides = UserOverrides &
  Partial<{
    memberState: string;
    institutionType: string;
    position: string;
    bio: string;
    visibility: "network" | "organisers_and_focal_points";
    status: "pending" | "active" | "declined" | "inactive";
    areas: string[];
    languages: { language: string; level: string }[];
    available: boolean;
    availableUntil: Date | null;
    gender: "female" | "male" | "other" | null;
    confirmedAt: Date;
  }>;

/** An expert with an active roster profile (open to the network), with readable defaults. */
export async function createExpert(overrides: ExpertOverrides = {}) {
  const memberState = overrides.memberState ?? overrides.country ?? "AT";
  const user = await createUser({ role: overrides.status && overrides.status !== "active" ? "member" : "expert", country: memberState, ...overrides });
  const institution = overrides.institution ?? "Federal Ministry of the Interior";
  const position = overrides.position ?? "Senior Policy Officer";
  const areas = overrides.areas ?? ["Legal migration and mobility"];
  const languages = overrides.languages ?? [{ language: "en", level: "C1" }];
  await prisma.expertProfile.create({
    data: {
      userId: user.id,
      memberState,
      institution,
      institutionType: overrides.institutionType ?? "interior",
      position,
      bio: overrides.bio ?? "",
      visibility: overrides.visibility ?? "network",
      status: overrides.status ?? "active",
      available: overrides.available ?? false,
      availableUntil: overrides.availableUntil ?? null,
      gender: overrides.gender ?? null,
      confirmedAt: overrides.confirmedAt ?? new Date(),
      sortName: sortNameFor(user.name),
      areasText: areasTextFor(areas),
      languagesText: languagesTextFor(languages),
    },
  });
  await prisma.expertThematicArea.createMany({ data: areas.map((area) => ({ userId: user.id, area })) });
  await prisma.expertLanguage.createMany({ data: languages.map((l) => ({ userId: user.id, ...l })) });
  // Written beside the app, not through it: index it and tell the directory, as the app's own writes do.
  await indexProfile(prisma, user.id);
  invalidateDirectoryIndex();
  return user;
}

export async function createFocalPoint(memberState: string, overrides: UserOverrides = {}) {
  const user = await createUser({ role: "focal_point", country: memberState, ...overrides });
  await prisma.focalPoint.create({ data: { userId: user.id, memberState, level: "country" } });
  return user;
}

export async function createAction(overrides: Partial<{ code: string; partnerCountry: string; region: string; thematicArea: string }> = {}) {
  const code = overrides.code ?? `Testland ${crypto.randomBytes(3).toString("hex")}`;
  return prisma.action.create({
    data: {
      code,
      slug: code.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      title: `Cooperation with ${code}`,
      partnerCountry: overrides.partnerCountry ?? "AZ",
      region: overrides.region ?? "EU Neighbourhood",
      thematicArea: overrides.thematicArea ?? "Legal migration and mobility",
      startDate: new Date("2024-01-01T00:00:00Z"),
    },
  });
}

export async function deploy(expertId: string, actionId: string) {
  await prisma.expertProfile.update({ where: { userId: expertId }, data: { deploymentCount: { increment: 1 } } });
  invalidateDirectoryIndex();
  return prisma.deployment.create({ data: { expertId, actionId, role: "Expert", startDate: new Date("2024-03-01T00:00:00Z") } });
}

/** The settings form for an application, as a browser posts it. */
export function profileForm(overrides: Record<string, string> = {}) {
  return {
    intent: "profile",
    memberState: "PL",
    institution: "Office for Foreigners",
    institutionType: "interior",
    position: "Head of Statistics Unit",
    thematicAreas: "Horizontal interventions (health, climate change, data, gender)",
    language0: "pl",
    level0: "native",
    language1: "en",
    level1: "C1",
    bio: "Migration statistics and data exchange.",
    available: "on",
    availableUntil: "",
    gender: "",
    visibility: "network",
    ...overrides,
  };
}
