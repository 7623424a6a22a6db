import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { Plus, Sparkles } from "#app/components/ui/icons.tsx";
import { listSpotlights } from "#app/modules/actions/spotlights.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { excerpt } from "#app/modules/posts/posts.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Action Spotlights", "Action Spotlights presented at Morning Coffees: highlights, achievements and the migration context of MIEUX+ Actions.");

export async function loader({ context }: LoaderFunctionArgs) {
  const organiser = hasRole(context.user?.role, "organiser");
  const spotlights = await listSpotlights({ includeDrafts: organiser });
  return {
    organiser,
    spotlights: spotlights.map(({ highlights, summary, ...s }) => ({ ...s, summary: summary || excerpt(highlights) })),
  };
}

export default function SpotlightsPage() {
  const { spotlights, organiser } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Action Spotlights"
        lead="Each Morning Coffee features Action Spotlights: highlights and achievements of MIEUX+ Actions, and the migration context of the partner country."
        actions={
          organiser ? (
            <Button asChild size="sm">
              <Link to="/spotlights/new"><Plus aria-hidden="true" className="size-4" /> New Spotlight</Link>
            </Button>
          ) : null
        }
      />
      {spotlights.length === 0 ? (
        <Card>
          <p>No Spotlight has been published yet.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {spotlights.map((s) => (
            <li key={s.id}>
              <Card className="h-full">
                <div className="flex items-start gap-3">
                  <Sparkles aria-hidden="true" className="mt-1 size-5 shrink-0 text-brand-700" />
                  <div className="min-w-0">
                    <h2 className="text-xl font-bold"><Link to={`/spotlights/${s.slug}`}>{s.title}</Link></h2>
                    <p className="text-sm text-muted">
                      {[s.status === "draft" ? "Draft" : null, s.country ? countryName(s.country) : null, s.action ? `Action ${s.action.code}` : null].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                </div>
                {s.summary ? <p className="mt-3">{s.summary}</p> : null}
                {s.coffees.length ? (
                  <p className="mt-3 text-sm">
                    Presented at{" "}
                    {s.coffees.map(({ coffee }, i) => (
                      <span key={coffee.slug}>
                        {i ? "; " : ""}
                        <Link to={`/sessions/${coffee.slug}`}>{coffee.title}</Link>, <DateTime value={coffee.startsAt} />
                      </span>
                    ))}
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
