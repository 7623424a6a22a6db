import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert } from "#app/components/ui/card.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { MAX_RESOURCE_FILE_BYTES, RESOURCE_LANGUAGES, RESOURCE_REGIONS, RESOURCE_TOPICS } from "#app/modules/resources/taxonomy.ts";
import type { FormFailure } from "#app/utils/forms.ts";

export type ResourceFormValues = { title: string; summary: string; body: string; externalUrl: string; topic: string; region: string; language: string; tags: string };

const languages = Object.entries(RESOURCE_LANGUAGES).sort((a, b) => (a[1] < b[1] ? -1 : 1));

/** The resource form (new and edit): text, a link and a file, any of them, with topic, region, language and tags. */
export function ResourceForm({ defaults, failure, currentFile, submitLabel, busy }: { defaults: Partial<ResourceFormValues>; failure?: FormFailure | null; currentFile?: string | null; submitLabel: string; busy: boolean }) {
  const v = { ...defaults, ...(failure?.values ?? {}) };
  const e = failure?.fieldErrors ?? {};
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      {failure?.formError ? <Alert tone="error">{failure.formError}</Alert> : null}
      <TextField label="Title" name="title" required maxLength={200} defaultValue={v.title} error={e.title} />
      <TextAreaField label="Summary" name="summary" rows={2} maxLength={500} defaultValue={v.summary} error={e.summary} hint="One or two sentences shown in the library." />
      <TextAreaField label="Text" name="body" rows={10} defaultValue={v.body} error={e.body} hint="Markdown: **bold**, lists, [links](https://example.org). HTML is not shown." />
      <TextField label="External link" name="externalUrl" type="url" inputMode="url" defaultValue={v.externalUrl} error={e.externalUrl} hint="A publication or page elsewhere, starting with https://" />
      <TextField
        label={currentFile ? "Replace the file" : "File"}
        name="file"
        type="file"
        accept=".pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg,.webp"
        error={e.file}
        hint={`PDF, Word, PowerPoint, Excel or an image, at most ${MAX_RESOURCE_FILE_BYTES / 1024 / 1024} MB.${currentFile ? ` Current file: ${currentFile}.` : ""}`}
      />
      {currentFile ? <CheckboxField label="Remove the current file" name="removeFile" /> : null}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <SelectField label="Topic" name="topic" required defaultValue={v.topic ?? ""} error={e.topic}>
          <option value="">Choose…</option>
          {RESOURCE_TOPICS.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </SelectField>
        <SelectField label="Region" name="region" defaultValue={v.region ?? ""} error={e.region}>
          <option value="">Every region</option>
          {RESOURCE_REGIONS.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </SelectField>
        <SelectField label="Language" name="language" required defaultValue={v.language ?? "en"} error={e.language}>
          {languages.map(([code, name]) => (
            <option key={code} value={code}>{name}</option>
          ))}
        </SelectField>
      </div>
      <TextField label="Tags" name="tags" defaultValue={v.tags} error={e.tags} hint="Separated by commas, e.g. deployment, data collection." />
      <Button type="submit" disabled={busy}>{submitLabel}</Button>
    </Form>
  );
}
