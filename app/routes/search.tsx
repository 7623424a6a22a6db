import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "#app/components/roster/filters.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { MAX_QUERY_LENGTH } from "#app/modules/search/query.ts";
import { search } from "#app/modules/search/search.server.ts";
import { SEARCH_TYPES, TYPE_LABELS, type SearchType } from "#app/modules/search/types.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { cn } from "#app/utils/misc.ts";

export const meta = () => pageMeta("Search", "Search posts, comments, resources, Actions, Spotlights, calls, Morning Coffees and experts in one place.");

/** One label per result, in the singular. */
const TYPE_NAME: Record<SearchType, string> = {
  post: "Post",
  comment: "Comment",
  resource: "Resource",
  action: "Action",
  spotlight: "Spotlight",
  call: "Call for experts",
  coffee: "Morning Coffee",
  expert: "Expert",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const typeParam = url.searchParams.get("type") ?? "";
  const type = (SEARCH_TYPES as readonly string[]).includes(typeParam) ? (typeParam as SearchType) : null;
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  const user = context.user;
  const roster = user?.emailVerified ? await rosterViewer(user) : null;
  const result = await search({ user: user ? { id: user.id, emailVerified: user.emailVerified } : null, roster }, { q, type, page });
  return { q, type, result };
}

function searchLink(q: string, type: SearchType | null, page = 1) {
  const params = new URLSearchParams({ q });
  if (type) params.set("type", type);
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

export default function SearchPage() {
  const { q, type, result } = useLoaderData<typeof loader>();
  const asked = result.terms.length > 0;
  const all = Object.values(result.byType).reduce((a, b) => a + (b ?? 0), 0);
  // Beyond the ranked cap every count is a lower bound ("1,000+", "Posts (312+)").
  const plus = result.more ? "+" : "";
  const countText = `${result.total.toLocaleString("en-GB")}${plus} ${result.total === 1 && !result.more ? "result" : "results"}`;
  return (
    <div>
      <PageHeader title="Search" lead="Posts, comments, resources, Actions, Spotlights, calls for experts, Morning Coffees and experts, in one list." />
      <Form method="get" action="/search" role="search" className="mb-6 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-page-q" className="mb-1 block font-semibold">
            Search for
          </label>
          <input
            id="search-page-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
            className="w-full rounded-md border border-line px-3 py-2"
          />
        </div>
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Search
        </button>
      </Form>

      {asked ? (
        <>
          <nav aria-label="Type of result" className="mb-4">
            <ul className="flex flex-wrap gap-2">
              <li>
                <TypeLink to={searchLink(q, null)} current={!type} label="Everything" count={`${all.toLocaleString("en-GB")}${plus}`} />
              </li>
              {SEARCH_TYPES.filter((t) => result.byType[t] || t === type).map((t) => (
                <li key={t}>
                  <TypeLink to={searchLink(q, t)} current={type === t} label={TYPE_LABELS[t]} count={`${(result.byType[t] ?? 0).toLocaleString("en-GB")}${plus}`} />
                </li>
              ))}
            </ul>
          </nav>
          <p role="status" className="mb-4 text-muted">
            {result.total ? `${countText} for “${q}”${type ? ` in ${TYPE_LABELS[type]}` : ""}.` : ""}
          </p>
          {result.hits.length ? (
            <ol className="space-y-3">
              {result.hits.map((hit) => (
                <li key={`${hit.type}:${hit.id}`}>
                  <Card className="p-4">
                    <p className="text-sm font-semibold text-muted">{TYPE_NAME[hit.type]}</p>
                    <h2 className="text-lg font-bold break-words">
                      {/* Escaped by the search module: only its <mark> elements are markup. */}
                      <Link to={hit.url} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                    </h2>
                    {hit.snippetHtml ? <p className="mt-1 break-words" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} /> : null}
                  </Card>
                </li>
              ))}
            </ol>
          ) : (
            <Card className="p-6">
              <h2 className="text-lg font-bold">Nothing found</h2>
              <p className="mt-1">
                Nothing matches “{q}”{type ? ` in ${TYPE_LABELS[type]}` : ""}. Try fewer or shorter words: the start of a word is enough.
                {type ? (
                  <>
                    {" "}
                    <Link to={searchLink(q, null)}>Search everything</Link>.
                  </>
                ) : null}
              </p>
            </Card>
          )}
          <Pagination page={result.page} pages={result.pages} link={(p) => searchLink(q, type, p)} label="Pages of results" />
        </>
      ) : (
        <p className="text-muted">Type a word or the start of one: accents and capitals do not matter.</p>
      )}
    </div>
  );
}

function TypeLink({ to, current, label, count }: { to: string; current: boolean; label: string; count: string }) {
  return (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm font-semibold no-underline",
        current ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white text-brand-900 hover:bg-brand-50",
      )}
    >
      {`${label} (${count})`}
    </Link>
  );
}
