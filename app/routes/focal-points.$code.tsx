import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft, Mail } from "#app/components/ui/icons.tsx";
import { Badge } from "#app/components/roster/filters.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card, PageHeader } from "#app/components/ui/card.tsx";
import { TextAreaField } from "#app/components/ui/field.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { canManageState, rosterViewer } from "#app/modules/roster/access.server.ts";
import { decideApplication, listPendingApplications } from "#app/modules/roster/applications.server.ts";
import { expertsOfState, focalPointsOf } from "#app/modules/roster/focal-points.server.ts";
import { isStale, staleProfiles } from "#app/modules/roster/freshness.server.ts";
import { DecisionSchema } from "#app/modules/roster/roster.schema.ts";
import { INSTITUTION_TYPE_LABELS, languageName, type InstitutionType } from "#app/modules/roster/taxonomy.ts";
import { countryName, isMemberState } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(`Focal Points of ${data.stateName}`, `The MIEUX+ Focal Points of ${data.stateName} and the Member State's experts on the roster.`) : pageMeta("Member State not found", "There is no EU Member State with this code.");

function stateParam(code: string | undefined) {
  const upper = (code ?? "").toUpperCase();
  if (!isMemberState(upper)) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return upper;
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const code = stateParam(args.params.code);
  const viewer = await rosterViewer(user);
  const manages = canManageState(viewer, code);
  const [focalPoints, pending, experts, stale] = await Promise.all([
    focalPointsOf(code, { withEmail: true }),
    manages ? listPendingApplications(viewer, code) : Promise.resolve([]),
    manages ? expertsOfState(code) : Promise.resolve([]),
    manages ? staleProfiles(code) : Promise.resolve([]),
  ]);
  const now = new Date();
  return {
    code,
    stateName: countryName(code),
    manages,
    focalPoints,
    pending,
    experts: experts.map((e) => ({ ...e, stale: isStale(e.confirmedAt, now) })),
    stale,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const code = stateParam(args.params.code);
  const viewer = await rosterViewer(user);
  const formData = await args.request.formData();
  const parsed = parseForm(formData, DecisionSchema);
  if (!parsed.ok) return data({ ...parsed, applicationId: String(formData.get("applicationId") ?? "") }, { status: 400 });
  const result = await decideApplication(viewer, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    const status = result.error.code === "forbidden" || result.error.code === "own" ? 403 : 400;
    return data({ ...formFailure(formData, result.error.fields ?? {}, result.error.message), applicationId: parsed.data.applicationId }, { status });
  }
  return redirectWithToast(`/focal-points/${code}`, {
    type: "success",
    title: result.value.status === "approved" ? `${result.value.name} is now on the roster` : `${result.value.name}'s application was declined`,
    description: "We have emailed the applicant.",
  });
}

const day = (d: string | Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(d));

export default function MemberStatePage() {
  const { code, stateName, manages, focalPoints, pending, experts, stale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <Link to="/focal-points" className="inline-flex items-center gap-1 text-sm">
        <ArrowLeft aria-hidden="true" className="size-4" /> All Member States
      </Link>
      <PageHeader
        title={stateName}
        lead={`Focal Points of ${stateName}${manages ? ", its roster applications and its experts" : ""}.`}
        actions={
          <Button asChild variant="secondary" size="sm">
            <Link to={`/roster?state=${code}`}>See experts from {stateName} in the roster</Link>
          </Button>
        }
      />
      {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
      <Card>
        <h2 className="text-xl font-bold">Focal Points</h2>
        {focalPoints.length ? (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {focalPoints.map((fp) => (
              <li key={fp.id} className="rounded-md border border-line p-3">
                <p className="font-semibold">{fp.user.name}</p>
                <p className="text-sm text-muted">{fp.level === "institution" ? `Institution Focal Point — ${fp.institutionName ?? ""}` : `Country Focal Point${fp.user.institution ? ` — ${fp.user.institution}` : ""}`}</p>
                {fp.user.email ? (
                  <p className="mt-1 text-sm">
                    <Mail aria-hidden="true" className="mr-1 inline size-4" />
                    <a href={`mailto:${fp.user.email}`}>{fp.user.email}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted">{stateName} has not named a Focal Point on MIEUX+ Community yet. Write to the MIEUX+ team for opportunities.</p>
        )}
      </Card>

      {manages ? (
        <>
          <Card>
            <h2 className="text-xl font-bold">{`Roster applications waiting for a decision (${pending.length})`}</h2>
            {pending.length ? (
              <ul className="mt-3 space-y-4">
                {pending.map((a) => {
                  const p = a.user.expertProfile;
                  const errorHere = actionData?.applicationId === a.id ? actionData.fieldErrors : {};
                  return (
                    <li key={a.id} className="rounded-md border border-line p-4">
                      <h3 className="text-lg font-bold">
                        <Link to={`/roster/${a.userId}`}>{a.user.name}</Link>
                      </h3>
                      <p className="text-sm">{[p?.position, p?.institution].filter(Boolean).join(", ")}{p ? ` · ${INSTITUTION_TYPE_LABELS[p.institutionType as InstitutionType] ?? p.institutionType}` : ""}</p>
                      <p className="text-sm text-muted">Applied {day(a.createdAt)} · {a.user.email}</p>
                      {p ? (
                        <p className="mt-1 text-sm">
                          {p.thematicAreas.map((t) => t.area).join(" · ")} — {p.languages.map((l) => `${languageName(l.language)} (${l.level})`).join(", ")}
                        </p>
                      ) : null}
                      {p?.bio ? <p className="mt-2 text-sm whitespace-pre-line">{p.bio}</p> : null}
                      <Form method="post" className="mt-3" noValidate>
                        <input type="hidden" name="applicationId" value={a.id} />
                        <TextAreaField
                          label={`Reason or note for ${a.user.name}`}
                          name="reason"
                          className="mb-3"
                          rows={2}
                          hint="Required when you decline; sent to the applicant."
                          error={errorHere.reason}
                        />
                        <div className="flex flex-wrap gap-2">
                          <Button type="submit" name="decision" value="approve" disabled={busy}>Approve {a.user.name}</Button>
                          <Button type="submit" name="decision" value="decline" variant="secondary" disabled={busy}>Decline</Button>
                        </div>
                      </Form>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="mt-2 text-muted">No application is waiting.</p>
            )}
          </Card>

          <Card>
            <h2 className="text-xl font-bold">{`Profiles to refresh (${stale.length})`}</h2>
            <p className="mt-1 text-sm text-muted">Experts who have not confirmed their profile and availability for over 12 months. They receive an email reminder; a word from you helps too.</p>
            {stale.length ? (
              <ul className="mt-3 divide-y divide-line">
                {stale.map((s) => (
                  <li key={s.userId} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                    <span>
                      <Link to={`/roster/${s.userId}`} className="font-semibold">{s.user.name}</Link> — {s.institution}
                    </span>
                    <span className="text-muted">last confirmed {day(s.confirmedAt)}{s.reminderSentAt ? ` · reminded ${day(s.reminderSentAt)}` : ""}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-muted">Every profile has been confirmed within the last 12 months.</p>
            )}
          </Card>

          <Card>
            <h2 className="text-xl font-bold">{`Experts of ${stateName} (${experts.length})`}</h2>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Roster experts of {stateName}, with the freshness of their profiles</caption>
                <thead className="border-b border-line">
                  <tr>
                    <th scope="col" className="py-2 pr-3">Expert</th>
                    <th scope="col" className="py-2 pr-3">Institution</th>
                    <th scope="col" className="py-2 pr-3">Deployments</th>
                    <th scope="col" className="py-2">Last confirmed</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {experts.map((e) => (
                    <tr key={e.userId}>
                      <td className="py-2 pr-3">
                        <Link to={`/roster/${e.userId}`} className="font-semibold">{e.user.name}</Link>
                        {e.visibility !== "network" ? <span className="ml-2"><Badge tone="warning">Restricted</Badge></span> : null}
                      </td>
                      <td className="py-2 pr-3">{[e.position, e.institution].filter(Boolean).join(", ")}</td>
                      <td className="py-2 pr-3 tabular-nums">{e._count.deployments}</td>
                      <td className="py-2">{day(e.confirmedAt)} {e.stale ? <Badge tone="warning">Stale</Badge> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
