import { Form, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert } from "#app/components/ui/card.tsx";
import { SelectField, TextField } from "#app/components/ui/field.tsx";
import { THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { KIND_LABELS, type PostKind } from "#app/modules/posts/rules.ts";
import { EU_MEMBER_STATES, countryName } from "#app/utils/countries.ts";
import { MentionTextarea } from "./mention-textarea.tsx";

export type PostFormOptions = { kinds: PostKind[]; memberStates: string[] | null; requireMemberState: boolean; actions: { id: string; code: string }[] };

/** The new-post and edit-post form (multipart, for the optional cover image). */
export function PostForm({ options, values, areas, errors, formError, submitLabel }: { options: PostFormOptions; values: Record<string, string>; areas: string[]; errors: Record<string, string>; formError?: string; submitLabel: string }) {
  const busy = useNavigation().state === "submitting";
  const states = options.memberStates ?? [...EU_MEMBER_STATES];
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Title" name="title" required defaultValue={values.title} error={errors.title} maxLength={160} />
      <SelectField label="Kind" name="kind" required defaultValue={values.kind ?? options.kinds[0]} error={errors.kind}>
        {options.kinds.map((k) => (
          <option key={k} value={k}>{KIND_LABELS[k]}</option>
        ))}
      </SelectField>
      <MentionTextarea
        label="Text"
        name="body"
        required
        defaultValue={values.body}
        error={errors.body}
        hint="Markdown: **bold**, *italic*, [a link](https://…), lists with -. Type @ to mention a member."
        rows={10}
      />
      <SelectField label="Member State" name="memberState" required={options.requireMemberState} defaultValue={values.memberState ?? (options.requireMemberState && states.length === 1 ? states[0] : "")} error={errors.memberState}>
        {options.requireMemberState && states.length === 1 ? null : <option value="">None</option>}
        {states.map((c) => (
          <option key={c} value={c}>{countryName(c)}</option>
        ))}
      </SelectField>
      <SelectField label="Action" name="actionId" defaultValue={values.actionId ?? ""} error={errors.actionId}>
        <option value="">None</option>
        {options.actions.map((a) => (
          <option key={a.id} value={a.id}>{a.code}</option>
        ))}
      </SelectField>
      <fieldset className="mb-4">
        <legend className="text-sm font-semibold">Thematic areas <span className="font-normal text-muted">(optional)</span></legend>
        {THEMATIC_AREAS.map((a, i) => (
          <div key={a} className="mt-1 flex items-start gap-2">
            <input type="checkbox" id={`area-${i}`} name="thematicAreas" value={a} defaultChecked={areas.includes(a)} className="mt-1 size-4" />
            <label htmlFor={`area-${i}`}>{a}</label>
          </div>
        ))}
      </fieldset>
      <TextField label="Tags" name="tags" defaultValue={values.tags} error={errors.tags} hint="Separated by commas, for example: labour migration, diaspora" />
      <SelectField label="Who can read it" name="visibility" required defaultValue={values.visibility ?? "public"} error={errors.visibility}>
        <option value="public">Everyone (also in the public Atom feed)</option>
        <option value="members">Members only (signed in)</option>
      </SelectField>
      <TextField label="Cover image" name="cover" type="file" accept="image/jpeg,image/png,image/webp" error={errors.cover} hint="JPEG, PNG or WebP, under 5 MB." />
      <TextField label="Describe the cover image" name="coverAlt" defaultValue={values.coverAlt} error={errors.coverAlt} hint="For people who cannot see it." />
      <Button type="submit" disabled={busy}>{submitLabel}</Button>
    </Form>
  );
}
