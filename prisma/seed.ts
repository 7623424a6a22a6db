import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import type { Role } from "#app/modules/auth/roles.ts";

/** Every demo account shares this password (printed in the log on first start). */
export const DEMO_PASSWORD = "community-demo-2026";

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

async function seedUsers() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    await prisma.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, passwordHash, emailVerifiedAt: new Date() },
    });
  }
}

/** Seeds demo content into an empty database (SEED_DEMO=1, the default on a fresh install). */
export async function seedIfEmpty() {
  if ((await prisma.user.count()) > 0) return false;
  await seedUsers();
  await import("./seed-content.ts");
  for (const seeder of seeders) await seeder.run();
  logger.info(
    { accounts: DEMO_USERS.map((u) => `${u.email} (${u.role})`), demoPassword: DEMO_PASSWORD },
    "seeded demo content: log in with any of these accounts and the shared demo password (set SEED_DEMO=0 to skip)",
  );
  return true;
}
