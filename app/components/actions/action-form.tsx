import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, IMPACT_AREAS, REGIONS, THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { COUNTRY_GROUPS, countryName } from "#app/utils/countries.ts";
import type { FormFailure } from "#app/utils/forms.ts";

export type ActionFormValues = Record<"code" | "title" | "summary" | "partnerCountry" | "region" | "thematicArea" | "status" | "startDate" | "endDate" | "impactAreas", string>;

/** Everything the Actions catalogue shows, for a new Action and for editing one. */
export function ActionForm({ defaults, failure, submitLabel, busy }: { defaults: Partial<ActionFormValues>; failure?: FormFailure | null; submitLabel: string; busy: boolean }) {
  const v = { ...defaults, ...(failure?.values ?? {}) };
  const e = failure?.fieldErrors ?? {};
  const chosenAreas = new Set((v.impactAreas ?? "").split("|"));
  return (
    <Form method="post" noValidate>
      {failure?.formError ? <Alert tone="error">{failure.formError}</Alert> : null}
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
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField label="Region" name="region" required defaultValue={v.region ?? ""} error={e.region}>
          <option value="">Choose…</option>
          {REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
        </SelectField>
        <SelectField label="Status" name="status" required defaultValue={v.status ?? "planned"} error={e.status}>
          {ACTION_STATUSES.map((s) => <option key={s} value={s}>{ACTION_STATUS_LABELS[s]}</option>)}
        </SelectField>
      </div>
      <SelectField label="Thematic area" name="thematicArea" required defaultValue={v.thematicArea ?? ""} error={e.thematicArea}>
        <option value="">Choose…</option>
        {THEMATIC_AREAS.map((a) => <option key={a} value={a}>{a}</option>)}
      </SelectField>
      <fieldset className="mb-4" aria-describedby={e.impactAreas ? "impact-areas-error" : undefined}>
        <legend className="text-sm font-semibold text-ink">Impact areas <span className="font-normal text-muted">(optional)</span></legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {IMPACT_AREAS.map((area) => (
            <label key={area} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="impactAreas" value={area} defaultChecked={chosenAreas.has(area)} className="size-4 accent-brand-700" />
              {area}
            </label>
          ))}
        </div>
        {e.impactAreas ? <p id="impact-areas-error" role="alert" className="mt-1 text-sm font-medium text-danger">{e.impactAreas}</p> : null}
      </fieldset>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField label="Start date" name="startDate" type="date" defaultValue={v.startDate} error={e.startDate} />
        <TextField label="End date" name="endDate" type="date" defaultValue={v.endDate} error={e.endDate} />
      </div>
      <Button type="submit" disabled={busy}>{submitLabel}</Button>
    </Form>
  );
}
