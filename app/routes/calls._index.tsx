import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CallFactsList } from "#app/components/calls/call-facts.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { Plus } from "#app/components/ui/icons.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { listCalls } from "#app/modules/calls/calls.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Calls for experts", "Open calls for MIEUX+ experts: the Action, the profile sought, the languages, the mission dates and the deadline.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const { open, closed } = await listCalls(args.context.now());
  return { open, closed, canPublish: hasRole(user.role, "organiser") };
}

type Call = Awaited<ReturnType<typeof listCalls>>["open"][number];

function CallCard({ call, closed }: { call: Call; closed?: boolean }) {
  return (
    <Card className="h-full p-4 sm:p-5">
      <p className="text-sm font-semibold text-muted">
        {call.action.code} · {closed ? "Closed" : "Open"}
      </p>
      <h3 className="mt-1 text-xl font-bold"><Link to={`/calls/${call.id}`}>{call.title}</Link></h3>
      <div className="mt-2"><CallFactsList call={call} /></div>
      <p className="mt-2 text-sm text-muted">
        {call._count.interests} interest{call._count.interests === 1 ? "" : "s"}
        {closed ? ` · ${call.selectedCount} of ${call.expertsNeeded} selected` : ""}
      </p>
    </Card>
  );
}

export default function CallsPage() {
  const { open, closed, canPublish } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Calls for experts"
        lead="Missions on MIEUX+ Actions looking for roster experts. Express your interest before the deadline; your Focal Point is told and can endorse you."
        actions={
          canPublish ? (
            <Button asChild size="sm">
              <Link to="/calls/new"><Plus aria-hidden="true" className="size-4" /> New call</Link>
            </Button>
          ) : null
        }
      />
      <section aria-labelledby="open-calls">
        <h2 id="open-calls" className="mb-3 text-2xl font-bold">Open calls</h2>
        {open.length ? (
          <ul className="grid gap-4 md:grid-cols-2">{open.map((c) => <li key={c.id}><CallCard call={c} /></li>)}</ul>
        ) : (
          <Card><p>No call is open right now.</p></Card>
        )}
      </section>
      <section aria-labelledby="closed-calls" className="mt-8">
        <h2 id="closed-calls" className="mb-3 text-2xl font-bold">Closed calls</h2>
        {closed.length ? (
          <ul className="grid gap-4 md:grid-cols-2">{closed.map((c) => <li key={c.id}><CallCard call={c} closed /></li>)}</ul>
        ) : (
          <Card><p>No closed calls yet.</p></Card>
        )}
      </section>
    </div>
  );
}
