import type { Prisma } from "#app/generated/prisma/client.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { hasRole, type Role } from "#app/modules/auth/roles.ts";
import { focalStatesOf } from "#app/modules/roster/access.server.ts";
import { notify, transactionWithNotifications, withdrawNotificationsAbout } from "#app/modules/notifications/notify.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { prisma } from "#app/utils/db.server.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { removeCoverImage, saveCoverImage, type UploadedFile } from "./cover.server.ts";
import { mentionedMembers } from "./mentions.server.ts";
import { FEED_KINDS, MAX_PINNED, isSuspended, kindLabel, mayDeletePost, mayEditPost, mayModerate, parseTags, postingProblem, type Poster } from "./rules.ts";
import type { PostInput } from "./posts.schema.ts";
import { getPostingPolicy } from "./settings.server.ts";
import { indexPost } from "#app/modules/search/indexers.server.ts";

/** Who is reading: null for anonymous visitors (and unverified accounts, who read as visitors). */
export type Viewer = { id: string; role: Role } | null;
export type Actor = { id: string; role: Role };

export const FEED_PAGE_SIZE = 20;

/** The one rule for which posts a reader sees in lists: published, not deleted or hidden; members-only ones need an account. */
export function visiblePostsWhere(viewer: Viewer): Prisma.PostWhereInput {
  return { deletedAt: null, hiddenAt: null, status: "published", ...(viewer ? {} : { visibility: "public" }) };
}

/** Whether one post can be opened by this reader; moderators also see deleted, hidden and held ones (to restore them). */
export function canReadPost(viewer: Viewer, post: { authorId: string | null; deletedAt: Date | null; hiddenAt: Date | null; status: string; visibility: string }) {
  if (viewer && mayModerate(viewer.role)) return true;
  if (post.deletedAt || post.hiddenAt) return false;
  if (post.status !== "published" && post.authorId !== viewer?.id) return false;
  return post.visibility === "public" || !!viewer;
}

async function posterOf(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, country: true, suspendedUntil: true, deletedAt: true } });
  if (!user || user.deletedAt) return null;
  const poster: Poster = { id: user.id, role: (user.role as Role) ?? "member", country: user.country, focalStates: await focalStatesOf(user.id) };
  return { poster, suspendedUntil: user.suspendedUntil };
}

/** Why a member cannot write right now (suspended, rate-limited), or null. */
export async function writingBlocked(userId: string, limit: "post:user" | "comment:user" | "reaction:user", now = new Date()): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { suspendedUntil: true, deletedAt: true } });
  if (!user || user.deletedAt) return "Your account cannot post.";
  if (isSuspended(user, now)) return `Your account is suspended until ${user.suspendedUntil!.toISOString().slice(0, 10)}: you cannot post, comment or react until then.`;
  const rate = await consumeRateLimit(limit, userId);
  return rate.ok ? null : rate.message;
}

/**
 * Whether this reader may open the new-post form (the feed's "New post" button): the same answer as
 * writingOptions() (rules.ts mayWrite), read from the session's user where the role settles it, so
 * the feed makes one small query at most instead of three. The role comes from this request's
 * session lookup, which joins the user row (a deleted account has no session), so it is current.
 * Organisers and Focal Points: no query. Experts: the posting policy. Anyone else: whether they hold
 * a Focal Point designation. Writing itself is checked again in createPost (suspension, rate limit,
 * kind and Member State), so a suspended member who sees the button still cannot post.
 */
export async function mayOpenPostForm(viewer: { id: string; role: Role }): Promise<boolean> {
  if (hasRole(viewer.role, "organiser") || viewer.role === "focal_point") return true;
  if (viewer.role === "expert" && (await getPostingPolicy()).expertsMayPost) return true;
  return (await focalStatesOf(viewer.id)).length > 0;
}

