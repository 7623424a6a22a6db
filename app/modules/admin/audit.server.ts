import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";

type Db = Prisma.TransactionClient | typeof prisma;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
  ip?: string | null;
};

/** Records who did what; pass the transaction client so the entry commits with the change. */
export async function audit(entry: AuditEntry, db: Db = prisma) {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ? JSON.stringify(entry.data) : null,
      ip: entry.ip ?? null,
    },
  });
}

export async function listAuditLog({ page = 1, perPage = 50, action }: { page?: number; perPage?: number; action?: string }) {
  const where = action ? { action } : {};
  const [total, entries] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, action: true, targetType: true, targetId: true, data: true, ip: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return { total, entries, page, perPage };
}
