import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { requireUser, requireVerifiedUser } from "#app/utils/guards.server.ts";
import { removeExpertPhoto, saveExpertPhoto } from "#app/modules/roster/photos.server.ts";
import { confirmExpertProfile, getOwnRoster, saveExpertProfile } from "#app/modules/roster/profiles.server.ts";
import { MAX_LANGUAGE_ROWS, parseProfileForm } from "#app/modules/roster/roster.schema.ts";
import {
  GENDER_LABELS,
  GENDERS,
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  LANGUAGE_CODES,
  LANGUAGE_LEVELS,
  languageName,
  LEVEL_LABELS,
  MAX_PHOTO_BYTES,
  THEMATIC_AREAS,
  VISIBILITIES,
  VISIBILITY_LABELS,
} from "#app/modules/roster/taxonomy.ts";
import { countryName, EU_MEMBER_STATES, isMemberState } from "#app/utils/countries.ts";
import { formFailure, type FormFailure } from "#app/utils/forms.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: Expert Roster", "Apply to the MIEUX+ Expert Roster or keep your expert profile, photo and availability up to date.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const { profile, application } = await getOwnRoster(user.id);
  return {
    user: { id: user.id, name: user.name, emailVerified: user.emailVerified, country: isMemberState(user.country) ? user.country : "", institution: user.institution ?? "" },
    profile,
    application,
  };
}

type ActionResult = FormFailure & { intent: string };

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "photo") {
    const file = formData.get("photo");
    if (!(file instanceof File)) return data<ActionResult>({ ...formFailure(formData, { photo: "Choose a photo to upload." }), intent }, { status: 400 });
    const result = await saveExpertPhoto(user.id, { type: file.type, size: file.size, bytes: () => file.arrayBuffer() });
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}, result.error.message), intent }, { status: 400 });
    return redirectWithToast("/settings/roster", { type: "success", title: "Photo saved" });
  }
  if (intent === "remove-photo") {
    await removeExpertPhoto(user.id);
    return redirectWithToast("/settings/roster", { type: "success", title: "Photo removed" });
  }
  if (intent === "confirm") {
    const result = await confirmExpertProfile(user.id);
    if (!result.ok) return redirectWithToast("/settings/roster", { type: "error", title: result.error.message });
    return redirectWithToast("/settings/roster", { type: "success", title: "Thank you — your profile is confirmed for another year" });
  }
  const parsed = parseProfileForm(formData);
  if (!parsed.ok) return data<ActionResult>({ ...parsed, intent: "profile" }, { status: 400 });
  const limit = await consumeRateLimit("roster:profile", user.id);
  if (!limit.ok) return data<ActionResult>({ ...formFailure(formData, {}, limit.message), intent: "profile" }, { status: 429 });
  const result = await saveExpertProfile(user, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}, result.error.message), intent: "profile" }, { status: 400 });
  return redirectWithToast("/settings/roster", result.value.applied
    ? { type: "success", title: "Application sent", description: `A Focal Point of ${countryName(parsed.data.memberState)} or the MIEUX+ team will review it.` }
    : { type: "success", title: "Expert profile saved" });
}

const day = (d: string | Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(d));

