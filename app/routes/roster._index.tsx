import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { BarChart3, Download, UserPlus } from "#app/components/ui/icons.tsx";
import { Badge, FilterSelect, FilterText, Pagination } from "#app/components/roster/filters.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { directoryParams, parseDirectoryQuery, type DirectoryQuery } from "#app/modules/roster/directory-query.ts";
import { searchDirectory } from "#app/modules/roster/directory.server.ts";
import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES, LANGUAGE_CODES, languageName, SORTS, THEMATIC_AREAS, type InstitutionType } from "#app/modules/roster/taxonomy.ts";
import { byCountryName, countryName, EU_MEMBER_STATES } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Expert Roster", "Search the MIEUX+ Expert Roster: public officials from EU Member States by thematic area, language and availability.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const viewer = await rosterViewer(user);
  const query = parseDirectoryQuery(new URL(args.request.url).searchParams);
  const { experts, ...page } = await searchDirectory(viewer, query);
  // Labels are put together here, once: the page shows them as text, and a few strings per expert
  // cost far less to send for hydration than nested lists of areas and language objects.
  const result = {
    ...page,
    experts: experts.map((e) => ({
      id: e.id,
      name: e.name,
      role: [e.position, e.institution].filter(Boolean).join(", "),
      place: `${countryName(e.memberState)} · ${INSTITUTION_TYPE_LABELS[e.institutionType as InstitutionType] ?? e.institutionType}`,
      availableNow: e.availableNow,
      deployments: e.deployments,
      restricted: e.restricted,
      areas: e.thematicAreas.join(" · "),
      languages: e.languages.map((l) => `${languageName(l.language)} (${l.level})`).join(", "),
    })),
  };
  return {
    query,
    result,
    canExport: viewer.isOrganiser,
    isExpert: hasRole(user.role, "expert"),
    exportQuery: directoryParams({ ...query, page: 1 }).toString(),
  };
}

const STATE_OPTIONS = [...EU_MEMBER_STATES].sort(byCountryName);

/**
 * One search form. On small screens only the text search shows until "Show all filters" is
 * ticked (a CSS-only toggle: no script, nothing submitted); on large screens everything shows.
 */