/** Whether this person may open the new-post form, and what they may choose there. */
export async function writingOptions(userId: string) {
  const [found, policy] = await Promise.all([posterOf(userId), getPostingPolicy()]);
  if (!found) return null;
  const { poster } = found;
  const organiser = hasRole(poster.role, "organiser");
  const focal = poster.focalStates.length > 0 || poster.role === "focal_point";
  const kinds = organiser || focal ? (["update", "publication", "tip", "news"] as const) : poster.role === "expert" && policy.expertsMayPost ? (["update", "tip"] as const) : [];
  const memberStates = organiser ? null : focal ? poster.focalStates : poster.country ? [poster.country] : [];
  return { kinds: [...kinds], memberStates, requireMemberState: !organiser && focal };
}

function tagRows(input: Pick<PostInput, "tags" | "thematicAreas">) {
  return [...parseTags(input.tags).map((value) => ({ kind: "tag", value })), ...input.thematicAreas.map((value) => ({ kind: "area", value }))];
}

async function checkAction(actionId: string | undefined) {
  if (!actionId) return true;
  return !!(await prisma.action.findUnique({ where: { id: actionId }, select: { id: true } }));
}

/**
 * Publishes a post (or holds it for review when the admin setting holds a new account's first
 * posts), notifies the members it mentions, and returns its id.
 */
export async function createPost(actor: Actor, input: PostInput, cover: UploadedFile | null, meta: { ip?: string | null } = {}, now = new Date()): Promise<Result<{ id: string; held: boolean }>> {
  const [found, policy] = await Promise.all([posterOf(actor.id), getPostingPolicy()]);
  if (!found) return fail("forbidden", "Your account cannot post.");
  const problem = postingProblem(found.poster, input, policy);
  if (problem) return fail("forbidden", problem.message, problem.field === "form" ? undefined : { [problem.field]: problem.message });
  if (!(await checkAction(input.actionId))) return fail("invalid", "Choose an Action from the list.", { actionId: "Choose an Action from the list." });
  const blocked = await writingBlocked(actor.id, "post:user", now);
  if (blocked) return fail("blocked", blocked);
  let coverImage: string | null = null;
  if (cover && cover.size > 0) {
    const saved = await saveCoverImage(cover);
    if (!saved.ok) return saved;
    coverImage = saved.value;
  }
  const held =
    policy.holdFirstPosts > 0 &&
    !hasRole(found.poster.role, "organiser") &&
    (await prisma.post.count({ where: { authorId: actor.id, status: "published" } })) < policy.holdFirstPosts;
  const post = await transactionWithNotifications(async (tx) => {
    const created = await tx.post.create({
      data: {
        authorId: actor.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        memberState: input.memberState ?? null,
        actionId: input.actionId ?? null,
        thematicAreas: input.thematicAreas.join("|"),
        visibility: input.visibility,
        coverImage,
        coverAlt: input.coverAlt ?? "",
        status: held ? "held" : "published",
        createdAt: now,
        tags: { create: tagRows(input) },
      },
      select: { id: true, title: true },
    });
    await indexPost(tx, created.id);
    if (held) await audit({ actorId: actor.id, action: "post.held", targetType: "post", targetId: created.id, ip: meta.ip }, tx);
    else {
      const subject = { type: "post", id: created.id, url: `/posts/${created.id}`, title: created.title };
      const mentioned = await notifyMentions(tx, actor.id, input.body, subject, []);
      await notifyMemberState(tx, actor.id, input.memberState ?? null, subject, mentioned);
    }
    return created;
  });
  return ok({ id: post.id, held });
}

/** Notifies members newly mentioned in `body` (not those already mentioned in `before`); returns who was mentioned. */
export async function notifyMentions(db: Prisma.TransactionClient, actorId: string, body: string, subject: { type: string; id: string; url: string; title: string }, before: string[]) {
  const members = await mentionedMembers(body);
  await notify(
    members.filter((m) => !before.includes(m.id)).map((m) => ({ userId: m.id, kind: "mention" as const, actorId, subject })),
    db,
  );
  return members.map((m) => m.id);
}

/**
 * The Focal Points of a post's Member State hear of a new post for their State (not its author,
 * and not those it already mentions).
 */
async function notifyMemberState(tx: Prisma.TransactionClient, actorId: string, memberState: string | null, subject: { type: string; id: string; url: string; title: string }, mentioned: string[]) {
  if (!memberState) return;
  const focal = await tx.focalPoint.findMany({ where: { memberState, user: { deletedAt: null } }, select: { userId: true } });
  const people = [...new Set(focal.map((f) => f.userId))].filter((id) => !mentioned.includes(id));
  await notify(people.map((userId) => ({ userId, kind: "member_state_activity" as const, actorId, subject, message: `New post for ${countryName(memberState)}` })), tx);
}

