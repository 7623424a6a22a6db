import type { Prisma } from "#app/generated/prisma/client.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { visiblePostsWhere, type Viewer } from "#app/modules/posts/posts.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { readResourceFile, removeResourceFile, storeResourceFile, type CheckedFile } from "./files.server.ts";
import { extractPdfText } from "./pdf-text.server.ts";
import type { LibraryQuery, ResourceInput } from "./resources.schema.ts";
import { indexResource } from "#app/modules/search/indexers.server.ts";
import { matchingIds } from "#app/modules/search/matching.server.ts";

type Actor = { id: string; role: string } | null | undefined;

/** Organisers and Focal Points add resources. */
export function canContribute(user: Actor) {
  return hasRole(user?.role, "focal_point");
}

/** Organisers edit every resource; Focal Points the ones they added. */
export function canEditResource(user: Actor, resource: { createdById: string | null }) {
  if (!user) return false;
  if (hasRole(user.role, "organiser")) return true;
  return hasRole(user.role, "focal_point") && resource.createdById === user.id;
}

/** Only organisers curate the featured shelf. */
export function canCurate(user: Actor) {
  return hasRole(user?.role, "organiser");
}

const LIST_SELECT = {
  id: true,
  title: true,
  summary: true,
  body: true,
  topic: true,
  region: true,
  language: true,
  externalUrl: true,
  fileType: true,
  featuredAt: true,
  createdAt: true,
  tags: { orderBy: { tag: "asc" }, select: { tag: true } },
} as const;

/**
 * The library for a query: resources matching every filter and every search word, newest first;
 * and the answered Q&A questions published as resources (posts, decision 039) matching the words
 * when no filter they cannot have (topic, region, language, tag) is set. The words go through the
 * one search (decision 131): the start of a word, accents, case and English word forms as on
 * /search, over a resource's title, summary, text, tags, file name and a PDF's text.
 */
export async function listLibrary(query: LibraryQuery, { take = 60, viewer = null }: { take?: number; viewer?: Viewer } = {}) {
  const onlyResources = !!(query.topic || query.region || query.language || query.tag);
  const [resourceIds, postIds] = await Promise.all([matchingIds("resource", query.q), onlyResources ? null : matchingIds("post", query.q)]);
  const where: Prisma.ResourceWhereInput = {
    hiddenAt: null,
    ...(query.topic ? { topic: query.topic } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.tag ? { tags: { some: { tag: query.tag } } } : {}),
  };
  const postWhere: Prisma.PostWhereInput = { ...visiblePostsWhere(viewer), kind: "resource" };
  const [resources, answers] = await Promise.all([
    newestMatching(
      resourceIds,
      take,
      () => prisma.resource.findMany({ where, orderBy: NEWEST, select: { id: true } }),
      (ids) => prisma.resource.findMany({ where: ids ? { id: { in: ids } } : where, orderBy: NEWEST, take, select: LIST_SELECT }),
    ),
    onlyResources
      ? []
      : newestMatching(
          postIds,
          20,
          () => prisma.post.findMany({ where: postWhere, orderBy: NEWEST, select: { id: true } }),
          (ids) =>
            prisma.post.findMany({
              where: ids ? { id: { in: ids } } : postWhere,
              orderBy: NEWEST,
              take: 20,
              select: { id: true, title: true, body: true, createdAt: true, author: { select: { name: true, deletedAt: true } } },
            }),
        ),
  ]);
  return { resources, answers };
}

