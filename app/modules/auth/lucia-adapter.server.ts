import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { prisma } from "#app/utils/db.server.ts";
import { hashToken } from "./tokens.server.ts";

/** Sessions older than this end even if used every day (sliding expiry is 30 days). */
export const SESSION_ABSOLUTE_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Our own Prisma adapter for Lucia v3 (the official one stops at Prisma 5).
 * Lucia hands us the raw session token as the id; we store only its SHA-256 hash.
 */
export class PrismaSessionAdapter implements Adapter {
  async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await prisma.session.findUnique({
      where: { id: hashToken(token) },
      select: {
        userId: true,
        expiresAt: true,
        createdAt: true,
        user: {
          select: { id: true, email: true, name: true, role: true, country: true, institution: true, emailVerifiedAt: true, deletedAt: true },
        },
      },
    });
    if (!row || row.user.deletedAt) return [null, null];
    if (Date.now() - row.createdAt.getTime() > SESSION_ABSOLUTE_LIFETIME_MS) {
      await this.deleteSession(token);
      return [null, null];
    }
    const { id, ...attributes } = row.user;
    return [
      { id: token, userId: row.userId, expiresAt: row.expiresAt, attributes: { createdAt: row.createdAt } },
      { id, attributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await prisma.session.findMany({ where: { userId } });
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: { createdAt: r.createdAt } }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attributes = session.attributes as { userAgent?: string | null; ip?: string | null };
    await prisma.session.create({
      data: {
        id: hashToken(session.id),
        userId: session.userId,
        expiresAt: session.expiresAt,
        userAgent: attributes.userAgent?.slice(0, 300) ?? null,
        ip: attributes.ip ?? null,
      },
    });
  }

  async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
    await prisma.session.updateMany({ where: { id: hashToken(token) }, data: { expiresAt, lastSeenAt: new Date() } });
  }

  async deleteSession(token: string): Promise<void> {
    await prisma.session.deleteMany({ where: { id: hashToken(token) } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await prisma.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}