/** Authors (and moderators) edit; the text before the edit is kept as a revision, shown as "edited". */
export async function updatePost(actor: Actor, postId: string, input: PostInput, cover: UploadedFile | null, now = new Date()): Promise<Result<{ id: string }>> {
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { id: true, authorId: true, title: true, body: true, deletedAt: true, hiddenAt: true, coverImage: true, status: true } });
  if (!post || post.deletedAt) return fail("not_found", "This post does not exist.");
  if (!mayEditPost(actor, post)) return fail("forbidden", "Only the author can edit this post.");
  if (post.hiddenAt && !mayModerate(actor.role)) return fail("forbidden", "A moderator hid this post; it cannot be edited.");
  if (!mayModerate(actor.role)) {
    const [found, policy] = await Promise.all([posterOf(actor.id), getPostingPolicy()]);
    const problem = found ? postingProblem(found.poster, input, policy) : { field: "form", message: "Your account cannot post." };
    if (problem) return fail("forbidden", problem.message, problem.field === "form" ? undefined : { [problem.field]: problem.message });
  }
  if (!(await checkAction(input.actionId))) return fail("invalid", "Choose an Action from the list.", { actionId: "Choose an Action from the list." });
  const blocked = await writingBlocked(actor.id, "post:user", now);
  if (blocked) return fail("blocked", blocked);
  let coverImage = post.coverImage;
  if (cover && cover.size > 0) {
    const saved = await saveCoverImage(cover);
    if (!saved.ok) return saved;
    coverImage = saved.value;
  }
  const before = (await mentionedMembers(post.body)).map((m) => m.id);
  await transactionWithNotifications(async (tx) => {
    await tx.postRevision.create({ data: { postId, editorId: actor.id, title: post.title, body: post.body, createdAt: now } });
    await tx.postTag.deleteMany({ where: { postId } });
    await tx.post.update({
      where: { id: postId },
      data: {
        title: input.title,
        body: input.body,
        kind: input.kind,
        memberState: input.memberState ?? null,
        actionId: input.actionId ?? null,
        thematicAreas: input.thematicAreas.join("|"),
        visibility: input.visibility,
        coverImage,
        coverAlt: input.coverAlt ?? "",
        editedAt: now,
        tags: { create: tagRows(input) },
      },
    });
    await indexPost(tx, postId);
    if (post.status === "published") await notifyMentions(tx, actor.id, input.body, { type: "post", id: postId, url: `/posts/${postId}`, title: input.title }, before);
  });
  if (coverImage !== post.coverImage) await removeCoverImage(post.coverImage);
  return ok({ id: postId });
}

/** A post and its comments are gone: notifications about them go too. */
export async function withdrawPostNotifications(tx: Prisma.TransactionClient, postId: string) {
  await withdrawNotificationsAbout("post", postId, tx);
  const comments = await tx.postComment.findMany({ where: { postId }, select: { id: true } });
  await withdrawNotificationsAbout("comment", comments.map((c) => c.id), tx);
}

/** Soft delete by the author or a moderator (moderators can restore it). */
export async function deletePost(actor: Actor, postId: string, meta: { ip?: string | null } = {}, now = new Date()): Promise<Result<null>> {
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true, deletedAt: true } });
  if (!post || post.deletedAt) return fail("not_found", "This post does not exist.");
  if (!mayDeletePost(actor, post)) return fail("forbidden", "Only the author or a moderator can delete this post.");
  await transactionWithNotifications(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { deletedAt: now, pinnedAt: null } });
    await withdrawPostNotifications(tx, postId);
    await indexPost(tx, postId);
    await audit({ actorId: actor.id, action: "post.delete", targetType: "post", targetId: postId, ip: meta.ip }, tx);
  });
  return ok(null);
}

