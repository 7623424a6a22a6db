import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CoffeeForm } from "#app/components/coffee/coffee-form.tsx";
import { StatusBadge } from "#app/components/coffee/session-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card, PageHeader } from "#app/components/ui/card.tsx";
import { CheckboxField, SelectField, TextField } from "#app/components/ui/field.tsx";
import { spotlightChoices } from "#app/modules/actions/spotlights.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { CoffeeFormSchema, SpeakerSchema } from "#app/modules/coffee/coffee.schema.ts";
import {
  addSpeaker,
  getCoffeeForEdit,
  linkSpotlight,
  listActionChoices,
  removeSpeaker,
  unlinkSpotlight,
  transitionCoffee,
  updateCoffee,
  type CoffeeTransition,
} from "#app/modules/coffee/coffee.server.ts";
import { allTimeZones, utcOffsetAt, utcToZonedInput } from "#app/modules/coffee/time.ts";
import { formFailure, parseForm, type FormFailure } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Edit ${data?.coffee.title ?? "Morning Coffee"}`, "Change the time, content, speakers and Q&A settings of a Morning Coffee.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const coffee = await getCoffeeForEdit(args.params.slug ?? "");
  if (!coffee) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const defaults = {
    title: coffee.title,
    summary: coffee.summary,
    description: coffee.description,
    agenda: coffee.agenda,
    startsAtLocal: utcToZonedInput(coffee.startsAt, coffee.timezone),
    startsAtOffset: String(utcOffsetAt(coffee.startsAt, coffee.timezone)),
    timezone: coffee.timezone,
    durationMinutes: String(coffee.durationMinutes),
    meetingUrl: coffee.meetingUrl,
    linkVisibleMinutes: String(coffee.linkVisibleMinutes),
    capacity: coffee.capacity == null ? "" : String(coffee.capacity),
    registrationClosesLocal: coffee.registrationClosesAt ? utcToZonedInput(coffee.registrationClosesAt, coffee.timezone) : "",
    qaMode: coffee.qaMode,
    actionId: coffee.actionId ?? "",
    reminderHours: coffee.reminderOffsets
      .split(",")
      .filter(Boolean)
      .map((m) => String(Number(m) / 60))
      .join(", "),
    recordingUrl: coffee.recordingUrl,
    outcome: coffee.outcome,
  };
  const spotlights = coffee.spotlights.map((l) => l.spotlight);
  const linked = new Set(spotlights.map((s) => s.id));
  const choices = (await spotlightChoices()).filter((s) => !linked.has(s.id));
  return { coffee: { ...coffee, spotlights }, defaults, actions: await listActionChoices(), spotlightChoices: choices, timeZones: allTimeZones() };
}

type ActionResult = FormFailure & { intent: string };

export async function action(args: ActionFunctionArgs) {
  const actor = requireRole(args, "organiser");
  const slug = args.params.slug ?? "";
  const here = `/sessions/${slug}/edit`;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const meta = { ip: args.context.ip };
  if (intent === "save") {
    const parsed = parseForm(formData, CoffeeFormSchema);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    const result = await updateCoffee(slug, parsed.data, actor, meta);
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}, result.error.message), intent }, { status: 400 });
    const { notified, changes } = result.value;
    return redirectWithToast(here, {
      type: "success",
      title: "Changes saved",
      description: notified ? `${notified} registered member${notified === 1 ? "" : "s"} will receive the updated invite (${changes.join(", ")}).` : undefined,
    });
  }
  if (intent === "publish" || intent === "cancel" || intent === "held" || intent === "archive") {
    if (intent === "cancel" && formData.get("confirm") !== "on") {
      return data<ActionResult>({ ...formFailure(formData, { confirm: "Tick the box to confirm the cancellation." }), intent }, { status: 400 });
    }
    const result = await transitionCoffee(slug, intent as CoffeeTransition, actor, meta);
    if (!result.ok) return redirectWithToast(here, { type: "error", title: result.error.message });
    const titles: Record<string, string> = { publish: "Published: members can now register", cancel: "Cancelled: registered members are told", held: "Marked as held", archive: "Archived" };
    return redirectWithToast(here, { type: "success", title: titles[intent] });
  }
  if (intent === "addSpeaker") {
    const parsed = parseForm(formData, SpeakerSchema);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    const result = await addSpeaker(slug, parsed.data, actor);
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}, result.error.message), intent }, { status: 400 });
    return redirectWithToast(here, { type: "success", title: "Speaker added" });
  }
  if (intent === "removeSpeaker") {
    await removeSpeaker(slug, String(formData.get("id") ?? ""), actor);
    return redirectWithToast(here, { type: "success", title: "Speaker removed" });
  }
  if (intent === "linkSpotlight") {
    const result = await linkSpotlight(slug, String(formData.get("spotlightId") ?? ""), actor);
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), intent }, { status: 400 });
    return redirectWithToast(here, { type: "success", title: "Spotlight linked" });
  }
  if (intent === "unlinkSpotlight") {
    await unlinkSpotlight(slug, String(formData.get("id") ?? ""), actor);
    return redirectWithToast(here, { type: "success", title: "Spotlight unlinked" });
  }
  return redirectWithToast(here, { type: "error", title: "Unknown action" });
}

export default function EditMorningCoffee() {
  const { coffee, defaults, actions, spotlightChoices, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  const save = failed("save");
  const speaker = failed("addSpeaker");
  const spotlight = failed("linkSpotlight");
  const cancel = failed("cancel");
  const registered = coffee._count.registrations;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link to="/sessions">Morning Coffee</Link>
      </p>
      <PageHeader
        title={`Edit: ${coffee.title}`}
        lead={
          <>
            <StatusBadge status={coffee.status} /> {registered} registered.{" "}
            {coffee.status === "published" ? "Changes to the time, link or details send an updated invite to every registered member." : null}
          </>
        }
        actions={
          <>
            <Link to={`/sessions/${coffee.slug}`} className="rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
              {coffee.status === "draft" ? "Preview" : "View the page"}
            </Link>
            <Link to={`/sessions/${coffee.slug}/attendees`} className="rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
              Attendees
            </Link>
          </>
        }
      />

      <Card className="mb-6">
        <h2 className="text-xl font-bold">Status</h2>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          {coffee.status === "draft" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <Button type="submit" disabled={busy}>Publish</Button>
            </Form>
          ) : null}
          {coffee.status === "published" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="held" />
              <Button type="submit" variant="secondary" disabled={busy}>Mark as held</Button>
            </Form>
          ) : null}
          {["held", "published", "cancelled"].includes(coffee.status) ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <Button type="submit" variant="secondary" disabled={busy}>Archive</Button>
            </Form>
          ) : null}
        </div>
        {coffee.status === "draft" || coffee.status === "published" ? (
          <Form method="post" className="mt-4 rounded-md border border-red-200 bg-red-50 p-4" noValidate>
            <input type="hidden" name="intent" value="cancel" />
            <CheckboxField name="confirm" label={`Cancel this Morning Coffee and email a cancellation to the ${registered} registered member${registered === 1 ? "" : "s"}`} error={cancel?.fieldErrors.confirm} />
            <Button type="submit" variant="danger" disabled={busy}>Cancel the session</Button>
          </Form>
        ) : null}
      </Card>

      {coffee.status !== "cancelled" ? (
        <Card className="mb-6">
          <h2 className="mb-4 text-xl font-bold">Details</h2>
          <CoffeeForm
            defaults={save ? save.values : defaults}
            errors={save?.fieldErrors ?? {}}
            formError={save?.formError}
            actions={actions}
            timeZones={timeZones}
            submitLabel="Save changes"
            busy={busy}
          />
        </Card>
      ) : null}

      <Card className="mb-6">
        <h2 className="text-xl font-bold">Speakers</h2>
        {coffee.speakers.length ? (
          <ul className="mt-3 divide-y divide-line">
            {coffee.speakers.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  <span className="font-semibold">{s.name}</span>
                  {s.role ? ` — ${s.role}` : ""}
                  <span className="block text-sm text-muted">{s.user ? `Member (${s.user.email})` : "Guest"}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="removeSpeaker" />
                  <input type="hidden" name="id" value={s.id} />
                  <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${s.name}`} disabled={busy}>Remove</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted">No speakers yet.</p>
        )}
        <Form method="post" className="mt-4 grid gap-x-4 sm:grid-cols-3" noValidate>
          <input type="hidden" name="intent" value="addSpeaker" />
          {speaker?.formError ? <Alert tone="error" className="sm:col-span-3">{speaker.formError}</Alert> : null}
          <TextField label="Speaker's name" name="name" required defaultValue={speaker?.values.name} error={speaker?.fieldErrors.name} />
          <TextField label="Speaker's role" name="role" defaultValue={speaker?.values.role} error={speaker?.fieldErrors.role} hint="For example: Expert, Ministry of Interior" />
          <TextField label="Member's email" name="memberEmail" type="email" defaultValue={speaker?.values.memberEmail} error={speaker?.fieldErrors.memberEmail} hint="Empty for a guest." />
          <div className="sm:col-span-3">
            <Button type="submit" variant="secondary" disabled={busy}>Add speaker</Button>
          </div>
        </Form>
      </Card>

      <Card>
        <h2 className="text-xl font-bold">Action Spotlights</h2>
        <p className="mt-1 text-muted">
          Spotlights are written on their own pages and can be presented at several sessions. Members see the published ones here.{" "}
          <Link to="/spotlights/new">Write a new Spotlight</Link>
        </p>
        {coffee.spotlights.length ? (
          <ul className="mt-3 divide-y divide-line">
            {coffee.spotlights.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  <Link to={`/spotlights/${s.slug}`} className="font-semibold">{s.title}</Link>
                  {s.status === "draft" ? <span className="block text-sm text-muted">Draft: not shown until published</span> : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="unlinkSpotlight" />
                  <input type="hidden" name="id" value={s.id} />
                  <Button type="submit" size="sm" variant="ghost" aria-label={`Unlink ${s.title}`} disabled={busy}>Unlink</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted">No Spotlight linked yet.</p>
        )}
        {spotlightChoices.length ? (
          <Form method="post" className="mt-4" noValidate>
            <input type="hidden" name="intent" value="linkSpotlight" />
            {spotlight?.formError ? <Alert tone="error">{spotlight.formError}</Alert> : null}
            <SelectField label="Spotlight to link" name="spotlightId" required defaultValue={spotlight?.values.spotlightId ?? ""} error={spotlight?.fieldErrors.spotlightId}>
              <option value="">Choose…</option>
              {spotlightChoices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}{s.status === "draft" ? " (draft)" : ""}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary" disabled={busy}>Link Spotlight</Button>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
