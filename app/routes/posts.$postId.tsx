import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";
import { UserMarkdown } from "#app/components/markdown.tsx";
import { MentionTextarea } from "#app/components/posts/mention-textarea.tsx";
import { Reactions } from "#app/components/posts/reactions.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextAreaField } from "#app/components/ui/field.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { reportContent } from "#app/modules/moderation/reports.server.ts";
import { addComment, deleteComment, editComment, listComments } from "#app/modules/posts/comments.server.ts";
import { CommentInputSchema, ReactionInputSchema, ReportInputSchema } from "#app/modules/posts/posts.schema.ts";
import { authorName, deletePost, getPostForPage, restorePost, setPinned } from "#app/modules/posts/posts.server.ts";
import { reactionSummaries, toggleReaction } from "#app/modules/posts/reactions.server.ts";
import { kindLabel, mayDeletePost, mayEditComment, mayEditPost, mayModerate } from "#app/modules/posts/rules.ts";
import { countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(data.post.title, `${data.post.kind === "resource" ? "A resource" : "An update"} shared by ${data.post.author} on MIEUX+ Community.`) : pageMeta("Post not found", "This post does not exist or was removed.");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const viewer = context.user?.emailVerified ? { id: context.user.id, role: context.user.role } : null;
  const post = await getPostForPage(viewer, params.postId ?? "");
  if (!post) throw new Response("Not found", { status: 404 });
  const comments = await listComments(post.id);
  const commentIds = comments.flatMap((c) => [c.id, ...c.replies.map((r) => r.id)]).filter(Boolean);
  const { post: postReactions, comment: commentReactions } = await reactionSummaries({ post: [post.id], comment: commentIds }, viewer?.id ?? null);
  const now = new Date();
  const withRights = <T extends { authorId: string | null; createdAt: Date; removed: boolean }>(c: T) => ({
    ...c,
    canEdit: !c.removed && mayEditComment(viewer, c, now),
    canDelete: !c.removed && !!viewer && (c.authorId === viewer.id || mayModerate(viewer.role)),
    canReport: !c.removed && !!viewer && c.authorId !== viewer.id,
  });
  const open = !post.deletedAt && !post.hiddenAt && post.status === "published";
  return {
    post: {
      id: post.id,
      kind: kindLabel(post.kind),
      title: post.title,
      body: post.body,
      author: authorName(post.author),
      memberState: post.memberState ? countryName(post.memberState) : null,
      action: post.action,
      areas: post.thematicAreas ? post.thematicAreas.split("|") : [],
      tags: post.tags.map((t) => t.value),
      cover: post.coverImage ? { alt: post.coverAlt } : null,
      membersOnly: post.visibility === "members",
      pinned: !!post.pinnedAt,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      revisions: post.revisions,
      state: post.deletedAt ? "deleted" : post.hiddenAt ? "hidden" : post.status === "held" ? "held" : "published",
      hiddenReason: post.hiddenAt ? post.hiddenReason : null,
    },
    reactions: postReactions[post.id] ?? [],
    comments: comments.map((c) => ({ ...withRights(c), reactions: commentReactions[c.id] ?? [], replies: c.replies.map((r) => ({ ...withRights(r), reactions: commentReactions[r.id] ?? [] })) })),
    viewer: viewer
      ? {
          canComment: open,
          canEdit: mayEditPost(viewer, post) && !post.deletedAt,
          canDelete: mayDeletePost(viewer, post) && !post.deletedAt,
          canReport: open && post.authorId !== viewer.id,
          moderator: mayModerate(viewer.role),
        }
      : null,
  };
}

type Failure = { ok: false; intent: string; targetId: string; values: Record<string, string>; fieldErrors: Record<string, string>; formError?: string };