export async function restorePost(actor: Actor, postId: string, meta: { ip?: string | null } = {}): Promise<Result<null>> {
  if (!mayModerate(actor.role)) return fail("forbidden", "Only moderators can restore posts.");
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { deletedAt: true } });
  if (!post) return fail("not_found", "This post does not exist.");
  await transactionWithNotifications(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { deletedAt: null } });
    await indexPost(tx, postId);
    await audit({ actorId: actor.id, action: "post.restore", targetType: "post", targetId: postId, ip: meta.ip }, tx);
  });
  return ok(null);
}

/** Organisers pin up to three posts to the top of the feed. */
export async function setPinned(actor: Actor, postId: string, pinned: boolean, meta: { ip?: string | null } = {}, now = new Date()): Promise<Result<null>> {
  if (!hasRole(actor.role, "organiser")) return fail("forbidden", "Only organisers can pin posts.");
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { deletedAt: true, hiddenAt: true, status: true, pinnedAt: true } });
  if (!post || post.deletedAt || post.hiddenAt || post.status !== "published") return fail("not_found", "This post cannot be pinned.");
  if (pinned && !post.pinnedAt) {
    const count = await prisma.post.count({ where: { pinnedAt: { not: null }, deletedAt: null, hiddenAt: null } });
    if (count >= MAX_PINNED) return fail("limit", `At most ${MAX_PINNED} posts can be pinned: unpin one first.`);
  }
  await transactionWithNotifications(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { pinnedAt: pinned ? (post.pinnedAt ?? now) : null } });
    await audit({ actorId: actor.id, action: pinned ? "post.pin" : "post.unpin", targetType: "post", targetId: postId, ip: meta.ip }, tx);
  });
  return ok(null);
}

const authorSelect = { select: { id: true, name: true, deletedAt: true } } as const;

export function authorName(author: { name: string; deletedAt: Date | null } | null) {
  return author ? (author.deletedAt ? "Former member" : author.name) : "MIEUX+ team";
}

/** One post for its page, or null when this reader may not see it. */
export async function getPostForPage(viewer: Viewer, id: string) {
  const post = await prisma.post.findUnique({
    where: { id },
    select: {
      id: true,
      authorId: true,
      kind: true,
      title: true,
      body: true,
      memberState: true,
      thematicAreas: true,
      coverImage: true,
      coverAlt: true,
      visibility: true,
      status: true,
      pinnedAt: true,
      editedAt: true,
      deletedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      coffeeId: true,
      createdAt: true,
      author: authorSelect,
      action: { select: { id: true, code: true, slug: true } },
      tags: { where: { kind: "tag" }, select: { value: true }, orderBy: { value: "asc" } },
      revisions: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, title: true, body: true, createdAt: true } },
    },
  });
  if (!post || !canReadPost(viewer, post)) return null;
  return post;
}

/** The data behind the edit form (authors and moderators only). */
export async function getPostForEdit(actor: Actor, id: string) {
  const post = await prisma.post.findUnique({
    where: { id },
    select: { id: true, authorId: true, kind: true, title: true, body: true, memberState: true, actionId: true, thematicAreas: true, visibility: true, coverAlt: true, coverImage: true, deletedAt: true, hiddenAt: true, tags: { where: { kind: "tag" }, select: { value: true } } },
  });
  if (!post || post.deletedAt || !mayEditPost(actor, post)) return null;
  return post;
}

export type FeedFilters = { kind?: string; memberState?: string; actionId?: string; area?: string; tag?: string; after?: string };

