import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CallFactsList, day } from "#app/components/calls/call-facts.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { Download } from "#app/components/ui/icons.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { DecideSchema, EndorseSchema, InterestSchema, WithdrawSchema } from "#app/modules/calls/calls.schema.ts";
import { callPageData, findCall } from "#app/modules/calls/calls.server.ts";
import { decideInterest, endorseInterest, expressInterest, withdrawInterest } from "#app/modules/calls/interests.server.ts";
import { INTEREST_STATUS_LABELS, type InterestStatus } from "#app/modules/calls/rules.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.call.title ?? "Call for experts", "A call for MIEUX+ experts: the profile sought, languages, mission dates, format and deadline.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const call = await findCall(args.params.id ?? "");
  if (!call) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const viewer = await rosterViewer(user);
  const page = await callPageData(viewer, call, args.context.now());
  return { call, ...page, isOrganiser: viewer.isOrganiser, focalStates: viewer.focalStates };
}

const SCHEMAS = { interest: InterestSchema, withdraw: WithdrawSchema, endorse: EndorseSchema, shortlist: DecideSchema, select: DecideSchema, decline: DecideSchema, confirm: DecideSchema } as const;
const DONE: Record<keyof typeof SCHEMAS, string> = {
  interest: "Your interest was sent",
  withdraw: "Your interest was withdrawn",
  endorse: "Your endorsement was saved",
  shortlist: "Shortlisted",
  select: "Expert selected and notified",
  decline: "Interest declined and the expert notified",
  confirm: "Mission confirmed: the deployment is recorded on the Action",
};

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const callId = args.params.id ?? "";
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "") as keyof typeof SCHEMAS;
  if (!Object.hasOwn(SCHEMAS, intent)) return data(formFailure(formData, {}, "Unknown action."), { status: 400 });
  const parsed = parseForm(formData, SCHEMAS[intent]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const now = args.context.now();
  const viewer = await rosterViewer(user);
  const input = parsed.data;
  const result =
    input.intent === "interest"
      ? await expressInterest(user.id, callId, input, now)
      : input.intent === "withdraw"
        ? await withdrawInterest(user.id, callId, now)
        : input.intent === "endorse"
          ? await endorseInterest(viewer, input.interestId, input)
          : await decideInterest(viewer, input.interestId, input.intent, input.message, now, { ip: args.context.ip });
  if (!result.ok) {
    const status = result.error.code === "forbidden" ? 403 : result.error.code === "not_found" ? 404 : 409;
    return data(formFailure(formData, {}, result.error.message), { status });
  }
  return redirectWithToast(`/calls/${callId}`, { type: "success", title: DONE[intent] });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function InterestForm({ mine, open, isActiveExpert, isOrganiser }: Pick<Data, "mine" | "open" | "isActiveExpert" | "isOrganiser">) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!open) return null;
  const formError = actionData?.values.intent === "interest" ? actionData.formError : undefined;
  if (mine && mine.status !== "withdrawn") {
    return (
      <Card className="mt-6">
        <h2 className="text-xl font-bold">Your interest</h2>
        <p className="mt-1">Status: <strong>{INTEREST_STATUS_LABELS[mine.status as InterestStatus]}</strong></p>
        {mine.decisionMessage ? <p className="mt-1">Message from the MIEUX+ team: {mine.decisionMessage}</p> : null}
        {mine.status === "interested" || mine.status === "shortlisted" ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="withdraw" />
            <Button type="submit" variant="secondary" disabled={busy}>Withdraw my interest</Button>
          </Form>
        ) : null}
      </Card>
    );
  }
  if (!isActiveExpert) {
    if (isOrganiser) return null;
    return <Card className="mt-6"><p>Only experts on the roster can express interest. <Link to="/settings/roster">Apply to the Expert Roster</Link>.</p></Card>;
  }
  const v = actionData?.values ?? {};
  const e = actionData?.fieldErrors ?? {};
  return (
    <Card className="mt-6">
      <h2 className="text-xl font-bold">Express your interest</h2>
      <Form method="post" noValidate className="mt-3">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <input type="hidden" name="intent" value="interest" />
        <TextAreaField label="Message" name="message" required defaultValue={v.message} error={e.message} hint="A few lines on why your experience fits this mission." />
        <TextField label="Your availability" name="availability" required defaultValue={v.availability} error={e.availability} hint="e.g. the whole mission, or 10 to 14 May" />
        <Button type="submit" disabled={busy}>Send my interest</Button>
      </Form>
    </Card>
  );
}

