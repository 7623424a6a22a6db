import { Link } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { Pin } from "#app/components/ui/icons.tsx";
import { countryName } from "#app/utils/countries.ts";

export type PostCardData = {
  id: string;
  kindLabel: string;
  title: string;
  excerpt: string;
  author: string;
  memberState: string | null;
  action: { code: string; slug: string } | null;
  membersOnly: boolean;
  pinned: boolean;
  edited: boolean;
  comments: number;
  createdAt: string | Date;
};

/** One post in the feed or on the home page. */
export function PostCard({ post, headingLevel = 2 }: { post: PostCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Card className="h-full">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-semibold tracking-wide text-brand-700 uppercase">
        {post.pinned ? (
          <span className="inline-flex items-center gap-1">
            <Pin aria-hidden="true" className="size-3" /> Pinned ·
          </span>
        ) : null}
        <span>{post.kindLabel}</span>
        {post.memberState ? <span>· {countryName(post.memberState)}</span> : null}
        {post.membersOnly ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 normal-case">Members only</span> : null}
      </p>
      <Heading className="mt-1 text-lg font-bold break-words">
        <Link to={`/posts/${post.id}`}>{post.title}</Link>
      </Heading>
      <p className="mt-1 text-sm text-muted">
        {post.author} · <DateTime value={post.createdAt} />
        {post.edited ? " · edited" : null}
        {post.action ? <> · {post.action.code}</> : null}
        {post.comments ? ` · ${post.comments} comment${post.comments === 1 ? "" : "s"}` : null}
      </p>
      <p className="mt-2 break-words">{post.excerpt}</p>
    </Card>
  );
}