const NEWEST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * The newest `take` rows among those the words matched (`matched`; null: no words, every row).
 * The words can match many thousands, more than one `IN (…)` may hold (Prisma refuses a query past
 * the engine's parameter limit), so the filtered ids are read newest first and the matched ones kept.
 */
async function newestMatching<T>(matched: Set<string> | null, take: number, orderedIds: () => Promise<{ id: string }[]>, rows: (ids: string[] | null) => Promise<T[]>): Promise<T[]> {
  if (!matched) return rows(null);
  if (!matched.size) return [];
  const ids = (await orderedIds())
    .filter((r) => matched.has(r.id))
    .slice(0, take)
    .map((r) => r.id);
  return ids.length ? rows(ids) : [];
}

/** Whether this person may open a resource: a hidden one only for organisers (to restore it). */
export function canReadResource(user: Actor, resource: { hiddenAt: Date | null }) {
  return !resource.hiddenAt || canCurate(user);
}

/** The featured shelf, most recently featured first. */
export function featuredShelf() {
  return prisma.resource.findMany({ where: { featuredAt: { not: null }, hiddenAt: null }, orderBy: { featuredAt: "desc" }, take: 6, select: LIST_SELECT });
}

/** The tags in use, most used first (the filter's choices). */
export async function libraryTags() {
  const rows = await prisma.resourceTag.groupBy({ by: ["tag"], where: { resource: { hiddenAt: null } }, _count: { tag: true }, orderBy: [{ _count: { tag: "desc" } }, { tag: "asc" }], take: 40 });
  return rows.map((r) => r.tag);
}

export function getResource(id: string) {
  return prisma.resource.findUnique({
    where: { id },
    select: {
      ...LIST_SELECT,
      fileKey: true,
      fileName: true,
      fileSize: true,
      createdById: true,
      updatedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      createdBy: { select: { name: true, deletedAt: true } },
    },
  });
}

const fields = (input: ResourceInput) => ({
  title: input.title,
  summary: input.summary,
  body: input.body,
  externalUrl: input.externalUrl,
  topic: input.topic,
  region: input.region,
  language: input.language,
});

/** What search reads of an uploaded file: a PDF's text (decision 131), null for other types. */
async function fileTextOf(file: { bytes: Uint8Array; mime: string; name: string | null }): Promise<string | null> {
  if (file.mime !== "application/pdf") return null;
  const { text, problem } = await extractPdfText(file.bytes);
  if (!text) logger.warn({ file: file.name, problem: problem ?? "no text in it (scanned pages?)" }, "PDF stored without searchable text");
  return text;
}

const NO_CONTENT = "Add a text, a link or a file: a resource needs at least one of them.";

/** Organisers and Focal Points add a resource: text, a link, a file, or several of them. */
export async function createResource(actor: NonNullable<Actor>, input: ResourceInput, file: CheckedFile | null, meta: { ip?: string | null } = {}): Promise<Result<{ id: string }>> {
  if (!canContribute(actor)) return fail("forbidden", "Only organisers and Focal Points add resources.");
  if (!input.body && !input.externalUrl && !file) return fail("content", NO_CONTENT, { body: NO_CONTENT });
  const fileText = file ? await fileTextOf(file) : null;
  const fileKey = file ? await storeResourceFile(file) : null;
  try {
    const created = await prisma.$transaction(async (tx) => {
      const row = await tx.resource.create({
        data: {
          ...fields(input),
          ...(file ? { fileKey, fileName: file.name, fileType: file.mime, fileSize: file.size, fileText } : {}),
          createdById: actor.id,
          tags: { create: input.tags.map((tag) => ({ tag })) },
        },
        select: { id: true },
      });
      await indexResource(tx, row.id);
      await audit({ actorId: actor.id, action: "resource.create", targetType: "resource", targetId: row.id, data: { title: input.title }, ip: meta.ip }, tx);
      return row;
    });
    return ok(created);
  } catch (error) {
    await removeResourceFile(fileKey);
    throw error;
  }
}

/** Changes a resource; a new file replaces the old one, which is then deleted. */
export async function updateResource(actor: NonNullable<Actor>, id: string, input: ResourceInput, file: CheckedFile | null, meta: { ip?: string | null } = {}): Promise<Result<{ id: string }>> {
  const current = await prisma.resource.findUnique({ where: { id }, select: { id: true, createdById: true, fileKey: true } });
  if (!current) return fail("not_found", "This resource does not exist.");
  if (!canEditResource(actor, current)) return fail("forbidden", "Only organisers and the Focal Point who added it can edit this resource.");
  const dropFile = !file && input.removeFile === "on";
  const keepsFile = !!file || (!!current.fileKey && !dropFile);
  if (!input.body && !input.externalUrl && !keepsFile) return fail("content", NO_CONTENT, { body: NO_CONTENT });
  const fileText = file ? await fileTextOf(file) : null;
  const fileKey = file ? await storeResourceFile(file) : null;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.resource.update({
        where: { id },
        data: {
          ...fields(input),
          ...(file ? { fileKey, fileName: file.name, fileType: file.mime, fileSize: file.size, fileText } : {}),
          ...(dropFile ? { fileKey: null, fileName: null, fileType: null, fileSize: null, fileText: null } : {}),
        },
      });
      await tx.resourceTag.deleteMany({ where: { resourceId: id } });
      if (input.tags.length) await tx.resourceTag.createMany({ data: input.tags.map((tag) => ({ resourceId: id, tag })) });
      await indexResource(tx, id);
      await audit({ actorId: actor.id, action: "resource.update", targetType: "resource", targetId: id, data: { title: input.title }, ip: meta.ip }, tx);
    });
  } catch (error) {
    await removeResourceFile(fileKey);
    throw error;
  }
  if (file || dropFile) await removeResourceFile(current.fileKey);
  return ok({ id });
}

