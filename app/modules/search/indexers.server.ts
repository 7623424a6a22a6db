import { parseAreasText } from "#app/modules/roster/denormalise.ts";
import { INSTITUTION_TYPE_LABELS, type InstitutionType } from "#app/modules/roster/taxonomy.ts";
import { countryName } from "#app/utils/countries.ts";
import { databaseKind, prisma, type Transaction } from "#app/utils/db.server.ts";
import { clearIndex, hasDocuments, insertDocuments, putDocument, removeDocument, type SearchDocument, type SearchType } from "./search.server.ts";

/**
 * One indexing function per type of content. Each reads the thing as it now stands inside the
 * caller's transaction and writes its document, or removes it when it is not (or no longer)
 * visible to anyone searching: drafts, held, hidden and deleted content is never in the index.
 * The content modules call these from the same transaction as their own write (decision 110).
 */

type Db = Transaction | typeof prisma;
const lines = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join("\n");

// ---- posts and comments

const postSelect = { id: true, title: true, body: true, visibility: true, status: true, deletedAt: true, hiddenAt: true, tags: { select: { value: true } } } as const;
const postIndexable = { status: "published", deletedAt: null, hiddenAt: null } as const;
type PostRow = { id: string; title: string; body: string; visibility: string; tags: { value: string }[] };
const postAudience = (visibility: string) => (visibility === "public" ? "public" : "members");
const postDoc = (p: PostRow): SearchDocument => ({
  type: "post",
  id: p.id,
  title: p.title,
  body: lines(p.body, p.tags.map((t) => t.value).join(" ")),
  url: `/posts/${p.id}`,
  audience: postAudience(p.visibility),
});

const commentSelect = { id: true, postId: true, body: true, post: { select: { title: true, visibility: true } } } as const;
const commentIndexable = { deletedAt: null, hiddenAt: null, post: postIndexable } as const;
type CommentRow = { id: string; postId: string; body: string; post: { title: string; visibility: string } };
const commentDoc = (c: CommentRow): SearchDocument => ({
  type: "comment",
  id: c.id,
  title: `Comment on “${c.post.title}”`,
  body: c.body,
  url: `/posts/${c.postId}#comment-${c.id}`,
  audience: postAudience(c.post.visibility),
});

/** A post and its comments (they follow the post: its visibility, and out when it is hidden or deleted). */
export async function indexPost(db: Db, postId: string) {
  const post = await db.post.findFirst({ where: { id: postId, ...postIndexable }, select: postSelect });
  if (post) await putDocument(db, postDoc(post));
  else await removeDocument(db, "post", postId);
  const comments = await db.postComment.findMany({ where: { postId }, select: { id: true } });
  for (const c of comments) await indexComment(db, c.id);
}

export async function indexComment(db: Db, commentId: string) {
  const comment = await db.postComment.findFirst({ where: { id: commentId, ...commentIndexable }, select: commentSelect });
  if (comment) await putDocument(db, commentDoc(comment));
  else await removeDocument(db, "comment", commentId);
}

// ---- resources

const resourceSelect = { id: true, title: true, summary: true, body: true, fileName: true, fileText: true, tags: { select: { tag: true } } } as const;
const resourceIndexable = { hiddenAt: null } as const;
type ResourceRow = { id: string; title: string; summary: string; body: string; fileName: string | null; fileText: string | null; tags: { tag: string }[] };
const resourceDoc = (r: ResourceRow): SearchDocument => ({
  type: "resource",
  id: r.id,
  title: r.title,
  // A PDF's text last: the index keeps the first 100,000 characters of a body.
  body: lines(r.summary, r.body, r.tags.map((t) => t.tag).join(" "), r.fileName, r.fileText),
  url: `/resources/${r.id}`,
  audience: "public",
});

/** A resource, with its uploaded PDF's text; out while a moderator has it hidden. */
export async function indexResource(db: Db, id: string) {
  const row = await db.resource.findFirst({ where: { id, ...resourceIndexable }, select: resourceSelect });
  if (row) await putDocument(db, resourceDoc(row));
  else await removeDocument(db, "resource", id);
}

// ---- Actions and Spotlights

