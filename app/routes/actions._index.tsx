import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Plus } from "#app/components/ui/icons.tsx";
import { FilterSelect } from "#app/components/roster/filters.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { listActions } from "#app/modules/actions/catalogue.server.ts";
import { actionStatusLabel, REGIONS, THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { countryName } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("MIEUX+ Actions", "MIEUX+ Actions by region and thematic area: peer-to-peer cooperation between EU Member States and partner administrations.");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const region = (REGIONS as readonly string[]).includes(url.searchParams.get("region") ?? "") ? url.searchParams.get("region")! : "";
  const area = (THEMATIC_AREAS as readonly string[]).includes(url.searchParams.get("area") ?? "") ? url.searchParams.get("area")! : "";
  return { actions: await listActions({ region, area }), region, area, canCreate: hasRole(context.user?.role, "organiser") };
}

const year = (d: string | Date | null) => (d ? new Date(d).getUTCFullYear() : null);

export default function ActionsPage() {
  const { actions, region, area, canCreate } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="MIEUX+ Actions"
        lead="Peer-to-peer cooperation projects that bring EU Member State expertise to partner administrations in Africa, Asia, the EU Neighbourhood and Latin America and the Caribbean."
        actions={
          canCreate ? (
            <Button asChild size="sm">
              <Link to="/actions/new"><Plus aria-hidden="true" className="size-4" /> New Action</Link>
            </Button>
          ) : null
        }
      />
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Filter Actions">
        <FilterSelect label="Region" name="region" defaultValue={region} className="mb-0 min-w-48">
          <option value="">All regions</option>
          {REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
        </FilterSelect>
        <FilterSelect label="Thematic area" name="area" defaultValue={area} className="mb-0 min-w-64">
          <option value="">All thematic areas</option>
          {THEMATIC_AREAS.map((a) => <option key={a} value={a}>{a}</option>)}
        </FilterSelect>
        <Button type="submit" variant="secondary">Filter</Button>
      </Form>
      {actions.length ? (
        <ul className="grid gap-4 md:grid-cols-2">
          {actions.map((a) => (
            <li key={a.id}>
              <Card className="h-full p-4 sm:p-5">
                <p className="text-sm font-semibold text-muted">{countryName(a.partnerCountry)} · {a.region}</p>
                <h2 className="mt-1 text-xl font-bold"><Link to={`/actions/${a.slug}`}>{a.code}</Link></h2>
                <p className="mt-1">{a.title}</p>
                <p className="mt-2 text-sm text-muted">
                  {actionStatusLabel(a.status)} · {a.thematicArea}
                  {a.startDate ? ` · ${year(a.startDate)}${a.endDate && year(a.endDate) !== year(a.startDate) ? `–${year(a.endDate)}` : ""}` : ""}
                  {` · ${a._count.deployments} expert deployment${a._count.deployments === 1 ? "" : "s"}`}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Card><p>No Action matches these filters.</p></Card>
      )}
    </div>
  );
}
