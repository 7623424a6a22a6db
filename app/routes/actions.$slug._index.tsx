import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft } from "#app/components/ui/icons.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { deployedExpertsFor, getActionBySlug } from "#app/modules/actions/catalogue.server.ts";
import { actionStatusLabel } from "#app/modules/actions/taxonomy.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { recordDeployment, removeDeployment } from "#app/modules/roster/deployments.server.ts";
import { DeploymentSchema } from "#app/modules/roster/roster.schema.ts";
import { countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(`${data.action.code}: ${data.action.title}`, data.action.summary || `The MIEUX+ Action ${data.action.code}: its partner, period and deployed experts.`) : pageMeta("Action not found", "This MIEUX+ Action does not exist.");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const action = await getActionBySlug(params.slug ?? "");
  if (!action) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const deployments = await deployedExpertsFor(context.user, action.deployments);
  const { deployments: _all, ...rest } = action;
  return { action: rest, deployments, canManage: hasRole(context.user?.role, "organiser") };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const viewer = await rosterViewer(user);
  const found = await getActionBySlug(args.params.slug ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const formData = await args.request.formData();
  const back = `/actions/${found.slug}`;
  if (formData.get("intent") === "remove") {
    const result = await removeDeployment(viewer, String(formData.get("id") ?? ""), { ip: args.context.ip });
    return redirectWithToast(back, result.ok ? { type: "success", title: "Deployment removed" } : { type: "error", title: result.error.message });
  }
  formData.set("actionId", found.id);
  const parsed = parseForm(formData, DeploymentSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await recordDeployment(viewer, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast(back, { type: "success", title: `${result.value.name}'s deployment on ${found.code} is recorded` });
}

const month = (d: string | Date) => new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(d));

export default function ActionPage() {
  const { action: item, deployments, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const hidden = deployments.filter((d) => !d.expert).length;
  const v = actionData?.values ?? {};
  const e = actionData?.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <Link to="/actions" className="inline-flex items-center gap-1 text-sm">
        <ArrowLeft aria-hidden="true" className="size-4" /> All Actions
      </Link>
      <div>
        <p className="text-sm font-semibold text-muted">{countryName(item.partnerCountry)} · {item.region}</p>
        <h1 className="mt-1 text-3xl font-bold sm:text-4xl">{item.code}</h1>
        <p className="mt-2 max-w-3xl text-lg">{item.title}</p>
        {canManage ? (
          <p className="mt-3">
            <Button asChild variant="secondary" size="sm"><Link to={`/actions/${item.slug}/edit`}>Edit the Action</Link></Button>
          </p>
        ) : null}
      </div>
      <Card>
        <dl className="grid gap-4 sm:grid-cols-4">
          <div><dt className="text-sm text-muted">Status</dt><dd className="font-semibold">{actionStatusLabel(item.status)}</dd></div>
          <div><dt className="text-sm text-muted">Thematic area</dt><dd className="font-semibold">{item.thematicArea}</dd></div>
          <div><dt className="text-sm text-muted">Partner country</dt><dd className="font-semibold">{countryName(item.partnerCountry)}</dd></div>
          <div><dt className="text-sm text-muted">Period</dt><dd className="font-semibold">{item.startDate ? `${month(item.startDate)}${item.endDate ? ` – ${month(item.endDate)}` : " – ongoing"}` : "To be scheduled"}</dd></div>
        </dl>
        {item.impactAreas.length ? (
          <div className="mt-4">
            <h2 className="text-sm text-muted">Impact areas</h2>
            <ul className="mt-1 flex flex-wrap gap-2">
              {item.impactAreas.map((a) => <li key={a} className="rounded border border-line bg-surface px-2 py-0.5 text-sm">{a}</li>)}
            </ul>
          </div>
        ) : null}
        {item.summary ? <p className="mt-4 whitespace-pre-line">{item.summary}</p> : null}
        {item.spotlights.length ? (
          <p className="mt-4">
            Action Spotlight{item.spotlights.length > 1 ? "s" : ""}:{" "}
            {item.spotlights.map((s, i) => (
              <span key={s.slug}>{i ? ", " : ""}<Link to={`/spotlights/${s.slug}`}>{s.title}</Link></span>
            ))}
          </p>
        ) : null}
      </Card>
      <Card>
        <h2 className="text-xl font-bold">Experts deployed ({deployments.length})</h2>
        {deployments.length ? (
          <ul className="mt-3 divide-y divide-line">
            {deployments.filter((d) => d.expert).map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link to={`/roster/${d.expert!.id}`} className="font-semibold">{d.expert!.name}</Link>
                  <span className="text-muted"> — {d.role}, {countryName(d.memberState)} · {month(d.startDate)}{d.endDate ? ` – ${month(d.endDate)}` : ""}</span>
                </span>
                {canManage ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="id" value={d.id} />
                    <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${d.expert!.name}'s deployment`}>Remove</Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted">No deployment recorded yet.</p>
        )}
        {hidden ? <p className="mt-2 text-sm text-muted">{hidden} more expert{hidden === 1 ? "" : "s"} whose profile{hidden === 1 ? " is" : "s are"} not visible to you{deployments.length === hidden ? " (log in to see the experts)" : ""}.</p> : null}
      </Card>
      {canManage ? (
        <Card>
          <h2 className="text-xl font-bold">Record a deployment</h2>
          <Form method="post" className="mt-4 grid max-w-3xl gap-x-4 sm:grid-cols-2" noValidate>
            {actionData?.formError ? <Alert tone="error" className="sm:col-span-2">{actionData.formError}</Alert> : null}
            <TextField label="Expert's email" name="expertEmail" type="email" required defaultValue={v.expertEmail} error={e.expertEmail} />
            <TextField label="Role" name="role" required defaultValue={v.role} error={e.role} hint="e.g. Lead expert, Trainer" />
            <TextField label="Start date" name="startDate" type="date" required defaultValue={v.startDate} error={e.startDate} />
            <TextField label="End date" name="endDate" type="date" defaultValue={v.endDate} error={e.endDate} />
            <div className="sm:col-span-2">
              <Button type="submit" disabled={busy}>Record deployment</Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
