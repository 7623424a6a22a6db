import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Sparkles } from "#app/components/ui/icons.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { listSpotlights } from "#app/modules/coffee/spotlights.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { formatDateTime } from "#app/utils/misc.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Action Spotlights", "Action Spotlights presented at Morning Coffees: highlights, achievements and the migration context of MIEUX+ Actions.");

export async function loader() {
  return { spotlights: await listSpotlights() };
}

export default function SpotlightsPage() {
  const { spotlights } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Action Spotlights"
        lead="Each Morning Coffee features Action Spotlights: highlights and achievements of MIEUX+ Actions, and the migration context of the partner country."
      />
      {spotlights.length === 0 ? (
        <Card>
          <p>No Spotlight has been presented yet. They appear here once a Morning Coffee featuring them is published.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {spotlights.map((s) => (
            <li key={s.id}>
              <Card className="h-full">
                <div className="flex items-start gap-3">
                  <Sparkles aria-hidden="true" className="mt-1 size-5 shrink-0 text-brand-700" />
                  <div>
                    <h2 className="text-xl font-bold">{s.title}</h2>
                    <p className="text-sm text-muted">
                      {[countryName(s.country), s.action?.code].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                </div>
                {s.highlights ? <p className="mt-3">{s.highlights}</p> : null}
                {s.migrationContext ? <p className="mt-2 text-sm text-muted">{s.migrationContext}</p> : null}
                <p className="mt-3 text-sm">
                  Presented at <Link to={`/sessions/${s.coffee.slug}`}>{s.coffee.title}</Link>, {formatDateTime(s.coffee.startsAt, s.coffee.timezone)}
                  {s.action ? (
                    <>
                      {" · "}
                      <Link to={`/actions/${s.action.slug}`}>About the Action {s.action.code}</Link>
                    </>
                  ) : null}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