export default function RosterSettings() {
  const { user, profile, application } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = actionData?.intent === "profile" ? actionData : null;
  const photoFailed = actionData?.intent === "photo" ? actionData : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors ?? {};
  const pick = (key: string, fallback: string) => values?.[key] ?? fallback;
  const areas = values ? (values.thematicAreas ?? "").split("\n").filter(Boolean) : (profile?.thematicAreas.map((t) => t.area) ?? []);
  const languages = Array.from({ length: MAX_LANGUAGE_ROWS }, (_, i) => ({
    language: values ? (values[`language${i}`] ?? "") : (profile?.languages[i]?.language ?? (i === 0 ? "en" : "")),
    level: values ? (values[`level${i}`] ?? "") : (profile?.languages[i]?.level ?? ""),
  }));
  const status = profile?.status;
  const submitLabel = !profile || status === "declined" ? "Apply to join the roster" : status === "pending" ? "Save my application" : "Save my expert profile";

  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-2xl font-bold">Expert Roster</h2>
        {!profile ? (
          <p className="mt-1 text-muted">
            Public officials of EU Member States can join the MIEUX+ Expert Roster and be deployed on Actions with partner administrations. Fill in your expert profile below;
            a Focal Point of your Member State or the MIEUX+ team reviews your application.
          </p>
        ) : null}
        {status === "pending" ? (
          <Alert tone="info" title="Your application is being reviewed" className="mt-4">
            You applied on {day(application?.createdAt ?? profile!.createdAt)}. A Focal Point of {countryName(profile!.memberState)} or the MIEUX+ team will decide, and we will email you.
          </Alert>
        ) : null}
        {status === "declined" ? (
          <Alert tone="warning" title="Your last application was not approved" className="mt-4">
            {application?.reason ? <>Reason given: “{application.reason}”. </> : null}You can update your profile and apply again.
          </Alert>
        ) : null}
        {status === "active" ? (
          <div className="mt-3">
            <p>
              You are on the roster. <Link to={`/roster/${user.id}`}>See your public profile</Link>. You last confirmed it on <strong>{day(profile!.confirmedAt)}</strong>.
            </p>
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="confirm" />
              <Button type="submit" variant="secondary" size="sm" disabled={busy}>Confirm my profile and availability are up to date</Button>
            </Form>
          </div>
        ) : null}
        {!user.emailVerified ? (
          <Alert tone="warning" className="mt-4">Confirm your email address before applying. <Link to="/verify-email">Resend the link</Link></Alert>
        ) : null}
      </Card>

      <Card>
        <h2 className="text-xl font-bold">{profile ? "Your expert profile" : "Apply to the Expert Roster"}</h2>
        <Form method="post" className="mt-4 max-w-2xl" noValidate>
          <input type="hidden" name="intent" value="profile" />
          {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
          {failed && !failed.formError ? <Alert tone="error">Please correct the fields marked below.</Alert> : null}
          <SelectField label="Member State" name="memberState" required defaultValue={pick("memberState", profile?.memberState ?? user.country)} error={errors.memberState} hint="The EU Member State of your administration.">
            <option value="">Choose…</option>
            {[...EU_MEMBER_STATES].sort((a, b) => countryName(a).localeCompare(countryName(b))).map((code) => (
              <option key={code} value={code}>{countryName(code)}</option>
            ))}
          </SelectField>
          <TextField label="Institution" name="institution" required autoComplete="organization" defaultValue={pick("institution", profile?.institution ?? user.institution)} error={errors.institution} />
          <SelectField label="Type of institution" name="institutionType" required defaultValue={pick("institutionType", profile?.institutionType ?? "")} error={errors.institutionType}>
            <option value="">Choose…</option>
            {INSTITUTION_TYPES.map((t) => (
              <option key={t} value={t}>{INSTITUTION_TYPE_LABELS[t]}</option>
            ))}
          </SelectField>
          <TextField label="Position" name="position" autoComplete="organization-title" defaultValue={pick("position", profile?.position ?? "")} error={errors.position} hint="For example: Head of Unit, Asylum Procedures." />

          <fieldset className="mb-4" aria-describedby={errors.thematicAreas ? "areas-error" : undefined}>
            <legend className="text-sm font-semibold text-ink">Thematic areas</legend>
            <p className="text-sm text-muted">Choose every area you can share expertise in.</p>
            <div className="mt-2 space-y-1.5">
              {THEMATIC_AREAS.map((area, i) => (
                <div key={area} className="flex items-start gap-2">
                  <input id={`area-${i}`} type="checkbox" name="thematicAreas" value={area} defaultChecked={areas.includes(area)} className="mt-1 size-4 accent-brand-700" />
                  <label htmlFor={`area-${i}`} className="text-sm">{area}</label>
                </div>
              ))}
            </div>
            {errors.thematicAreas ? <p id="areas-error" role="alert" className="mt-1 text-sm font-medium text-danger">{errors.thematicAreas}</p> : null}
          </fieldset>

          <fieldset className="mb-4">
            <legend className="text-sm font-semibold text-ink">Working languages</legend>
            <p className="text-sm text-muted">Add up to {MAX_LANGUAGE_ROWS} languages with your level (A1 to C2, or native). Leave unused rows empty.</p>
            {errors.languages ? <p role="alert" className="mt-1 text-sm font-medium text-danger">{errors.languages}</p> : null}
            <div className="mt-2 space-y-2">
              {languages.map((l, i) => (
                <div key={i} className="grid gap-2 sm:grid-cols-2">
                  <SelectField className="mb-0" label={`Language ${i + 1}`} name={`language${i}`} required={i === 0} defaultValue={l.language} error={errors[`language${i}`]}>
                    <option value="">{i === 0 ? "Choose…" : "None"}</option>
                    {LANGUAGE_CODES.map((code) => (
                      <option key={code} value={code}>{languageName(code)}</option>
                    ))}
                  </SelectField>
                  <SelectField className="mb-0" label={`Level ${i + 1}`} name={`level${i}`} required={i === 0} defaultValue={l.level} error={errors[`level${i}`]}>
                    <option value="">{i === 0 ? "Choose…" : "None"}</option>
                    {LANGUAGE_LEVELS.map((lv) => (
                      <option key={lv} value={lv}>{LEVEL_LABELS[lv]}</option>
                    ))}
                  </SelectField>
                </div>
              ))}
            </div>
          </fieldset>

          <TextAreaField label="Short biography" name="bio" maxLength={1200} defaultValue={pick("bio", profile?.bio ?? "")} error={errors.bio} hint="A few sentences on your experience (at most 1,200 characters)." />

          <fieldset className="mb-4">
            <legend className="text-sm font-semibold text-ink">Availability for deployment</legend>
            <div className="mt-2 flex items-start gap-2">
              <input id="available" type="checkbox" name="available" defaultChecked={values ? values.available === "on" : (profile?.available ?? false)} className="mt-1 size-4 accent-brand-700" />
              <label htmlFor="available" className="text-sm">I am available to be deployed on MIEUX+ Actions</label>
            </div>
            <TextField
              className="mt-3"
              label="Available until"
              name="availableUntil"
              type="date"
              defaultValue={pick("availableUntil", profile?.availableUntil ? new Date(profile.availableUntil).toISOString().slice(0, 10) : "")}
              error={errors.availableUntil}
              hint="Leave empty if your availability has no end date."
            />
          </fieldset>

          <SelectField label="Gender" name="gender" defaultValue={pick("gender", profile?.gender ?? "")} error={errors.gender} hint="Only counted in anonymous totals of the roster (never shown on your profile or to anyone).">
            <option value="">Prefer not to say</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>{GENDER_LABELS[g]}</option>
            ))}
          </SelectField>

          <fieldset className="mb-5">
            <legend className="text-sm font-semibold text-ink">Who can see your profile</legend>
            <div className="mt-2 space-y-1.5">
              {VISIBILITIES.map((v) => (
                <div key={v} className="flex items-start gap-2">
                  <input id={`vis-${v}`} type="radio" name="visibility" value={v} defaultChecked={pick("visibility", profile?.visibility ?? "network") === v} className="mt-1 size-4 accent-brand-700" />
                  <label htmlFor={`vis-${v}`} className="text-sm">{VISIBILITY_LABELS[v]}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <Button type="submit" disabled={busy || !user.emailVerified}>{busy ? "Saving…" : submitLabel}</Button>
        </Form>
      </Card>

      {profile ? (
        <Card>
          <h2 className="text-xl font-bold">Photo</h2>
          <p className="mt-1 text-muted">Optional. Shown on your profile to those who can see it. JPEG, PNG or WebP, under {MAX_PHOTO_BYTES / 1024 / 1024} MB; we crop it to a square.</p>
          {photoFailed?.formError && !photoFailed.fieldErrors.photo ? <Alert tone="error" className="mt-3">{photoFailed.formError}</Alert> : null}
          <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-start">
            {profile.photoPath ? <img src={`/roster/${user.id}/photo`} alt="Your current profile" width={96} height={96} className="size-24 rounded-lg border border-line object-cover" /> : null}
            <div className="flex-1">
              <Form method="post" encType="multipart/form-data" noValidate>
                <input type="hidden" name="intent" value="photo" />
                <TextField label="Choose a photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" required error={photoFailed?.fieldErrors.photo} />
                <Button type="submit" variant="secondary" disabled={busy}>Upload photo</Button>
              </Form>
              {profile.photoPath ? (
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="remove-photo" />
                  <Button type="submit" variant="ghost" size="sm">Remove my photo</Button>
                </Form>
              ) : null}
            </div>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
