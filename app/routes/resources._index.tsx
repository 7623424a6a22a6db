import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";
import { ResourceMeta } from "#app/components/resources/resource-meta.tsx";
import { FilterSelect, FilterText } from "#app/components/roster/filters.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { FileText, MessageCircleQuestion, Plus, Sparkles } from "#app/components/ui/icons.tsx";
import { canContribute, featuredShelf, libraryTags, listLibrary } from "#app/modules/resources/library.server.ts";
import { LibraryQuerySchema } from "#app/modules/resources/resources.schema.ts";
import { fileTypeLabel, languageName, RESOURCE_LANGUAGES, RESOURCE_REGIONS, RESOURCE_TOPICS } from "#app/modules/resources/taxonomy.ts";
import { excerpt } from "#app/modules/posts/posts.server.ts";

export const meta: MetaFunction = () => pageMeta("Resources", "Resources from the MIEUX+ network: answered Morning Coffee questions, publications and cultural-agility tips.");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = LibraryQuerySchema.parse(Object.fromEntries(url.searchParams));
  const filtered = Object.values(query).some(Boolean);
  const [{ resources, answers }, featured, tags] = await Promise.all([listLibrary(query, { viewer: context.user }), filtered ? Promise.resolve([]) : featuredShelf(), libraryTags()]);
  const card = (r: (typeof resources)[number]) => ({
    id: r.id,
    title: r.title,
    summary: r.summary || excerpt(r.body),
    topic: r.topic,
    region: r.region,
    language: r.language,
    tags: r.tags,
    createdAt: r.createdAt,
    format: [r.fileType ? fileTypeLabel(r.fileType) : null, r.externalUrl ? "Link" : null, r.body ? "Text" : null].filter(Boolean).join(" · "),
  });
  return {
    query,
    filtered,
    resources: resources.map(card),
    featured: featured.map(card),
    answers: answers.map((p) => ({ id: p.id, title: p.title, excerpt: excerpt(p.body), createdAt: p.createdAt, author: p.author?.deletedAt ? "Former member" : (p.author?.name ?? "MIEUX+ team") })),
    tags: query.tag && !tags.includes(query.tag) ? [query.tag, ...tags] : tags,
    canAdd: canContribute(context.user),
  };
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["resources"][number];

function ResourceCard({ r, headingLevel = 2 }: { r: Item; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Card className="h-full p-4 sm:p-5">
      <ResourceMeta topic={r.topic} region={r.region} language={r.language} tags={r.tags} />
      <Heading className="mt-2 text-xl font-bold">
        <Link to={`/resources/${r.id}`}>{r.title}</Link>
      </Heading>
      {r.summary ? <p className="mt-1">{r.summary}</p> : null}
      <p className="mt-2 text-sm text-muted">
        {r.format} · <DateTime value={r.createdAt} />
      </p>
    </Card>
  );
}

const languages = Object.entries(RESOURCE_LANGUAGES).sort((a, b) => (a[1] < b[1] ? -1 : 1));

export default function ResourcesPage() {
  const { query, filtered, resources, featured, answers, tags, canAdd } = useLoaderData<typeof loader>();
  const count = resources.length + answers.length;
  return (
    <div>
      <PageHeader
        title="Resources"
        lead="Guides, publications, cultural-agility tips and answers from Morning Coffee Q&As, shared with the network."
        actions={
          canAdd ? (
            <Button asChild size="sm">
              <Link to="/resources/new"><Plus aria-hidden="true" className="size-4" /> Add a resource</Link>
            </Button>
          ) : null
        }
      />
      <Form method="get" role="search" aria-label="Search and filter resources" className="mb-6 rounded-lg border border-line bg-white p-4">
        <div className="flex flex-wrap items-end gap-3">
          <FilterText label="Search" name="q" type="search" defaultValue={query.q} placeholder="e.g. data collection" className="mb-0 min-w-0 flex-1 basis-56" />
          <Button type="submit">Search</Button>
        </div>
        <div className="mt-3 grid gap-x-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect label="Topic" name="topic" defaultValue={query.topic}>
            <option value="">All topics</option>
            {RESOURCE_TOPICS.map((t) => <option key={t} value={t}>{t}</option>)}
          </FilterSelect>
          <FilterSelect label="Region" name="region" defaultValue={query.region}>
            <option value="">All regions</option>
            {RESOURCE_REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
          </FilterSelect>
          <FilterSelect label="Language" name="language" defaultValue={query.language}>
            <option value="">All languages</option>
            {languages.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </FilterSelect>
          <FilterSelect label="Tag" name="tag" defaultValue={query.tag}>
            <option value="">All tags</option>
            {tags.map((t) => <option key={t} value={t}>{t}</option>)}
          </FilterSelect>
        </div>
        {filtered ? <p className="text-sm"><Link to="/resources">Clear search and filters</Link></p> : null}
      </Form>

      {featured.length ? (
        <section aria-labelledby="featured-heading" className="mb-8">
          <h2 id="featured-heading" className="flex items-center gap-2 text-2xl font-bold">
            <Sparkles aria-hidden="true" className="size-5 text-brand-700" /> Featured
          </h2>
          <ul className="mt-3 grid gap-4 md:grid-cols-3">
            {featured.map((r) => <li key={r.id}><ResourceCard r={r} headingLevel={3} /></li>)}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="library-heading">
        <h2 id="library-heading" className="text-2xl font-bold">{filtered ? `${count} result${count === 1 ? "" : "s"}` : "All resources"}</h2>
        {filtered && query.q ? <p className="text-sm text-muted">for “{query.q}”{query.language ? ` in ${languageName(query.language)}` : ""}</p> : null}
        {count === 0 ? (
          <Card className="mt-3">
            <p>{filtered ? "No resource matches. Try fewer words or another filter." : "No resources yet."}</p>
          </Card>
        ) : (
          <ul className="mt-3 grid gap-4 md:grid-cols-2">
            {resources.map((r) => <li key={r.id}><ResourceCard r={r} headingLevel={3} /></li>)}
            {answers.map((a) => (
              <li key={a.id}>
                <Card className="h-full p-4 sm:p-5">
                  <p className="flex items-center gap-1 text-sm font-semibold text-brand-800">
                    <MessageCircleQuestion aria-hidden="true" className="size-4" /> Morning Coffee Q&amp;A
                  </p>
                  <h3 className="mt-2 text-xl font-bold"><Link to={`/posts/${a.id}`}>{a.title}</Link></h3>
                  <p className="mt-1">{a.excerpt}</p>
                  <p className="mt-2 text-sm text-muted">{a.author} · <DateTime value={a.createdAt} /></p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-6 flex items-center gap-2 text-sm text-muted">
        <FileText aria-hidden="true" className="size-4" /> Organisers and Focal Points add resources; organisers choose the featured ones.
      </p>
    </div>
  );
}