const actionSelect = { id: true, code: true, slug: true, title: true, summary: true, partnerCountry: true, region: true, thematicArea: true } as const;
type ActionRow = { id: string; code: string; slug: string; title: string; summary: string; partnerCountry: string; region: string; thematicArea: string };
const actionDoc = (a: ActionRow): SearchDocument => ({
  type: "action",
  id: a.id,
  title: `${a.code}: ${a.title}`,
  body: lines(a.summary, countryName(a.partnerCountry), a.region, a.thematicArea),
  url: `/actions/${a.slug}`,
  audience: "public",
});

/** An Action and the calls for experts that name it (their documents carry its code, which a rename changes). */
export async function indexAction(db: Db, id: string) {
  const row = await db.action.findUnique({ where: { id }, select: actionSelect });
  if (row) await putDocument(db, actionDoc(row));
  else await removeDocument(db, "action", id);
  const calls = await db.expertCall.findMany({ where: { actionId: id }, select: { id: true } });
  for (const c of calls) await indexCall(db, c.id);
}

const spotlightSelect = { id: true, slug: true, title: true, country: true, summary: true, highlights: true, achievements: true, migrationContext: true } as const;
type SpotlightRow = { id: string; slug: string; title: string; country: string; summary: string; highlights: string; achievements: string; migrationContext: string };
const spotlightDoc = (s: SpotlightRow): SearchDocument => ({
  type: "spotlight",
  id: s.id,
  title: s.title,
  body: lines(s.summary, s.country ? countryName(s.country) : "", s.highlights, s.achievements, s.migrationContext),
  url: `/spotlights/${s.slug}`,
  audience: "public",
});

/** Published Spotlights only (drafts are organisers' previews). */
export async function indexSpotlight(db: Db, id: string) {
  const row = await db.spotlight.findFirst({ where: { id, status: "published" }, select: spotlightSelect });
  if (row) await putDocument(db, spotlightDoc(row));
  else await removeDocument(db, "spotlight", id);
}

// ---- calls for experts (members with a verified account, as /calls)

const callSelect = { id: true, title: true, profileSought: true, partnerCountry: true, region: true, thematicArea: true, action: { select: { code: true } } } as const;
type CallRow = { id: string; title: string; profileSought: string; partnerCountry: string; region: string; thematicArea: string; action: { code: string } };
const callDoc = (c: CallRow): SearchDocument => ({
  type: "call",
  id: c.id,
  title: c.title,
  body: lines(c.profileSought, c.action.code, countryName(c.partnerCountry), c.region, c.thematicArea),
  url: `/calls/${c.id}`,
  audience: "members",
});

export async function indexCall(db: Db, id: string) {
  const row = await db.expertCall.findUnique({ where: { id }, select: callSelect });
  if (row) await putDocument(db, callDoc(row));
  else await removeDocument(db, "call", id);
}

// ---- Morning Coffees (every status but draft, as /sessions shows them)

const coffeeSelect = { id: true, slug: true, title: true, summary: true, description: true, agenda: true, outcome: true } as const;
const coffeeIndexable = { status: { not: "draft" } } as const;
type CoffeeRow = { id: string; slug: string; title: string; summary: string; description: string; agenda: string; outcome: string };
const coffeeDoc = (c: CoffeeRow): SearchDocument => ({
  type: "coffee",
  id: c.id,
  title: c.title,
  body: lines(c.summary, c.description, c.agenda, c.outcome),
  url: `/sessions/${c.slug}`,
  audience: "public",
});

export async function indexCoffee(db: Db, id: string) {
  const row = await db.morningCoffee.findFirst({ where: { id, ...coffeeIndexable }, select: coffeeSelect });
  if (row) await putDocument(db, coffeeDoc(row));
  else await removeDocument(db, "coffee", id);
}

// ---- expert profiles (every status: who may see one is decided per search by the roster's rule)

const profileSelect = {
  userId: true,
  memberState: true,
  institution: true,
  institutionType: true,
  position: true,
  bio: true,
  status: true,
  visibility: true,
  areasText: true,
  user: { select: { name: true, deletedAt: true } },
} as const;
type ProfileRow = {
  userId: string;
  memberState: string;
  institution: string;
  institutionType: string;
  position: string;
  bio: string;
  status: string;
  visibility: string;
  areasText: string;
  user: { name: string; deletedAt: Date | null };
};
const profileDoc = (p: ProfileRow): SearchDocument => ({
  type: "expert",
  id: p.userId,
  title: p.user.name,
  body: lines(
    p.position,
    p.institution,
    INSTITUTION_TYPE_LABELS[p.institutionType as InstitutionType] ?? "",
    countryName(p.memberState),
    parseAreasText(p.areasText).join(", "),
    p.bio,
  ),
  url: `/roster/${p.userId}`,
  audience: "profile",
  profile: { userId: p.userId, memberState: p.memberState, status: p.status, visibility: p.visibility },
});