function InterestsTable({ interests, isOrganiser, focalStates, callId }: Pick<Data, "interests" | "isOrganiser" | "focalStates"> & { callId: string }) {
  return (
    <section className="mt-8" aria-labelledby="interests">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="interests" className="text-2xl font-bold">{`Interests (${interests.length})`}</h2>
        {isOrganiser ? (
          <Button asChild size="sm" variant="secondary">
            <a href={`/calls/${callId}/interests.csv`} download><Download aria-hidden="true" className="size-4" /> Export CSV</a>
          </Button>
        ) : null}
      </div>
      {interests.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2">Expert</th>
                <th scope="col" className="p-2">Message and availability</th>
                <th scope="col" className="p-2">Focal Point</th>
                <th scope="col" className="p-2">Status</th>
                <th scope="col" className="p-2">Decide</th>
              </tr>
            </thead>
            <tbody>
              {interests.map((i) => {
                const state = i.expert.expertProfile?.memberState ?? "";
                const undecided = i.status === "interested" || i.status === "shortlisted";
                return (
                  <tr key={i.id} className="border-b border-line align-top">
                    <td className="p-2">
                      <Link to={`/roster/${i.expert.id}`}>{i.expert.name}</Link>
                      <div className="text-muted">{countryName(state)} · {plural(i.expert.expertProfile?.deploymentCount ?? 0, "deployment")}</div>
                    </td>
                    <td className="p-2"><p className="whitespace-pre-line">{i.message}</p><p className="text-muted">Available: {i.availability}</p></td>
                    <td className="p-2">
                      <p>{i.endorsed ? `Endorsed${i.focalBy ? ` by ${i.focalBy.name}` : ""}` : "Not endorsed"}</p>
                      {i.focalComment ? <p className="text-muted">{i.focalComment}</p> : null}
                      {focalStates.includes(state) ? (
                        <Form method="post" className="mt-2" aria-label={`Endorse ${i.expert.name}`}>
                          <input type="hidden" name="intent" value="endorse" />
                          <input type="hidden" name="interestId" value={i.id} />
                          <SelectField label="Endorse" name="endorsed" defaultValue={i.endorsed ? "yes" : "no"}>
                            <option value="yes">Yes, I endorse</option>
                            <option value="no">No endorsement</option>
                          </SelectField>
                          <TextField label="Comment for the organisers" name="comment" defaultValue={i.focalComment ?? ""} />
                          <Button type="submit" size="sm">Save</Button>
                        </Form>
                      ) : null}
                    </td>
                    <td className="p-2">
                      <strong>{INTEREST_STATUS_LABELS[i.status as InterestStatus]}</strong>
                      {i.deploymentId ? <p className="text-muted">Deployment recorded</p> : null}
                      {i.decisionMessage ? <p className="text-muted">{i.decisionMessage}</p> : null}
                    </td>
                    <td className="p-2">
                      {isOrganiser && undecided ? (
                        <Form method="post" aria-label={`Decide on ${i.expert.name}`}>
                          <input type="hidden" name="interestId" value={i.id} />
                          <TextField label="Message to the expert" name="message" />
                          <div className="flex flex-wrap gap-2">
                            {i.status === "interested" ? <Button type="submit" name="intent" value="shortlist" size="sm" variant="secondary">Shortlist</Button> : null}
                            <Button type="submit" name="intent" value="select" size="sm">Select</Button>
                            <Button type="submit" name="intent" value="decline" size="sm" variant="secondary">Decline</Button>
                          </div>
                        </Form>
                      ) : null}
                      {isOrganiser && i.status === "selected" && !i.deploymentId ? (
                        <Form method="post">
                          <input type="hidden" name="interestId" value={i.id} />
                          <Button type="submit" name="intent" value="confirm" size="sm">Mission confirmed: record deployment</Button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2">No interests yet.</p>
      )}
    </section>
  );
}

export default function CallPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { call } = d;
  const showTable = d.isOrganiser || d.focalStates.length > 0;
  return (
    <article className="mx-auto max-w-5xl">
      <p className="text-sm font-semibold text-muted">
        <Link to="/calls">Calls for experts</Link> · <Link to={`/actions/${call.action.slug}`}>{call.action.code}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold break-words">{call.title}</h1>
      <p className="mt-2">
        {d.open ? (
          <span className="rounded bg-brand-50 px-2 py-1 font-semibold text-brand-900">Open until {day(call.deadline)}</span>
        ) : (
          <span className="rounded bg-gray-100 px-2 py-1 font-semibold">Closed on {day(call.deadline)}</span>
        )}
      </p>
      {actionData?.formError && (actionData.values.intent !== "interest" || !d.open) ? <Alert tone="error">{actionData.formError}</Alert> : null}
      <Card className="mt-4">
        <CallFactsList call={call} />
        <h2 className="mt-4 text-lg font-bold">Profile sought</h2>
        <p className="mt-1 whitespace-pre-line">{call.profileSought}</p>
      </Card>
      {!d.open ? (
        <Card className="mt-6">
          <h2 className="text-xl font-bold">Outcome</h2>
          <p className="mt-1">
            {call._count.interests} expert{call._count.interests === 1 ? "" : "s"} expressed interest; {call.selectedCount} of {call.expertsNeeded} selected.
          </p>
          {d.selected.length ? (
            <ul className="mt-2 list-disc pl-6">{d.selected.map((s) => <li key={s.id}><Link to={`/roster/${s.id}`}>{s.name}</Link> ({countryName(s.memberState)})</li>)}</ul>
          ) : null}
          {d.mine ? <p className="mt-2">Your interest: <strong>{INTEREST_STATUS_LABELS[d.mine.status as InterestStatus]}</strong>{d.mine.decisionMessage ? ` — ${d.mine.decisionMessage}` : ""}</p> : null}
        </Card>
      ) : null}
      <InterestForm mine={d.mine} open={d.open} isActiveExpert={d.isActiveExpert} isOrganiser={d.isOrganiser} />
      {d.isOrganiser && d.open ? (
        <section className="mt-8" aria-labelledby="matches">
          <h2 id="matches" className="text-2xl font-bold">{`Roster experts who fit (${d.matches.length})`}</h2>
          <p className="text-sm text-muted">Same thematic area, the languages at the level asked, available for the mission; not yet deployed first. They were notified when the call was published.</p>
          {d.matches.length ? (
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {d.matches.map((m) => (
                <li key={m.userId}><Link to={`/roster/${m.userId}`}>{m.name}</Link> <span className="text-muted">· {countryName(m.memberState)} · {m.deploymentCount ? plural(m.deploymentCount, "deployment") : "not yet deployed"}</span></li>
              ))}
            </ul>
          ) : <p className="mt-2">No roster expert fits yet.</p>}
        </section>
      ) : null}
      {showTable ? (
        <InterestsTable interests={d.interests} isOrganiser={d.isOrganiser} focalStates={d.focalStates} callId={call.id} />
      ) : null}
    </article>
  );
}
