import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { AUDIT_KINDS, auditSentence, namedIds, type AuditKind, type Names } from "./audit-sentences.ts";

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

export type AuditFilter = { actorId?: string; kind?: AuditKind; from?: Date; to?: Date };

function whereFor(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const kind = filter.kind ? AUDIT_KINDS[filter.kind] : null;
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(kind ? ("codes" in kind ? { action: { in: [...kind.codes] } } : { action: { startsWith: kind.prefix } }) : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

function parseData(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A page of the log, newest first, each entry as a sentence with the names it mentions resolved. */
export async function listAuditLog({ page = 1, perPage = 50, ...filter }: AuditFilter & { page?: number; perPage?: number } = {}) {
  const where = whereFor(filter);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, action: true, actorId: true, targetType: true, targetId: true, data: true, ip: true, createdAt: true },
    }),
  ]);
  const entries = rows.map((r) => ({ ...r, data: parseData(r.data) }));
  const ids = namedIds(entries);
  const [users, coffees, actions, posts] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids.users }, deletedAt: null }, select: { id: true, name: true, email: true, expertProfile: { select: { status: true } } } }),
    prisma.morningCoffee.findMany({ where: { id: { in: ids.coffees } }, select: { id: true, title: true, slug: true } }),
    prisma.action.findMany({ where: { OR: [{ id: { in: ids.actions } }, { code: { in: ids.actionCodes } }] }, select: { id: true, code: true, slug: true } }),
    prisma.post.findMany({ where: { id: { in: ids.posts } }, select: { id: true, title: true } }),
  ]);
  const names: Names = {
    users: Object.fromEntries(users.map((u) => [u.id, { name: u.name, email: u.email, expert: u.expertProfile?.status === "active" }])),
    coffees: Object.fromEntries(coffees.map((c) => [c.id, { title: c.title, slug: c.slug }])),
    actions: Object.fromEntries(actions.map((a) => [a.id, { code: a.code, slug: a.slug }])),
    posts: Object.fromEntries(posts.map((p) => [p.id, { title: p.title }])),
  };
  return {
    total,
    page,
    perPage,
    entries: entries.map((e) => ({ id: e.id, createdAt: e.createdAt, ip: e.ip, code: e.action, sentence: auditSentence(e, names) })),
  };
}

/** People who appear as actors in the log, for the filter (most recent first, capped). */
export async function auditActors(limit = 200) {
  const rows = await prisma.auditLog.groupBy({ by: ["actorId"], where: { actorId: { not: null } }, _max: { createdAt: true }, orderBy: { _max: { createdAt: "desc" } }, take: limit });
  const users = await prisma.user.findMany({ where: { id: { in: rows.map((r) => r.actorId!) } }, select: { id: true, name: true, email: true } });
  return users.sort((a, b) => a.name.localeCompare(b.name));
}