export async function indexProfile(db: Db, userId: string) {
  const row = await db.expertProfile.findFirst({ where: { userId, user: { deletedAt: null } }, select: profileSelect });
  if (row) await putDocument(db, profileDoc(row));
  else await removeDocument(db, "expert", userId);
}

// ---- the whole index

const BATCH = 2000;

/** Reads rows in pages of BATCH by their key, ascending, and turns each page into documents. */
async function* paged<T>(read: (after: string | undefined) => Promise<T[]>, key: (row: T) => string, toDoc: (row: T) => SearchDocument): AsyncGenerator<SearchDocument[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length) yield rows.map(toDoc);
    if (rows.length < BATCH) return;
    after = key(rows.at(-1)!);
  }
}

const from = (after: string | undefined) => (after ? { id: { gt: after } } : {});
const byId = { orderBy: { id: "asc" }, take: BATCH } as const;
const id = (r: { id: string }) => r.id;

/** Every document, type by type. */
async function* allDocuments(db: Db): AsyncGenerator<SearchDocument[]> {
  yield* paged((a) => db.post.findMany({ ...byId, where: { ...postIndexable, ...from(a) }, select: postSelect }), id, postDoc);
  yield* paged((a) => db.postComment.findMany({ ...byId, where: { ...commentIndexable, ...from(a) }, select: commentSelect }), id, commentDoc);
  yield* paged((a) => db.resource.findMany({ ...byId, where: { ...resourceIndexable, ...from(a) }, select: resourceSelect }), id, resourceDoc);
  yield* paged((a) => db.action.findMany({ ...byId, where: from(a), select: actionSelect }), id, actionDoc);
  yield* paged((a) => db.spotlight.findMany({ ...byId, where: { status: "published", ...from(a) }, select: spotlightSelect }), id, spotlightDoc);
  yield* paged((a) => db.expertCall.findMany({ ...byId, where: from(a), select: callSelect }), id, callDoc);
  yield* paged((a) => db.morningCoffee.findMany({ ...byId, where: { ...coffeeIndexable, ...from(a) }, select: coffeeSelect }), id, coffeeDoc);
  yield* paged(
    (a) => db.expertProfile.findMany({ orderBy: { userId: "asc" }, take: BATCH, where: { user: { deletedAt: null }, ...(a ? { userId: { gt: a } } : {}) }, select: profileSelect }),
    (r) => r.userId,
    profileDoc,
  );
}

/** Rebuilds the whole index from the content, in one transaction (searches see the old index until it commits). */
export async function reindexAll(): Promise<Partial<Record<SearchType, number>>> {
  const counts: Partial<Record<SearchType, number>> = {};
  await prisma.$transaction(
    async (tx) => {
      // Two processes starting together on an empty index both rebuild it: on PostgreSQL the second
      // waits here for the first to commit (SQLite lets one writer in at a time anyway), then
      // rebuilds again instead of colliding with the first one's rows.
      if (databaseKind() === "postgres") await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('search:reindex'))");
      await clearIndex(tx);
      for await (const docs of allDocuments(tx)) {
        await insertDocuments(tx, docs);
        for (const d of docs) counts[d.type] = (counts[d.type] ?? 0) + 1;
      }
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
  return counts;
}

/**
 * At start: builds the index when it is empty while there is content to find (a new installation
 * just seeded, an installation from before the index, a database filled by db:copy). Returns the
 * counts when it built it.
 */
export async function indexIfEmpty(): Promise<Partial<Record<SearchType, number>> | null> {
  if (await hasDocuments()) return null;
  const [posts, resources, actions, coffees, profiles] = await Promise.all([
    prisma.post.count(),
    prisma.resource.count(),
    prisma.action.count(),
    prisma.morningCoffee.count(),
    prisma.expertProfile.count(),
  ]);
  if (posts + resources + actions + coffees + profiles === 0) return null;
  return reindexAll();
}
