import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { localTimeCandidates, offsetLabel } from "#app/modules/coffee/time.ts";

export type CoffeeFormDefaults = Partial<Record<string, string>>;

/** The organiser's Morning Coffee form, for a new session and for editing one. */
export function CoffeeForm({
  defaults,
  errors,
  formError,
  actions,
  timeZones,
  submitLabel,
  busy,
}: {
  defaults: CoffeeFormDefaults;
  errors: Record<string, string>;
  formError?: string;
  actions: { id: string; code: string; title: string }[];
  timeZones: string[];
  submitLabel: string;
  busy: boolean;
}) {
  // A start time the clocks pass twice (autumn) needs the organiser to say which one.
  const twice = defaults.startsAtLocal && defaults.timezone ? localTimeCandidates(defaults.startsAtLocal, defaults.timezone) : [];
  return (
    <Form method="post" noValidate className="space-y-2">
      <input type="hidden" name="intent" value="save" />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset className="rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">About the session</legend>
        <TextField label="Title" name="title" required defaultValue={defaults.title} error={errors.title} hint="For example: Morning Coffee: Action Spotlights on Cameroon, Georgia and Uganda" />
        <TextField label="Summary" name="summary" defaultValue={defaults.summary} error={errors.summary} hint="One sentence for the list of sessions and the invite." />
        <TextAreaField label="Description" name="description" defaultValue={defaults.description} error={errors.description} rows={5} />
        <TextAreaField label="Agenda" name="agenda" defaultValue={defaults.agenda} error={errors.agenda} rows={5} hint="One item per line, for example: 10:00 Welcome" />
        <SelectField label="Featured Action" name="actionId" defaultValue={defaults.actionId ?? ""} error={errors.actionId}>
          <option value="">No featured Action</option>
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.code} — {a.title}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">When</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label="Starts at" name="startsAtLocal" type="datetime-local" required defaultValue={defaults.startsAtLocal} error={errors.startsAtLocal} hint="In the time zone below." />
          {twice.length === 2 ? (
            <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-3 sm:col-span-2" aria-describedby="starts-twice-help">
              <legend className="px-1 font-semibold">{`Which ${defaults.startsAtLocal?.slice(11, 16)} do you mean?`}</legend>
              <p id="starts-twice-help" className="text-sm">{`The clocks go back that night in ${defaults.timezone}, so this time happens twice.`}</p>
              {twice.map((c, i) => (
                <div key={c.offsetMinutes} className="mt-2 flex items-start gap-2">
                  <input id={`starts-offset-${i}`} type="radio" name="startsAtOffset" value={c.offsetMinutes} defaultChecked={defaults.startsAtOffset === String(c.offsetMinutes)} className="mt-1 size-4" />
                  <label htmlFor={`starts-offset-${i}`}>
                    {`${defaults.startsAtLocal?.slice(11, 16)} ${c.zoneName} (${offsetLabel(c.offsetMinutes)}), ${i === 0 ? "the first time, before the clocks go back" : "the second time, after the clocks go back"}`}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <SelectField label="Time zone" name="timezone" required defaultValue={defaults.timezone ?? "Europe/Brussels"} error={errors.timezone} hint="Times are stored in UTC and shown to each member in their own zone.">
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
          <TextField label="Length in minutes" name="durationMinutes" type="number" inputMode="numeric" min={15} max={480} required defaultValue={defaults.durationMinutes ?? "90"} error={errors.durationMinutes} />
          <TextField label="Registration closes at" name="registrationClosesLocal" type="datetime-local" defaultValue={defaults.registrationClosesLocal} error={errors.registrationClosesLocal} hint="Leave empty to keep registration open until the end." />
          <TextField label="Places" name="capacity" type="number" inputMode="numeric" min={1} defaultValue={defaults.capacity} error={errors.capacity} hint="When all places are taken, members can join a waitlist." />
          <TextField label="Reminders (hours before the start)" name="reminderHours" defaultValue={defaults.reminderHours ?? "24, 1"} error={errors.reminderHours} hint="Separated by commas. Leave empty for no reminders." />
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">Joining online</legend>
        <TextField label="Meeting link" name="meetingUrl" type="url" defaultValue={defaults.meetingUrl} error={errors.meetingUrl} hint="Only registered members see it, and only shortly before the start." />
        <TextField label="Show the link this many minutes before the start" name="linkVisibleMinutes" type="number" inputMode="numeric" min={0} required defaultValue={defaults.linkVisibleMinutes ?? "15"} error={errors.linkVisibleMinutes} />
        <SelectField label="Questions in the Q&A" name="qaMode" required defaultValue={defaults.qaMode ?? "moderated"} error={errors.qaMode}>
          <option value="moderated">Pre-moderated: organisers approve each question first</option>
          <option value="open">Open: questions appear at once</option>
        </SelectField>
      </fieldset>
      <fieldset className="rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">After the session</legend>
        <TextField label="Recording link" name="recordingUrl" type="url" defaultValue={defaults.recordingUrl} error={errors.recordingUrl} />
        <TextAreaField label="Notes from the session" name="outcome" defaultValue={defaults.outcome} error={errors.outcome} rows={5} />
      </fieldset>
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </Button>
    </Form>
  );
}
