import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { createAction } from "#app/modules/actions/catalogue.server.ts";
import { REGIONS, THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { requireRole } from "#app/modules/auth/guards.server.ts";
import { ActionInputSchema } from "#app/modules/roster/roster.schema.ts";
import { COUNTRY_GROUPS, countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New Action", "Record a new MIEUX+ Action: code, title, partner country, region, thematic area and period.");

export function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  const parsed = parseForm(formData, ActionInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createAction(user.id, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast(`/actions/${result.value.slug}`, { type: "success", title: `Action ${parsed.data.code} created` });
}

export default function NewAction() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const v = actionData?.values ?? {};
  const e = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">New Action</h1>
      <Card className="mt-6">
        <Form method="post" noValidate>
          {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
          <TextField label="Code" name="code" required defaultValue={v.code} error={e.code} hint="The Action's short public name, e.g. Azerbaijan V." />
          <TextField label="Title" name="title" required defaultValue={v.title} error={e.title} />
          <TextAreaField label="Summary" name="summary" defaultValue={v.summary} error={e.summary} />
          <SelectField label="Partner country" name="partnerCountry" required defaultValue={v.partnerCountry ?? ""} error={e.partnerCountry}>
            <option value="">Choose…</option>
            {COUNTRY_GROUPS.slice().reverse().map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.codes.map((c) => <option key={c} value={c}>{countryName(c)}</option>)}
              </optgroup>
            ))}
          </SelectField>
          <SelectField label="Region" name="region" required defaultValue={v.region ?? ""} error={e.region}>
            <option value="">Choose…</option>
            {REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
          </SelectField>
          <SelectField label="Thematic area" name="thematicArea" required defaultValue={v.thematicArea ?? ""} error={e.thematicArea}>
            <option value="">Choose…</option>
            {THEMATIC_AREAS.map((a) => <option key={a} value={a}>{a}</option>)}
          </SelectField>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField label="Start date" name="startDate" type="date" defaultValue={v.startDate} error={e.startDate} />
            <TextField label="End date" name="endDate" type="date" defaultValue={v.endDate} error={e.endDate} />
          </div>
          <Button type="submit" disabled={busy}>Create Action</Button>
        </Form>
      </Card>
    </div>
  );
}
