import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PostCard } from "#app/components/posts/post-card.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { Plus, Rss } from "#app/components/ui/icons.tsx";
import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { listActionChoices, listFeed, listPinned, mayOpenPostForm, postCard } from "#app/modules/posts/posts.server.ts";
import { FeedQuerySchema } from "#app/modules/posts/posts.schema.ts";
import { FEED_KINDS, KIND_LABELS } from "#app/modules/posts/rules.ts";
import { EU_MEMBER_STATES, countryName } from "#app/utils/countries.ts";
import { cache } from "#app/utils/cache.server.ts";

export const meta: MetaFunction = () => [
  { title: "Posts — MIEUX+ Community" },
  { name: "description", content: "Updates, publications, cultural-agility tips and news from the MIEUX+ network." },
  { tagName: "link", rel: "alternate", type: "application/atom+xml", title: "MIEUX+ Community posts", href: "/feed.atom" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = FeedQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  const q = parsed.success ? parsed.data : {};
  const viewer = context.user?.emailVerified ? { id: context.user.id, role: context.user.role } : null;
  const filters = { kind: q.kind, memberState: q.memberState, actionId: q.action, area: q.area, tag: q.tag, after: q.after };
  const filtered = Boolean(q.kind || q.memberState || q.action || q.area || q.tag);
  const audience = viewer ? "members" : "public";
  // The same for every reader of one audience: kept until the next database commit (decision 040).
  const [page, pinned, actions, canWrite] = await Promise.all([
    cache.get("posts-feed", `feed:${audience}:${url.search}`, () => listFeed(viewer, filters)),
    filtered || q.after ? Promise.resolve([]) : cache.get("posts-feed", `pinned:${audience}`, () => listPinned(viewer)),
    cache.get("posts-feed", "action-choices", () => listActionChoices()),
    viewer ? mayOpenPostForm(viewer) : Promise.resolve(false),
  ]);
  const pinnedIds = new Set(pinned.map((p) => p.id));
  const next = page.next ? new URLSearchParams({ ...Object.fromEntries(url.searchParams), after: page.next }).toString() : null;
  return {
    filters: { kind: q.kind ?? "", memberState: q.memberState ?? "", action: q.action ?? "", area: q.area ?? "", tag: q.tag ?? "" },
    pinned: pinned.map(postCard),
    posts: page.posts.filter((p) => !pinnedIds.has(p.id)).map(postCard),
    next: next ? `/posts?${next}` : null,
    firstPage: !q.after,
    actions,
    canWrite,
    signedIn: !!viewer,
  };
}

export default function PostsFeed() {
  const { filters, pinned, posts, next, firstPage, actions, canWrite, signedIn } = useLoaderData<typeof loader>();
  const empty = pinned.length === 0 && posts.length === 0;
  return (
    <div>
      <PageHeader
        title="Posts"
        lead="Updates from Member States and Actions, publications, cultural-agility tips and news from the network."
        actions={
          <>
            {canWrite ? (
              <Link to="/posts/new" className="inline-flex items-center gap-2 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
                <Plus aria-hidden="true" className="size-4" /> New post
              </Link>
            ) : null}
            <a href="/feed.atom" className="inline-flex items-center gap-2 rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
              <Rss aria-hidden="true" className="size-4" /> Atom feed
            </a>
          </>
        }
      />
      <Form method="get" className="mb-6 grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" aria-label="Filter posts">
        <FilterSelect label="Kind" name="kind" value={filters.kind} options={FEED_KINDS.map((k) => [k, KIND_LABELS[k]])} />
        <FilterSelect label="Member State" name="memberState" value={filters.memberState} options={EU_MEMBER_STATES.map((c) => [c, countryName(c)])} />
        <FilterSelect label="Action" name="action" value={filters.action} options={actions.map((a) => [a.id, a.code])} />
        <FilterSelect label="Thematic area" name="area" value={filters.area} options={THEMATIC_AREAS.map((a) => [a, a])} />
        <div>
          <label htmlFor="filter-tag" className="block text-sm font-semibold">Tag</label>
          <input id="filter-tag" name="tag" defaultValue={filters.tag} className="mt-1 block w-full rounded-md border border-line px-3 py-2" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Filter</button>
          <Link to="/posts" className="rounded-md px-3 py-2 font-semibold">Clear</Link>
        </div>
      </Form>
      {!signedIn ? <p className="mb-4 text-sm text-muted"><Link to="/login?redirectTo=/posts">Log in</Link> to see members-only posts and to comment.</p> : null}
      {empty ? (
        <Card>
          <p>{firstPage ? "No posts match these filters yet." : "No more posts."}</p>
        </Card>
      ) : (
        <ul className="space-y-4" aria-label="Posts">
          {[...pinned, ...posts].map((post) => (
            <li key={post.id}>
              <PostCard post={post} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="More posts" className="mt-6 flex justify-between">
        {!firstPage ? <Link to="/posts">Newest posts</Link> : <span />}
        {next ? <Link to={next} rel="next">Older posts</Link> : null}
      </nav>
    </div>
  );
}

function FilterSelect({ label, name, value, options }: { label: string; name: string; value: string; options: [string, string][] }) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">{label}</label>
      <select id={id} name={name} defaultValue={value} className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2">
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </div>
  );
}
