import crypto from "node:crypto";
import Database from "better-sqlite3";

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * Inserts N verified users, one log-in session each and a live Morning Coffee straight into the
 * bench database (logging in 5,000 times through argon2 would measure the wrong thing).
 * Session ids are the SHA-256 of the cookie token, as the Lucia adapter stores them.
 */
export function seedQaBench(dbFile: string, count: number) {
  const db = new Database(dbFile, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  const now = new Date();
  const run = crypto.randomBytes(3).toString("hex");
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id","email","name","role","country","institution","emailVerifiedAt","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const insertSession = db.prepare(`INSERT INTO "Session" ("id","userId","expiresAt","createdAt","lastSeenAt") VALUES (?,?,?,?,?)`);
  const states = ["AT", "BE", "BG", "HR", "CY", "CZ", "DE", "FR", "IT", "PT", "RO", "ES", "SE"];
  const cookies: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `bench-${run}-${i}`;
      const token = crypto.randomBytes(24).toString("base64url");
      insertUser.run(id, `bench-${run}-${i}@bench.example`, `Bench Participant ${i}`, "member", states[i % states.length], "Ministry of the Interior", iso(now), iso(now), iso(now));
      insertSession.run(crypto.createHash("sha256").update(token).digest("hex"), id, iso(new Date(now.getTime() + 7 * 86_400_000)), iso(now), iso(now));
      cookies.push(`mieux_session=${token}`);
    }
  })();
  const coffeeId = `bench-coffee-${run}`;
  db.prepare(
    `INSERT INTO "MorningCoffee" ("id","slug","title","startsAt","durationMinutes","status","qaMode","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?)`,
  ).run(coffeeId, `bench-${run}`, "Bench Morning Coffee", iso(new Date(now.getTime() - 5 * 60_000)), 600, "published", "open", iso(now), iso(now));
  db.close();
  return { cookies, coffeeId };
}
