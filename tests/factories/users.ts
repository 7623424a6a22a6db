import crypto from "node:crypto";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import type { Role } from "#app/modules/auth/roles.ts";
import { prisma } from "#app/utils/db.server.ts";
import type { TestClient } from "#tests/setup/http-client.ts";

export const TEST_PASSWORD = "correct horse battery staple 42";

let passwordHash: Promise<string> | null = null;

export type UserOverrides = Partial<{ email: string; name: string; role: Role; country: string; institution: string; verified: boolean; password: string }>;

/** A user straight in the database, verified by default, with readable defaults. */
export async function createUser(overrides: UserOverrides = {}) {
  const id = crypto.randomBytes(4).toString("hex");
  const hash = overrides.password ? hashPassword(overrides.password) : (passwordHash ??= hashPassword(TEST_PASSWORD));
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${id}@example.org`,
      name: overrides.name ?? `Test Person ${id}`,
      role: overrides.role ?? "member",
      country: overrides.country ?? "AT",
      institution: overrides.institution ?? "Federal Ministry of the Interior",
      passwordHash: await hash,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    },
  });
}

/** Logs a client in through the real log-in form. */
export async function logInAs(client: TestClient, user: { email: string }, password = TEST_PASSWORD) {
  const res = await client.post("/login", { email: user.email, password });
  if (res.status !== 302) throw new Error(`log-in failed for ${user.email}: ${res.status} ${await res.text()}`);
  return res;
}
