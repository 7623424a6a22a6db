import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { RequestInputSchema } from "#app/modules/requests/requests.schema.ts";
import { submitRequest, submitterStates } from "#app/modules/requests/requests.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New knowledge-exchange request", "Propose a topic of shared interest between EU and partner institutions for a knowledge exchange.");

const FORBIDDEN = "Focal Points and roster experts submit knowledge-exchange requests.";

export async function loader(args: LoaderFunctionArgs) {
  const viewer = await rosterViewer(requireVerifiedUser(args));
  const states = await submitterStates(viewer);
  if (!states.length) throw new Response(FORBIDDEN, { status: 403, statusText: "Forbidden" });
  return { states };
}

export async function action(args: ActionFunctionArgs) {
  const viewer = await rosterViewer(requireVerifiedUser(args));
  const formData = await args.request.formData();
  const parsed = parseForm(formData, RequestInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await submitRequest(viewer, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: result.error.code === "forbidden" ? 403 : 400 });
  return redirectWithToast(`/requests/${result.value.id}`, { type: "success", title: "Request received", description: "The MIEUX+ team will review it; you will be notified of each step." });
}

export default function NewRequest() {
  const { states } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const v = actionData?.values ?? {};
  const e = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">New knowledge-exchange request</h1>
      <Card className="mt-6">
        <Form method="post" noValidate>
          {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
          <TextField label="Topic" name="topic" required defaultValue={v.topic} error={e.topic} hint="The topic of shared interest, in a few words." />
          <TextField label="EU institution(s) involved" name="euInstitutions" required defaultValue={v.euInstitutions} error={e.euInstitutions} />
          <TextField label="Partner institution(s) involved" name="partnerInstitutions" required defaultValue={v.partnerInstitutions} error={e.partnerInstitutions} />
          <SelectField label="Thematic area" name="thematicArea" required defaultValue={v.thematicArea ?? ""} error={e.thematicArea}>
            <option value="">Choose…</option>
            {THEMATIC_AREAS.map((a) => <option key={a} value={a}>{a}</option>)}
          </SelectField>
          {states.length > 1 ? (
            <SelectField label="Member State" name="memberState" required defaultValue={v.memberState ?? ""} error={e.memberState}>
              <option value="">Choose…</option>
              {states.map((s) => <option key={s} value={s}>{countryName(s)}</option>)}
            </SelectField>
          ) : (
            <input type="hidden" name="memberState" value={states[0]} />
          )}
          <TextAreaField label="Description" name="description" required rows={6} defaultValue={v.description} error={e.description} hint="What the institutions want to learn from each other, and why now." />
          <Button type="submit" disabled={busy}>Submit request</Button>
        </Form>
      </Card>
    </div>
  );
}
