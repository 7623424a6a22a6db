import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "#app/components/roster/filters.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { listPendingApplications } from "#app/modules/roster/applications.server.ts";
import { focalPointsByState } from "#app/modules/roster/focal-points.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Focal Points by Member State", "The MIEUX+ Focal Points of each EU Member State, who channel opportunities to their experts and institutions.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const viewer = await rosterViewer(user);
  const [states, pending] = await Promise.all([focalPointsByState(), viewer.isOrganiser || viewer.focalStates.length ? listPendingApplications(viewer) : []]);
  const waiting: Record<string, number> = {};
  for (const a of pending) waiting[a.memberState] = (waiting[a.memberState] ?? 0) + 1;
  return {
    states: states.sort((a, b) => countryName(a.code).localeCompare(countryName(b.code))),
    myStates: viewer.focalStates,
    waiting,
  };
}

export default function FocalPointsPage() {
  const { states, myStates, waiting } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Focal Points by Member State"
        lead="Each EU Member State names Focal Points, at country or institution level, who channel cooperation opportunities to its experts and review roster applications."
      />
      {myStates.length ? (
        <Card className="mb-6 border-brand-200 bg-brand-50">
          <p>
            You are a Focal Point for{" "}
            {myStates.map((code, i) => (
              <span key={code}>
                {i > 0 ? ", " : ""}
                <Link to={`/focal-points/${code}`}>{countryName(code)}</Link>
              </span>
            ))}
            . Open your Member State to review applications and see who needs to refresh their profile.
          </p>
        </Card>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {states.map((s) => (
          <li key={s.code}>
            <Card className="h-full p-4 sm:p-5">
              <h2 className="text-xl font-bold">
                <Link to={`/focal-points/${s.code}`}>{countryName(s.code)}</Link>
              </h2>
              <p className="text-sm text-muted">{`${s.experts.toLocaleString("en-GB")} expert${s.experts === 1 ? "" : "s"} on the roster`}</p>
              {waiting[s.code] ? (
                <p className="mt-1">
                  <Badge tone="warning">{`${waiting[s.code]} application${waiting[s.code] === 1 ? "" : "s"} waiting for a decision`}</Badge>
                </p>
              ) : null}
              {s.focalPoints.length ? (
                <ul className="mt-2 space-y-1 text-sm">
                  {s.focalPoints.map((fp) => (
                    <li key={fp.id}>
                      <span className="font-semibold">{fp.user.name}</span>
                      <span className="text-muted"> — {fp.level === "institution" ? fp.institutionName ?? "Institution level" : "Country Focal Point"}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-muted">No Focal Point named yet.</p>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
