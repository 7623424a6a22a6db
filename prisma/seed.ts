import crypto from "node:crypto";
import { prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import type { Role } from "#app/modules/auth/roles.ts";

/**
 * The demo accounts' password: generated for this installation when it is seeded, printed once in
 * that first start's log, stored only as a hash. No password is published anywhere.
 */
export function generateDemoPassword() {
  return `demo-${crypto.randomBytes(12).toString("base64url")}`;
}

// Fictional people; the facts around them (areas, sessions, countries) come from MIEUX+ material.
export const DEMO_USERS: { email: string; name: string; role: Role; country: string; institution: string }[] = [
  { email: "admin@mieux.example", name: "Aino Virtanen", role: "admin", country: "FI", institution: "ICMPD — MIEUX+ team" },
  { email: "organiser@mieux.example", name: "Lucas Moreau", role: "organiser", country: "BE", institution: "ICMPD — MIEUX+ team" },
  { email: "focalpoint.pl@mieux.example", name: "Zofia Wiśniewska", role: "focal_point", country: "PL", institution: "Office for Foreigners" },
  { email: "expert.ee@mieux.example", name: "Kristjan Tamm", role: "expert", country: "EE", institution: "Ministry of Culture" },
  { email: "expert.es@mieux.example", name: "Inés Navarro", role: "expert", country: "ES", institution: "Ministry for Home Affairs" },
  { email: "member@mieux.example", name: "Amara Nkemelu", role: "member", country: "CM", institution: "Ministry of External Relations" },
];

type Seeder = { name: string; run: () => Promise<void> };
const seeders: Seeder[] = [];

/** Domains add their demo content here (Morning Coffees, roster, ...), run after the users. */
export function registerSeeder(seeder: Seeder) {
  seeders.push(seeder);
}

async function seedUsers(password: string) {
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) {
    await prisma.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, passwordHash, emailVerifiedAt: new Date() },
    });
  }
}

/** Seeds demo content into an empty database (SEED_DEMO: on by default when APP_URL is loopback). */
export async function seedIfEmpty() {
  if ((await prisma.user.count()) > 0) return false;
  const password = generateDemoPassword();
  await seedUsers(password);
  await import("./seed-content.ts");
  for (const seeder of seeders) await seeder.run();
  // A warning, so that it shows at any log level: these accounts can sign in (admin included).
  logger.warn(
    { accounts: DEMO_USERS.map((u) => `${u.email} (${u.role})`), demoPassword: password },
    "seeded demo accounts: they share the password above, generated for this installation and shown only now. " +
      "Anyone who reads it can sign in as admin: keep demo content off public servers (SEED_DEMO=0).",
  );
  if (getEnv().seedDemoExplicitlyPublic) {
    logger.warn({ appUrl: getEnv().APP_URL }, "SEED_DEMO=1 on a public address: demo accounts (admin included) are reachable from outside this machine");
  }
  return true;
}