function DirectoryFilters({ query, filtered }: { query: DirectoryQuery; filtered: boolean }) {
  const narrowed = !!(query.state || query.area || query.type || query.lang || query.deployed || query.available || query.sort !== "name");
  return (
    <Form method="get" role="search" aria-label="Search the roster" className="group">
      <FilterText label="Name, institution or keyword" name="q" type="search" defaultValue={query.q} placeholder="e.g. asylum, Tallinn, Kowalska" />
      <div className="mb-3 flex items-center gap-2 lg:hidden">
        <input id="show-filters" type="checkbox" defaultChecked={narrowed} className="peer size-4 accent-brand-700" />
        <label htmlFor="show-filters" className="text-sm font-semibold text-ink">Show all filters</label>
      </div>
      <div className="hidden group-has-[#show-filters:checked]:block lg:block">
        <FilterSelect label="Member State" name="state" defaultValue={query.state}>
          <option value="">All Member States</option>
          {STATE_OPTIONS.map((code) => (
            <option key={code} value={code}>{countryName(code)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label="Thematic area" name="area" defaultValue={query.area}>
          <option value="">All thematic areas</option>
          {THEMATIC_AREAS.map((a) => (
            <option key={a} value={a}>{a}</option>
          ))}
        </FilterSelect>
        <FilterSelect label="Institution type" name="type" defaultValue={query.type}>
          <option value="">All institution types</option>
          {INSTITUTION_TYPES.map((t) => (
            <option key={t} value={t}>{INSTITUTION_TYPE_LABELS[t]}</option>
          ))}
        </FilterSelect>
        <FilterSelect label="Working language" name="lang" defaultValue={query.lang}>
          <option value="">Any language</option>
          {LANGUAGE_CODES.map((code) => (
            <option key={code} value={code}>{languageName(code)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label="Deployments" name="deployed" defaultValue={query.deployed}>
          <option value="">Deployed or not</option>
          <option value="yes">Deployed on an Action</option>
          <option value="no">Not yet deployed</option>
        </FilterSelect>
        <div className="mb-3 flex items-center gap-2">
          <input id="available" type="checkbox" name="available" value="1" defaultChecked={query.available} className="size-4 accent-brand-700" />
          <label htmlFor="available" className="text-sm font-semibold text-ink">Available for deployment now</label>
        </div>
        <FilterSelect label="Sort by" name="sort" defaultValue={query.sort}>
          {Object.entries(SORTS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </FilterSelect>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">Search</Button>
        {filtered ? <Link to="/roster" className="text-sm">Clear filters</Link> : null}
      </div>
    </Form>
  );
}

export default function RosterDirectory() {
  const { query, result, canExport, isExpert, exportQuery } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "loading";
  const pageLink = (p: number) => `?${directoryParams({ ...query, page: p })}`;
  const first = result.total ? (result.page - 1) * result.perPage + 1 : 0;
  const last = Math.min(result.total, result.page * result.perPage);
  const filtered = !!(query.q || query.state || query.area || query.type || query.lang || query.deployed || query.available);
  return (
    <div>
      <PageHeader
        title="Expert Roster"
        lead="Public officials from EU Member States who share migration know-how with partner administrations. Search by name, institution or topic, and filter by what you need."
        actions={
          <>
            <Button asChild variant="secondary" size="sm">
              <Link to="/roster/stats">
                <BarChart3 aria-hidden="true" className="size-4" /> Roster statistics
              </Link>
            </Button>
            {canExport ? (
              <Button asChild variant="secondary" size="sm">
                <a href={`/roster/export.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
                  <Download aria-hidden="true" className="size-4" /> Export these results (CSV)
                </a>
              </Button>
            ) : null}
            {!isExpert ? (
              <Button asChild size="sm">
                <Link to="/settings/roster">
                  <UserPlus aria-hidden="true" className="size-4" /> Apply to join
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[17rem_1fr]">
        <Card className="h-fit p-4 sm:p-5">
          <h2 className="mb-3 font-sans text-base font-bold text-ink">Search and filter</h2>
          <DirectoryFilters query={query} filtered={filtered} />
        </Card>

        <section aria-labelledby="results-heading" aria-busy={busy}>
          <h2 id="results-heading" className="sr-only">Results</h2>
          <p className="mb-3 text-sm text-muted" role="status">
            {result.total
              ? `Showing ${first}–${last} of ${result.total.toLocaleString("en-GB")} expert${result.total === 1 ? "" : "s"}`
              : "No experts match this search."}
          </p>
          {result.total === 0 ? (
            <Card>
              <p>Try fewer filters or another word. Experts choose who sees their profile, so some may not appear for you.</p>
            </Card>
          ) : (
            <ul className="space-y-3">
              {result.experts.map((e) => (
                <li key={e.id}>
                  <Card className="p-4 sm:p-5">
                    <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0">
                        <h3 className="text-lg font-bold">
                          <Link to={`/roster/${e.id}`}>{e.name}</Link>
                        </h3>
                        <p className="text-sm text-ink">{e.role}</p>
                        <p className="text-sm text-muted">{e.place}</p>
                      </div>
                      <div className="flex flex-wrap gap-1.5 sm:justify-end">
                        {e.availableNow ? <Badge tone="success">Available now</Badge> : null}
                        {e.deployments ? <Badge tone="brand">Deployed {e.deployments === 1 ? "once" : `${e.deployments} times`}</Badge> : <Badge>Not yet deployed</Badge>}
                        {e.restricted ? <Badge tone="warning">Restricted profile</Badge> : null}
                      </div>
                    </div>
                    <p className="mt-2 text-sm">
                      <span className="sr-only">Thematic areas: </span>
                      {e.areas}
                    </p>
                    <p className="mt-1 text-sm text-muted">
                      <span className="font-semibold text-ink">Languages:</span> {e.languages}
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={result.page} pages={result.pages} link={pageLink} label="Result pages" />
        </section>
      </div>
    </div>
  );
}