/** An opaque position in the feed: the last post's time and id (keyset pagination, no OFFSET). */
export function encodeCursor(post: { createdAt: Date; id: string }) {
  return Buffer.from(`${post.createdAt.toISOString()}|${post.id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

/**
 * The feed, newest first, FEED_PAGE_SIZE at a time. Pagination is by keyset on (createdAt, id),
 * which the (createdAt, id) index serves directly, so page 5,000 costs what page 1 costs.
 */
export async function listFeed(viewer: Viewer, filters: FeedFilters) {
  const where: Prisma.PostWhereInput[] = [visiblePostsWhere(viewer)];
  if (filters.kind && (FEED_KINDS as readonly string[]).includes(filters.kind)) where.push({ kind: filters.kind });
  if (filters.memberState) where.push({ memberState: filters.memberState });
  if (filters.actionId) where.push({ actionId: filters.actionId });
  if (filters.area) where.push({ tags: { some: { kind: "area", value: filters.area } } });
  if (filters.tag) where.push({ tags: { some: { kind: "tag", value: filters.tag.toLowerCase() } } });
  const cursor = decodeCursor(filters.after);
  if (cursor) where.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  const rows = await prisma.post.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FEED_PAGE_SIZE + 1,
    select: feedSelect,
  });
  const page = rows.slice(0, FEED_PAGE_SIZE);
  return { posts: page, next: rows.length > FEED_PAGE_SIZE ? encodeCursor(page[page.length - 1]!) : null };
}

const feedSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  memberState: true,
  visibility: true,
  pinnedAt: true,
  editedAt: true,
  createdAt: true,
  coverImage: true,
  author: authorSelect,
  action: { select: { code: true, slug: true } },
  _count: { select: { comments: { where: { deletedAt: null, hiddenAt: null } } } },
} as const;

/** The pinned posts (at most three), shown above the feed. */
export function listPinned(viewer: Viewer) {
  return prisma.post.findMany({ where: { ...visiblePostsWhere(viewer), pinnedAt: { not: null } }, orderBy: { pinnedAt: "desc" }, take: MAX_PINNED, select: feedSelect });
}

/** The newest public posts of a kind (updates, resources), for the home page and the resources page. */
export function listPosts({ kind, take = 20 }: { kind?: "update" | "resource"; take?: number } = {}) {
  return prisma.post.findMany({
    where: { ...visiblePostsWhere(null), ...(kind ? { kind } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, body: true, createdAt: true, author: { select: { name: true, deletedAt: true } } },
  });
}

/** Posts held for review, for the moderation queue. */
export function listHeldPosts() {
  return prisma.post.findMany({
    where: { status: "held", deletedAt: null },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: { id: true, title: true, body: true, kind: true, createdAt: true, author: authorSelect },
  });
}

/** A moderator publishes a held post; its mentions are notified then. */
export async function approvePost(actor: Actor, postId: string, meta: { ip?: string | null } = {}): Promise<Result<null>> {
  if (!mayModerate(actor.role)) return fail("forbidden", "Only moderators can approve posts.");
  const post = await prisma.post.findUnique({ where: { id: postId }, select: { status: true, authorId: true, title: true, body: true, memberState: true } });
  if (!post || post.status !== "held") return fail("not_found", "This post is not waiting for review.");
  await transactionWithNotifications(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { status: "published" } });
    await indexPost(tx, postId);
    const subject = { type: "post", id: postId, url: `/posts/${postId}`, title: post.title };
    if (post.authorId) await notify({ userId: post.authorId, kind: "post_approved", actorId: actor.id, subject }, tx);
    if (post.authorId) {
      const mentioned = await notifyMentions(tx, post.authorId, post.body, subject, []);
      await notifyMemberState(tx, post.authorId, post.memberState, subject, mentioned);
    }
    await audit({ actorId: actor.id, action: "post.approve", targetType: "post", targetId: postId, ip: meta.ip }, tx);
  });
  return ok(null);
}

/** The first words of a markdown body, as plain text. */
export function excerpt(markdown: string, length = 220) {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~#>|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length).replace(/\s+\S*$/, "")}…` : text;
}

type FeedRow = Awaited<ReturnType<typeof listPinned>>[number];

/** What a post card shows (the same in the feed and on the home page). */
export function postCard(p: FeedRow) {
  return {
    id: p.id,
    kindLabel: kindLabel(p.kind),
    title: p.title,
    excerpt: excerpt(p.body, 200),
    author: authorName(p.author),
    memberState: p.memberState,
    action: p.action,
    membersOnly: p.visibility === "members",
    pinned: !!p.pinnedAt,
    edited: !!p.editedAt,
    comments: p._count.comments,
    createdAt: p.createdAt,
  };
}

/** Actions to choose from in the post form and the feed filter (code order). */
export function listActionChoices() {
  return prisma.action.findMany({ orderBy: { code: "asc" }, take: 500, select: { id: true, code: true } });
}
