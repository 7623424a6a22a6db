import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { Plus } from "#app/components/ui/icons.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { listRequests, submitterStates } from "#app/modules/requests/requests.server.ts";
import { REQUEST_STATUS_LABELS, type RequestStatus } from "#app/modules/requests/rules.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Knowledge-exchange requests", "Topics of shared interest proposed by EU and partner institutions, and where each request stands.");

export async function loader(args: LoaderFunctionArgs) {
  const viewer = await rosterViewer(requireVerifiedUser(args));
  const [requests, states] = await Promise.all([listRequests(viewer), submitterStates(viewer)]);
  return { requests, canSubmit: states.length > 0, isOrganiser: viewer.isOrganiser };
}

export default function RequestsPage() {
  const { requests, canSubmit, isOrganiser } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Knowledge-exchange requests"
        lead="The institutional avenue: institutions of EU Member States and partner countries propose a topic of shared interest, through a Focal Point or an expert. The MIEUX+ team reviews each request and keeps you posted."
        actions={
          canSubmit ? (
            <Button asChild size="sm">
              <Link to="/requests/new"><Plus aria-hidden="true" className="size-4" /> New request</Link>
            </Button>
          ) : null
        }
      />
      <h2 className="mb-3 text-2xl font-bold">{isOrganiser ? "All requests" : "Requests you can follow"}</h2>
      {requests.length ? (
        <ul className="grid gap-3">
          {requests.map((r) => (
            <li key={r.id}>
              <Card className="p-4">
                <h3 className="text-lg font-bold break-words"><Link to={`/requests/${r.id}`}>{r.topic}</Link></h3>
                <p className="text-sm text-muted">
                  <strong>{REQUEST_STATUS_LABELS[r.status as RequestStatus]}</strong> · {countryName(r.memberState)} · {r.thematicArea}
                  {r.submitter ? ` · submitted by ${r.submitter.name}` : ""} · updated <DateTime value={r.updatedAt} />
                </p>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Card><p>{canSubmit ? "No requests yet. Propose a topic with New request." : "No requests to show. Focal Points and roster experts submit requests; you see the ones you submitted or that concern your Member State."}</p></Card>
      )}
    </div>
  );
}
