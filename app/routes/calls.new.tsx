import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { listActions } from "#app/modules/actions/catalogue.server.ts";
import { REGIONS, THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { CallInputSchema } from "#app/modules/calls/calls.schema.ts";
import { publishCall } from "#app/modules/calls/calls.server.ts";
import { CALL_FORMAT_LABELS, CALL_FORMATS } from "#app/modules/calls/rules.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { LANGUAGE_CODES, LANGUAGE_LEVELS, languageName } from "#app/modules/roster/taxonomy.ts";
import { COUNTRY_GROUPS, countryName } from "#app/utils/countries.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New call for experts", "Publish a call for experts for a MIEUX+ Action; the roster experts who fit are told.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const actions = await listActions();
  return { actions: actions.map((a) => ({ id: a.id, code: a.code })) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  const parsed = parseForm(formData, CallInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await publishCall(await rosterViewer(user), parsed.data, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  const n = result.value.notified;
  return redirectWithToast(`/calls/${result.value.id}`, { type: "success", title: "Call published", description: `${n} matching expert${n === 1 ? " was" : "s were"} notified.` });
}

export default function NewCall() {
  const { actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const v = actionData?.values ?? {};
  const e = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">New call for experts</h1>
      <Card className="mt-6">
        <Form method="post" noValidate>
          {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
          <SelectField label="Action" name="actionId" required defaultValue={v.actionId ?? ""} error={e.actionId}>
            <option value="">Choose…</option>
            {actions.map((a) => <option key={a.id} value={a.id}>{a.code}</option>)}
          </SelectField>
          <TextField label="Title" name="title" required defaultValue={v.title} error={e.title} hint="e.g. Expert in labour migration statistics" />
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
          <TextAreaField label="Profile sought" name="profileSought" required defaultValue={v.profileSought} error={e.profileSought} />
          <fieldset className="mb-4">
            <legend className="mb-2 font-semibold">Languages and the lowest level accepted</legend>
            {[0, 1, 2].map((i) => (
              <div key={i} className="grid gap-x-4 sm:grid-cols-2">
                <SelectField label={`Language ${i + 1}`} name={`language${i}`} defaultValue={v[`language${i}`] ?? ""} error={e[`language${i}`]}>
                  <option value="">None</option>
                  {LANGUAGE_CODES.map((c) => <option key={c} value={c}>{languageName(c)}</option>)}
                </SelectField>
                <SelectField label={`Level for language ${i + 1}`} name={`level${i}`} defaultValue={v[`level${i}`] ?? ""} error={e[`level${i}`]}>
                  <option value="">Choose…</option>
                  {LANGUAGE_LEVELS.map((l) => <option key={l} value={l}>{l === "native" ? "Native" : l}</option>)}
                </SelectField>
              </div>
            ))}
          </fieldset>
          <TextField label="Number of experts" name="expertsNeeded" type="number" min={1} max={50} required defaultValue={v.expertsNeeded ?? "1"} error={e.expertsNeeded} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField label="Mission starts" name="missionStart" type="date" required defaultValue={v.missionStart} error={e.missionStart} />
            <TextField label="Mission ends" name="missionEnd" type="date" defaultValue={v.missionEnd} error={e.missionEnd} />
          </div>
          <SelectField label="Format" name="format" required defaultValue={v.format ?? ""} error={e.format}>
            <option value="">Choose…</option>
            {CALL_FORMATS.map((f) => <option key={f} value={f}>{CALL_FORMAT_LABELS[f]}</option>)}
          </SelectField>
          <TextField label="Deadline for interests" name="deadline" type="date" required defaultValue={v.deadline} error={e.deadline} hint="The call closes by itself at the end of this day (UTC)." />
          <Button type="submit" disabled={busy}>Publish call</Button>
        </Form>
      </Card>
    </div>
  );
}