function failure(intent: string, targetId: string, formData: FormData, fieldErrors: Record<string, string>, formError: string | undefined, status: number) {
  return data<Failure>({ ...formFailure(formData, fieldErrors, formError), intent, targetId }, { status });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const postId = args.params.postId ?? "";
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const targetId = String(formData.get("targetId") ?? formData.get("commentId") ?? formData.get("parentId") ?? postId);
  const back = `/posts/${postId}`;
  const meta = { ip: args.context.ip };
  const statusOf = (code: string) => (code === "forbidden" ? 403 : code === "not_found" ? 404 : code === "blocked" ? 429 : 400);

  if (intent === "comment") {
    const parsed = parseForm(formData, CommentInputSchema);
    if (!parsed.ok) return failure(intent, targetId, formData, parsed.fieldErrors, parsed.formError, 400);
    const result = await addComment(user, postId, parsed.data);
    if (!result.ok) return failure(intent, targetId, formData, result.error.fields ?? {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(`${back}#comment-${result.value.id}`, { type: "success", title: "Comment posted" });
  }
  if (intent === "edit-comment") {
    const parsed = parseForm(formData, CommentInputSchema);
    if (!parsed.ok) return failure(intent, targetId, formData, parsed.fieldErrors, parsed.formError, 400);
    const result = await editComment(user, String(formData.get("commentId") ?? ""), parsed.data.body);
    if (!result.ok) return failure(intent, targetId, formData, result.error.fields ?? {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(`${back}#comment-${targetId}`, { type: "success", title: "Comment updated" });
  }
  if (intent === "delete-comment") {
    const result = await deleteComment(user, String(formData.get("commentId") ?? ""), meta);
    if (!result.ok) return failure(intent, targetId, formData, {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(back, { type: "success", title: "Comment deleted" });
  }
  if (intent === "react") {
    const parsed = parseForm(formData, ReactionInputSchema);
    if (!parsed.ok) return failure(intent, targetId, formData, parsed.fieldErrors, Object.values(parsed.fieldErrors)[0], 400);
    const result = await toggleReaction(user, { targetType: parsed.data.targetType, targetId: parsed.data.targetId }, parsed.data.reaction);
    if (!result.ok) return failure(intent, targetId, formData, {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(parsed.data.targetType === "comment" ? `${back}#comment-${parsed.data.targetId}` : back, { type: "info", title: result.value.reacted ? "Reaction added" : "Reaction removed" });
  }
  if (intent === "report") {
    const parsed = parseForm(formData, ReportInputSchema);
    if (!parsed.ok) return failure(intent, targetId, formData, parsed.fieldErrors, parsed.formError, 400);
    const targetType = formData.get("targetType") === "comment" ? "comment" : "post";
    const result = await reportContent(user, targetType, targetType === "post" ? postId : targetId, parsed.data.reason);
    if (!result.ok) return failure(intent, targetId, formData, {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(back, { type: "success", title: "Thank you: the moderators will look at your report" });
  }
  if (intent === "delete-post") {
    const result = await deletePost(user, postId, meta);
    if (!result.ok) return failure(intent, postId, formData, {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast("/posts", { type: "success", title: "Post deleted" });
  }
  if (intent === "restore-post") {
    const result = await restorePost(user, postId, meta);
    if (!result.ok) return failure(intent, postId, formData, {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(back, { type: "success", title: "Post restored" });
  }
  if (intent === "pin" || intent === "unpin") {
    const result = await setPinned(user, postId, intent === "pin", meta);
    if (!result.ok) return failure(intent, postId, formData, {}, result.error.message, statusOf(result.error.code));
    return redirectWithToast(back, { type: "success", title: intent === "pin" ? "Pinned to the top of the feed" : "Unpinned" });
  }
  return failure(intent, postId, formData, {}, "Unknown action.", 400);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type CommentView = LoaderData["comments"][number]["replies"][number];

export default function PostPage() {
  const { post, reactions, comments, viewer } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const postError = failed && failed.targetId === post.id && failed.intent !== "comment" ? failed.formError : null;
  return (
    <article className="mx-auto max-w-3xl" aria-labelledby="post-title">
      <Card>
        {post.state !== "published" ? (
          <Alert tone="warning" title={post.state === "held" ? "Waiting for review" : post.state === "hidden" ? "Hidden by a moderator" : "Deleted"}>
            {post.state === "held" ? "Only you and the moderators can see this post until it is approved." : post.hiddenReason ?? "Only moderators can see this post."}
          </Alert>
        ) : null}
        {postError ? <Alert tone="error">{postError}</Alert> : null}
        <p className="text-sm font-semibold text-brand-700 uppercase">
          {post.pinned ? "Pinned · " : null}
          {post.kind}
          {post.memberState ? ` · ${post.memberState}` : null}
          {post.membersOnly ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 normal-case">Members only</span> : null}
        </p>
        <h1 id="post-title" className="mt-1 text-3xl font-bold break-words">{post.title}</h1>
        <p className="mt-1 text-sm text-muted">
          {post.author} · <DateTime value={post.createdAt} />
          {post.editedAt ? <> · edited <DateTime value={post.editedAt} /></> : null}
          {post.action ? <> · Action <Link to={`/actions/${post.action.slug}`}>{post.action.code}</Link></> : null}
        </p>
        {post.cover ? <img src={`/posts/${post.id}/cover`} alt={post.cover.alt} className="mt-4 w-full rounded-md" loading="lazy" /> : null}
        <UserMarkdown className="prose-qa mt-6 space-y-4 break-words [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-brand-200 [&_blockquote]:pl-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">{post.body}</UserMarkdown>
        {post.areas.length || post.tags.length ? (
          <ul className="mt-4 flex flex-wrap gap-2" aria-label="Thematic areas and tags">
            {post.areas.map((a) => (
              <li key={a}><Link to={`/posts?${new URLSearchParams({ area: a })}`} className="rounded-full bg-brand-50 px-3 py-1 text-sm">{a}</Link></li>
            ))}
            {post.tags.map((t) => (
              <li key={t}><Link to={`/posts?${new URLSearchParams({ tag: t })}`} className="rounded-full border border-line px-3 py-1 text-sm">#{t}</Link></li>
            ))}
          </ul>
        ) : null}
        <Reactions targetType="post" targetId={post.id} reactions={reactions} canReact={!!viewer?.canComment} />
        {post.revisions.length ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-semibold">{`Edited: see earlier versions (${post.revisions.length})`}</summary>
            <ol className="mt-2 space-y-3">
              {post.revisions.map((r) => (
                <li key={r.id} className="rounded border border-line p-3">
                  <p className="text-muted">Until <DateTime value={r.createdAt} /></p>
                  <p className="font-semibold">{r.title}</p>
                  <p className="whitespace-pre-wrap">{r.body}</p>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
        {viewer ? <PostTools postId={post.id} state={post.state} pinned={post.pinned} viewer={viewer} /> : null}
      </Card>

      <section aria-labelledby="comments-heading" className="mt-8">
        <h2 id="comments-heading" className="text-2xl font-bold">{`Comments (${comments.reduce((n, c) => n + (c.removed ? 0 : 1) + c.replies.length, 0)})`}</h2>
        {comments.length === 0 ? <p className="mt-2 text-muted">No comments yet.</p> : null}
        <ol className="mt-4 space-y-4">
          {comments.map((c) => (
            <li key={c.id}>
              <Comment comment={c} canReact={!!viewer?.canComment} failed={failed} />
              {c.replies.length ? (
                <ol className="mt-3 ml-4 space-y-3 border-l-2 border-brand-100 pl-4 sm:ml-8" aria-label="Replies">
                  {c.replies.map((r) => (
                    <li key={r.id}>
                      <Comment comment={r} canReact={!!viewer?.canComment} failed={failed} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {viewer?.canComment && !c.removed ? (
                <details className="mt-2 ml-4 sm:ml-8" open={failed?.intent === "comment" && failed.targetId === c.id}>
                  <summary className="cursor-pointer text-sm font-semibold text-brand-700">Reply</summary>
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="comment" />
                    <input type="hidden" name="parentId" value={c.id} />
                    <MentionTextarea label={`Reply to ${c.author}`} name="body" rows={3} required error={failed?.intent === "comment" && failed.targetId === c.id ? failed.fieldErrors.body ?? failed.formError : undefined} />
                    <Button type="submit" size="sm">Post reply</Button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
        {viewer?.canComment ? (
          <Card className="mt-6">
            <Form method="post">
              <input type="hidden" name="intent" value="comment" />
              <MentionTextarea
                label="Add a comment"
                name="body"
                rows={4}
                required
                defaultValue={failed?.intent === "comment" && failed.targetId === post.id ? failed.values.body : undefined}
                error={failed?.intent === "comment" && failed.targetId === post.id ? failed.fieldErrors.body ?? failed.formError : undefined}
                hint="Markdown works here; type @ to mention a member."
              />
              <Button type="submit">Post comment</Button>
            </Form>
          </Card>
        ) : !viewer ? (
          <p className="mt-6"><Link to={`/login?${new URLSearchParams({ redirectTo: `/posts/${post.id}` })}`}>Log in</Link> to comment and react.</p>
        ) : null}
      </section>
    </article>
  );
}

function PostTools({ postId, state, pinned, viewer }: { postId: string; state: string; pinned: boolean; viewer: NonNullable<LoaderData["viewer"]> }) {
  return (
    <div className="mt-6 flex flex-wrap items-start gap-2 border-t border-line pt-4">
      {viewer.canEdit ? <Link to={`/posts/${postId}/edit`} className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold no-underline">Edit</Link> : null}
      {viewer.canDelete ? (
        <Form method="post">
          <input type="hidden" name="intent" value="delete-post" />
          <Button type="submit" size="sm" variant="secondary">Delete</Button>
        </Form>
      ) : null}
      {viewer.moderator && state === "deleted" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="restore-post" />
          <Button type="submit" size="sm" variant="secondary">Restore</Button>
        </Form>
      ) : null}
      {viewer.moderator && state === "published" ? (
        <Form method="post">
          <input type="hidden" name="intent" value={pinned ? "unpin" : "pin"} />
          <Button type="submit" size="sm" variant="secondary">{pinned ? "Unpin" : "Pin to the top of the feed"}</Button>
        </Form>
      ) : null}
      {viewer.canReport ? <ReportForm targetType="post" targetId={postId} /> : null}
    </div>
  );
}

function ReportForm({ targetType, targetId }: { targetType: "post" | "comment"; targetId: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer rounded-md px-3 py-1.5 font-semibold text-brand-700">Report{targetType === "comment" ? " comment" : ""}</summary>
      <Form method="post" className="mt-2">
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <TextAreaField label={`What is wrong with this ${targetType}?`} name="reason" required rows={2} />
        <Button type="submit" size="sm" variant="secondary">Send report</Button>
      </Form>
    </details>
  );
}

function Comment({ comment, canReact, failed }: { comment: CommentView; canReact: boolean; failed: ReturnType<typeof useActionData<typeof action>> }) {
  const mine = failed && failed.targetId === comment.id ? failed : null;
  if (comment.removed) return <p id={`comment-${comment.id}`} className="text-muted italic">This comment was removed.</p>;
  return (
    <div id={`comment-${comment.id}`} className="rounded-lg border border-line bg-white p-4">
      {mine?.formError && mine.intent !== "comment" ? <Alert tone="error">{mine.formError}</Alert> : null}
      <p className="text-sm text-muted">
        <span className="font-semibold text-ink">{comment.author}</span> · <DateTime value={comment.createdAt} />
        {comment.editedAt ? " · edited" : null}
      </p>
      <UserMarkdown className="mt-1 space-y-2 break-words [&_a]:underline">{comment.body ?? ""}</UserMarkdown>
      <Reactions targetType="comment" targetId={comment.id} reactions={comment.reactions} canReact={canReact} />
      <div className="mt-2 flex flex-wrap items-start gap-2">
        {comment.canEdit ? (
          <details className="text-sm" open={mine?.intent === "edit-comment"}>
            <summary className="cursor-pointer rounded-md px-3 py-1.5 font-semibold text-brand-700">Edit</summary>
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="edit-comment" />
              <input type="hidden" name="commentId" value={comment.id} />
              <TextAreaField label="Your comment" name="body" required rows={3} defaultValue={comment.body ?? ""} error={mine?.intent === "edit-comment" ? mine.fieldErrors.body : undefined} />
              <Button type="submit" size="sm">Save</Button>
            </Form>
          </details>
        ) : null}
        {comment.canDelete ? (
          <Form method="post">
            <input type="hidden" name="intent" value="delete-comment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <Button type="submit" size="sm" variant="ghost">Delete</Button>
          </Form>
        ) : null}
        {comment.canReport ? <ReportForm targetType="comment" targetId={comment.id} /> : null}
      </div>
    </div>
  );
}