/** Puts a resource on the featured shelf or takes it off. */
export async function setFeatured(actor: NonNullable<Actor>, id: string, featured: boolean, now = new Date()): Promise<Result<null>> {
  if (!canCurate(actor)) return fail("forbidden", "Only organisers curate the featured shelf.");
  const { count } = await prisma.resource.updateMany({ where: { id }, data: { featuredAt: featured ? now : null } });
  if (!count) return fail("not_found", "This resource does not exist.");
  await audit({ actorId: actor.id, action: featured ? "resource.feature" : "resource.unfeature", targetType: "resource", targetId: id });
  return ok(null);
}

/** A moderator's decision (moderation/targets.server.ts): hidden from the library, its page, its file and the featured shelf. */
export async function hideResource(tx: Prisma.TransactionClient, id: string, reason: string, now: Date) {
  await tx.resource.update({ where: { id }, data: { hiddenAt: now, hiddenReason: reason } });
  await indexResource(tx, id);
}

export async function restoreResource(tx: Prisma.TransactionClient, id: string) {
  await tx.resource.update({ where: { id }, data: { hiddenAt: null, hiddenReason: null } });
  await indexResource(tx, id);
}

/**
 * PDFs stored before their text was kept (`fileText` null, decision 131): reads each file, keeps
 * its text and re-indexes the resource, one short transaction each (`npm run cli -- search:reindex`
 * runs this first); not an edit, so `updatedAt` stays. A resource whose file was replaced meanwhile
 * is left to its new upload.
 */
export async function extractMissingPdfTexts(): Promise<{ read: number; withoutText: number; missingFiles: number }> {
  const counts = { read: 0, withoutText: 0, missingFiles: 0 };
  const rows = await prisma.resource.findMany({ where: { fileType: "application/pdf", fileKey: { not: null }, fileText: null }, orderBy: { id: "asc" }, select: { id: true, fileKey: true, fileName: true, updatedAt: true } });
  for (const row of rows) {
    const bytes = await readResourceFile(row.fileKey!);
    if (!bytes) {
      counts.missingFiles++;
      logger.warn({ resourceId: row.id, fileKey: row.fileKey }, "PDF file missing from DATA_DIR; its text was not read");
      continue;
    }
    const fileText = (await fileTextOf({ bytes, mime: "application/pdf", name: row.fileName })) ?? "";
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.resource.updateMany({ where: { id: row.id, fileKey: row.fileKey, fileText: null }, data: { fileText, updatedAt: row.updatedAt } });
      if (count) await indexResource(tx, row.id);
    });
    counts.read++;
    if (!fileText) counts.withoutText++;
  }
  return counts;
}

/** The stored file of a resource, for its download. */
export function resourceFile(id: string) {
  return prisma.resource.findUnique({ where: { id }, select: { fileKey: true, fileName: true, fileType: true, hiddenAt: true } });
}

/** Resources a person added (GDPR export). */
export const exportResourceData = async (userId: string) => ({
  added: await prisma.resource.findMany({
    where: { createdById: userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, summary: true, body: true, externalUrl: true, fileName: true, topic: true, region: true, language: true, createdAt: true, updatedAt: true, tags: { select: { tag: true } } },
  }),
});
