import { Form } from "@remix-run/react";
import { CountryOptions } from "#app/components/country-options.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import type { FormFailure } from "#app/utils/forms.ts";

export type SpotlightFormValues = Record<"title" | "country" | "summary" | "highlights" | "achievements" | "migrationContext" | "actionId", string>;

/** A Spotlight as organisers write it; saving keeps it a draft until they publish it from the preview. */
export function SpotlightForm({ defaults, failure, actions, submitLabel, busy }: { defaults: Partial<SpotlightFormValues>; failure?: FormFailure | null; actions: { id: string; code: string; title: string }[]; submitLabel: string; busy: boolean }) {
  const v = { ...defaults, ...(failure?.values ?? {}) };
  const e = failure?.fieldErrors ?? {};
  return (
    <Form method="post" noValidate>
      {failure?.formError ? <Alert tone="error">{failure.formError}</Alert> : null}
      <TextField label="Spotlight title" name="title" required maxLength={150} defaultValue={v.title} error={e.title} hint="e.g. Action Spotlight: Uganda" />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField label="Featured country" name="country" defaultValue={v.country ?? ""} error={e.country}>
          <option value="">No country</option>
          <CountryOptions />
        </SelectField>
        <SelectField label="Action" name="actionId" defaultValue={v.actionId ?? ""} error={e.actionId}>
          <option value="">No Action</option>
          {actions.map((a) => (
            <option key={a.id} value={a.id}>{a.code} — {a.title}</option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label="Summary" name="summary" rows={2} maxLength={500} defaultValue={v.summary} error={e.summary} hint="One or two sentences for the list of Spotlights." />
      <TextAreaField label="Highlights" name="highlights" rows={5} defaultValue={v.highlights} error={e.highlights} />
      <TextAreaField label="Achievements" name="achievements" rows={5} defaultValue={v.achievements} error={e.achievements} />
      <TextAreaField label="Migration context of the country" name="migrationContext" rows={5} defaultValue={v.migrationContext} error={e.migrationContext} />
      <p className="mb-4 text-sm text-muted">Markdown works in the three texts above (lists, **bold**, links). HTML is not shown.</p>
      <Button type="submit" disabled={busy}>{submitLabel}</Button>
    </Form>
  );
}
