import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { CheckboxField, SelectField, TextAreaField } from "#app/components/ui/field.tsx";
import { listActions } from "#app/modules/actions/catalogue.server.ts";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { RequestCommentSchema, RequestLinkSchema, RequestStatusSchema } from "#app/modules/requests/requests.schema.ts";
import { commentOnRequest, getRequest, linkRequestToAction, moveRequest } from "#app/modules/requests/requests.server.ts";
import { canLinkAction, REQUEST_STATUS_LABELS, REQUEST_TRANSITIONS, type RequestStatus } from "#app/modules/requests/rules.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.request.topic ?? "Knowledge-exchange request", "A knowledge-exchange request between EU and partner institutions, its status and the team's comments.");

export async function loader(args: LoaderFunctionArgs) {
  const viewer = await rosterViewer(requireVerifiedUser(args));
  const request = await getRequest(viewer, args.params.id ?? "");
  if (!request) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const actions = viewer.isOrganiser && canLinkAction(request.status) ? (await listActions()).map((a) => ({ id: a.id, code: a.code })) : [];
  return { request, isOrganiser: viewer.isOrganiser, actions };
}

const SCHEMAS = { status: RequestStatusSchema, comment: RequestCommentSchema, link: RequestLinkSchema } as const;
const DONE = { status: "Status changed; the submitter and the Focal Points were notified", comment: "Comment added", link: "Action link saved" } as const;

export async function action(args: ActionFunctionArgs) {
  const viewer = await rosterViewer(requireVerifiedUser(args));
  const id = args.params.id ?? "";
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "") as keyof typeof SCHEMAS;
  if (!Object.hasOwn(SCHEMAS, intent)) return data(formFailure(formData, {}, "Unknown action."), { status: 400 });
  const parsed = parseForm(formData, SCHEMAS[intent]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const input = parsed.data;
  const result =
    input.intent === "status"
      ? await moveRequest(viewer, id, input.status, input.comment, { ip: args.context.ip })
      : input.intent === "comment"
        ? await commentOnRequest(viewer, id, input.body, input.internal)
        : await linkRequestToAction(viewer, id, input.actionId);
  if (!result.ok) {
    const status = result.error.code === "forbidden" ? 403 : result.error.code === "not_found" ? 404 : 409;
    return data(formFailure(formData, {}, result.error.message), { status });
  }
  return redirectWithToast(`/requests/${id}`, { type: "success", title: DONE[intent] });
}

export default function RequestPage() {
  const { request, isOrganiser, actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const e = actionData?.fieldErrors ?? {};
  const next = REQUEST_TRANSITIONS[request.status as RequestStatus] ?? [];
  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-muted"><Link to="/requests">Knowledge-exchange requests</Link></p>
      <h1 className="mt-1 text-3xl font-bold break-words">{request.topic}</h1>
      <p className="mt-2"><span className="rounded bg-brand-50 px-2 py-1 font-semibold text-brand-900">{REQUEST_STATUS_LABELS[request.status as RequestStatus]}</span></p>
      {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
      <Card className="mt-4">
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Member State</dt><dd>{countryName(request.memberState)}</dd>
          <dt className="font-semibold">EU institution(s)</dt><dd className="break-words">{request.euInstitutions}</dd>
          <dt className="font-semibold">Partner institution(s)</dt><dd className="break-words">{request.partnerInstitutions}</dd>
          <dt className="font-semibold">Thematic area</dt><dd>{request.thematicArea}</dd>
          <dt className="font-semibold">Submitted</dt><dd>{request.submitter ? `${request.submitter.name}, ` : ""}<DateTime value={request.createdAt} /></dd>
          {request.action ? (<><dt className="font-semibold">Action</dt><dd><Link to={`/actions/${request.action.slug}`}>{request.action.code}</Link></dd></>) : null}
        </dl>
        <h2 className="mt-4 text-lg font-bold">Description</h2>
        <p className="mt-1 whitespace-pre-line break-words">{request.description}</p>
      </Card>
      <section className="mt-6" aria-labelledby="history">
        <h2 id="history" className="text-2xl font-bold">Comments and history</h2>
        {request.comments.length ? (
          <ol className="mt-2 grid gap-2">
            {request.comments.map((c) => (
              <li key={c.id} className={c.internal ? "rounded-md border border-dashed border-line bg-gray-50 p-3" : "rounded-md border border-line bg-white p-3"}>
                <p className="text-sm text-muted">
                  {c.internal ? <strong>Internal note · </strong> : null}
                  {c.author?.name ?? "MIEUX+ team"} · <DateTime value={c.createdAt} />
                  {c.toStatus ? ` · moved to ${REQUEST_STATUS_LABELS[c.toStatus as RequestStatus]?.toLowerCase() ?? c.toStatus}` : ""}
                </p>
                {c.body ? <p className="mt-1 whitespace-pre-line break-words">{c.body}</p> : null}
              </li>
            ))}
          </ol>
        ) : <p className="mt-2">Nothing yet.</p>}
      </section>
      {isOrganiser ? (
        <div className="mt-6 grid gap-4">
          {next.length ? (
            <Card>
              <h2 className="text-xl font-bold">Move the request</h2>
              <Form method="post" noValidate className="mt-2">
                <input type="hidden" name="intent" value="status" />
                <SelectField label="New status" name="status" required defaultValue={next[0]} error={e.status}>
                  {next.map((s) => <option key={s} value={s}>{REQUEST_STATUS_LABELS[s]}</option>)}
                </SelectField>
                <TextAreaField label="Comment for the submitter" name="comment" hint="Optional; the submitter and the Focal Points see it." />
                <Button type="submit" disabled={busy}>Change status</Button>
              </Form>
            </Card>
          ) : null}
          <Card>
            <h2 className="text-xl font-bold">Comment</h2>
            <Form method="post" noValidate className="mt-2">
              <input type="hidden" name="intent" value="comment" />
              <TextAreaField label="Comment" name="body" required error={e.body} />
              <CheckboxField label="Internal note (only the MIEUX+ team sees it)" name="internal" />
              <Button type="submit" disabled={busy}>Add comment</Button>
            </Form>
          </Card>
          {canLinkAction(request.status) ? (
            <Card>
              <h2 className="text-xl font-bold">Action that came out of it</h2>
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="link" />
                <SelectField label="Action" name="actionId" defaultValue={request.actionId ?? ""}>
                  <option value="">None</option>
                  {actions.map((a) => <option key={a.id} value={a.id}>{a.code}</option>)}
                </SelectField>
                <Button type="submit" disabled={busy}>Save link</Button>
              </Form>
            </Card>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
