import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CalendarPlus, Download, MessageCircleQuestion, MonitorPlay, Pencil, Users, Video } from "#app/components/ui/icons.tsx";
import { Agenda, Countdown, ReaderTime, SessionTime, StatusBadge } from "#app/components/coffee/session-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { CheckboxField, TextAreaField } from "#app/components/ui/field.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { FeedbackSchema, RegisterSchema } from "#app/modules/coffee/coffee.schema.ts";
import { webcalUrl } from "#app/modules/coffee/calendar.server.ts";
import { getCoffeePage } from "#app/modules/coffee/coffee.server.ts";
import { register, setListPublicly, submitFeedback, unregister } from "#app/modules/coffee/registration.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(data.page.coffee.title, data.page.coffee.summary || "A MIEUX+ Morning Coffee: an Action Spotlight and a live Q&A with the speakers.") : pageMeta("Morning Coffee not found", "This Morning Coffee does not exist.");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await getCoffeePage(params.slug ?? "", context.user);
  if (!page) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const publicFeed = webcalUrl(`${getEnv().APP_URL}/calendar/public.ics`);
  return { page, now: new Date().toISOString(), signedIn: !!context.user, verified: !!context.user?.emailVerified, publicFeed };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const slug = args.params.slug ?? "";
  const here = `/sessions/${slug}`;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "register" || intent === "unregister") {
    const limit = await consumeRateLimit("coffee:registration", user.id);
    if (!limit.ok) return redirectWithToast(here, { type: "error", title: limit.message });
  }
  if (intent === "register") {
    const parsed = parseForm(formData, RegisterSchema);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const result = await register(slug, user, parsed.data);
    if (!result.ok) return redirectWithToast(here, { type: "error", title: result.error.message });
    return redirectWithToast(
      here,
      result.value.status === "registered"
        ? { type: "success", title: "You are registered", description: "Your calendar invite is on its way by email." }
        : { type: "info", title: "You are on the waitlist", description: "If a place opens up, you get it automatically and we email you." },
    );
  }
  if (intent === "unregister") {
    const result = await unregister(slug, user);
    if (!result.ok) return redirectWithToast(here, { type: "error", title: result.error.message });
    return redirectWithToast(here, { type: "success", title: "You are no longer registered", description: "We emailed a cancellation that removes it from your calendar." });
  }
  if (intent === "listing") {
    await setListPublicly(slug, user.id, formData.get("listPublicly") === "on");
    return redirectWithToast(here, { type: "success", title: "Your choice is saved" });
  }
  if (intent === "feedback") {
    const parsed = parseForm(formData, FeedbackSchema);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const result = await submitFeedback(slug, user.id, parsed.data);
    if (!result.ok) return data({ ...formFailure(formData, {}, result.error.message), intent }, { status: 400 });
    return redirectWithToast(here, { type: "success", title: "Thank you for your feedback" });
  }
  return redirectWithToast(here, { type: "error", title: "Unknown action" });
}

type PageData = Awaited<ReturnType<typeof loader>>["page"];

function RegistrationCard({ page, signedIn, verified, busy }: { page: PageData; signedIn: boolean; verified: boolean; busy: boolean }) {
  const { coffee, my, counts, state } = page;
  const slug = coffee.slug;
  if (coffee.status === "cancelled") return <Alert tone="warning" title="This Morning Coffee is cancelled" />;
  const full = counts.placesLeft === 0;
  return (
    <Card>
      <h2 className="text-xl font-bold">Take part</h2>
      {counts.placesLeft != null && !state.ended ? (
        <p className="mt-1 text-sm text-muted">
          {full ? "All places are taken" : `${counts.placesLeft} of ${coffee.capacity} places left`}
          {counts.waitlisted ? ` · ${counts.waitlisted} on the waitlist` : ""}
        </p>
      ) : null}
      {my.status === "registered" ? (
        <div className="mt-3 space-y-3">
          <p className="font-semibold text-success">You are registered.</p>
          {page.meetingUrl ? (
            <a href={page.meetingUrl} className="inline-flex w-full items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-3 font-semibold text-white no-underline hover:bg-brand-800" rel="noopener noreferrer" target="_blank">
              <Video aria-hidden="true" className="size-5" /> Join the Morning Coffee
            </a>
          ) : coffee.hasMeetingLink && !state.ended ? (
            <p className="text-sm">
              The join button appears here {coffee.linkVisibleMinutes ? `${coffee.linkVisibleMinutes} minutes before the start` : "at the start"} (at{" "}
              <ReaderTime value={coffee.joinLinkFrom} />).
            </p>
          ) : null}
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="listing" />
            <CheckboxField name="listPublicly" label="Show my name to other participants" defaultChecked={my.listPublicly} className="mb-0" />
            <Button type="submit" size="sm" variant="secondary" disabled={busy}>Save</Button>
          </Form>
          {!state.ended ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unregister" />
              <Button type="submit" variant="ghost" size="sm" disabled={busy}>Unregister</Button>
            </Form>
          ) : null}
        </div>
      ) : my.status === "waitlisted" ? (
        <div className="mt-3 space-y-3">
          <p className="font-semibold">You are number {my.waitlistPosition} on the waitlist.</p>
          <p className="text-sm text-muted">If a place opens up you get it automatically, and we email you the calendar invite.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="unregister" />
            <Button type="submit" variant="ghost" size="sm" disabled={busy}>Leave the waitlist</Button>
          </Form>
        </div>
      ) : state.registrationOpen ? (
        !signedIn ? (
          <p className="mt-3">
            <Link to={`/login?${new URLSearchParams({ redirectTo: `/sessions/${slug}` })}`}>Log in</Link> or <Link to="/signup">join the community</Link> to register.
          </p>
        ) : !verified ? (
          <p className="mt-3">Confirm your email address to register. <Link to="/verify-email">Resend the link</Link></p>
        ) : (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="register" />
            <CheckboxField name="listPublicly" label="Show my name to other participants" />
            <Button type="submit" className="w-full" disabled={busy}>
              {full ? "Join the waitlist" : "Register"}
            </Button>
          </Form>
        )
      ) : (
        <p className="mt-3 text-muted">{state.ended ? "This session is over." : "Registration is closed."}</p>
      )}
    </Card>
  );
}

export default function MorningCoffeePage() {
  const { page, now, signedIn, verified, publicFeed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { coffee, state, calendarLinks, organiser, my } = page;
  const feedbackErrors = actionData?.intent === "feedback" ? actionData.fieldErrors : {};
  const agenda = coffee.agenda.split("\n").map((l) => l.trim()).filter(Boolean);
  return (
    <article>
      {coffee.status === "draft" ? (
        <Alert tone="warning" title="Preview of a draft">
          Only organisers can see this page until it is published. <Link to={`/sessions/${coffee.slug}/edit`}>Back to editing</Link>
        </Alert>
      ) : null}
      <p className="text-sm">
        <Link to="/sessions">Morning Coffee</Link>
      </p>
      <header className="mt-2 mb-8">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={coffee.status} />
        </div>
        <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{coffee.title}</h1>
        {coffee.summary ? <p className="mt-2 max-w-3xl text-lg text-muted">{coffee.summary}</p> : null}
        <p className="mt-3 text-lg">
          <SessionTime startsAt={coffee.startsAt} durationMinutes={coffee.durationMinutes} timezone={coffee.timezone} />
        </p>
        {coffee.status === "published" && !state.started ? <Countdown startsAt={coffee.startsAt} serverNow={now} /> : null}
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-8">
          {coffee.description ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="text-2xl font-bold">About this session</h2>
              {coffee.description.split(/\n{2,}/).map((p, i) => (
                <p key={i} className="mt-3 max-w-3xl whitespace-pre-line">{p}</p>
              ))}
            </section>
          ) : null}

          {state.ended && (coffee.recordingUrl || coffee.outcome) ? (
            <section aria-labelledby="after-heading">
              <h2 id="after-heading" className="text-2xl font-bold">After the session</h2>
              {coffee.recordingUrl ? (
                <p className="mt-3">
                  <a href={coffee.recordingUrl} rel="noopener noreferrer">Watch the recording</a>
                </p>
              ) : null}
              {coffee.outcome ? coffee.outcome.split(/\n{2,}/).map((p, i) => <p key={i} className="mt-3 max-w-3xl whitespace-pre-line">{p}</p>) : null}
            </section>
          ) : null}

          {agenda.length ? (
            <section aria-labelledby="agenda-heading">
              <h2 id="agenda-heading" className="text-2xl font-bold">Agenda</h2>
              <Agenda agenda={coffee.agenda} startsAt={coffee.startsAt} timezone={coffee.timezone} />
            </section>
          ) : null}

          {coffee.action || coffee.spotlights.length ? (
            <section aria-labelledby="spotlight-heading">
              <h2 id="spotlight-heading" className="text-2xl font-bold">Action Spotlight{coffee.spotlights.length > 1 ? "s" : ""}</h2>
              {coffee.action ? (
                <p className="mt-2">
                  Featured Action:{" "}
                  <Link to={`/actions/${coffee.action.slug}`}>
                    <strong>{coffee.action.code}</strong> — {coffee.action.title}
                  </Link>
                </p>
              ) : null}
              <div className="mt-4 space-y-4">
                {coffee.spotlights.map((s) => (
                  <Card key={s.id}>
                    <h3 className="text-xl font-bold"><Link to={`/spotlights/${s.slug}`}>{s.title}</Link></h3>
                    {s.country || s.action ? (
                      <p className="text-sm text-muted">
                        {s.country ? countryName(s.country) : null}
                        {s.country && s.action ? " · " : null}
                        {s.action ? <Link to={`/actions/${s.action.slug}`}>Action {s.action.code}</Link> : null}
                      </p>
                    ) : null}
                    {s.highlights ? (
                      <>
                        <h4 className="mt-3 font-semibold">Highlights and achievements</h4>
                        <p className="mt-1 whitespace-pre-line">{s.highlights}</p>
                      </>
                    ) : null}
                    {s.migrationContext ? (
                      <>
                        <h4 className="mt-3 font-semibold">Migration context{s.country ? ` in ${countryName(s.country)}` : ""}</h4>
                        <p className="mt-1 whitespace-pre-line">{s.migrationContext}</p>
                      </>
                    ) : null}
                  </Card>
                ))}
              </div>
            </section>
          ) : null}

          {coffee.speakers.length ? (
            <section aria-labelledby="speakers-heading">
              <h2 id="speakers-heading" className="text-2xl font-bold">Speakers</h2>
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {coffee.speakers.map((s) => (
                  <li key={s.id} className="rounded-md border border-line bg-white p-3">
                    <p className="font-semibold">{s.name}</p>
                    {s.role ? <p className="text-sm text-muted">{s.role}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {state.canGiveFeedback ? (
            <section aria-labelledby="feedback-heading">
              <h2 id="feedback-heading" className="text-2xl font-bold">Your feedback</h2>
              <Card className="mt-3">
                {my.feedback ? <p className="mb-3 text-sm text-muted">You rated this session {my.feedback.rating} out of 5. You can change your answer.</p> : null}
                {actionData?.intent === "feedback" && actionData.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="feedback" />
                  <fieldset className="mb-4" aria-describedby={feedbackErrors.rating ? "rating-error" : undefined}>
                    <legend className="text-sm font-semibold">How was this Morning Coffee?</legend>
                    <div className="mt-2 flex flex-wrap gap-3">
                      {["1 Poor", "2 Fair", "3 Good enough", "4 Good", "5 Excellent"].map((label) => {
                        const value = label.slice(0, 1);
                        return (
                          <label key={value} className="flex items-center gap-1.5 rounded-md border border-line bg-white px-3 py-1.5 text-sm">
                            <input type="radio" name="rating" value={value} defaultChecked={String(my.feedback?.rating ?? "") === value} className="accent-brand-700" />
                            {label}
                          </label>
                        );
                      })}
                    </div>
                    {feedbackErrors.rating ? (
                      <p id="rating-error" role="alert" className="mt-1 text-sm font-medium text-danger">{feedbackErrors.rating}</p>
                    ) : null}
                  </fieldset>
                  <TextAreaField label="Comment" name="comment" defaultValue={my.feedback?.comment} error={feedbackErrors.comment} rows={3} />
                  <Button type="submit" disabled={busy}>Send feedback</Button>
                </Form>
              </Card>
            </section>
          ) : null}

          {page.publicAttendees.length ? (
            <section aria-labelledby="coming-heading">
              <h2 id="coming-heading" className="text-2xl font-bold">Who is coming</h2>
              <p className="mt-1 text-sm text-muted">Participants who chose to be listed.</p>
              <ul className="mt-3 grid gap-2 sm:grid-cols-2">
                {page.publicAttendees.map((a, i) => (
                  <li key={i} className="rounded-md border border-line bg-white px-3 py-2">
                    <span className="font-semibold">{a.name}</span>
                    {a.institution || a.country ? <span className="block text-sm text-muted">{[a.institution, a.country ? countryName(a.country) : null].filter(Boolean).join(", ")}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>

        <aside className="space-y-4" aria-label="Registration and calendar">
          <RegistrationCard page={page} signedIn={signedIn} verified={verified} busy={busy} />
          <Card>
            <h2 className="text-xl font-bold">Live Q&amp;A</h2>
            <p className="mt-1 text-sm text-muted">
              {coffee.qaMode === "moderated" ? "Questions are approved by the organisers before they appear." : "Questions appear as soon as they are asked."} Ask before, during and after the session
              {state.ended ? "; the questions and answers stay readable." : "."}
            </p>
            <div className="mt-3 flex flex-col gap-2">
              <Link to={`/sessions/${coffee.slug}/qa`} className="inline-flex items-center gap-2 rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
                <MessageCircleQuestion aria-hidden="true" className="size-5" /> {state.ended ? "Q&A archive" : "Live Q&A"}
              </Link>
            </div>
          </Card>
          {calendarLinks && coffee.status !== "cancelled" && !state.ended ? (
            <Card>
              <h2 className="text-xl font-bold">Add to your calendar</h2>
              <ul className="mt-3 space-y-2">
                <li>
                  <a href={`/sessions/${coffee.slug}/event.ics`} download className="inline-flex items-center gap-2">
                    <Download aria-hidden="true" className="size-4" /> Download (.ics)
                  </a>
                </li>
                <li>
                  <a href={publicFeed} className="inline-flex items-center gap-2">
                    <CalendarPlus aria-hidden="true" className="size-4" /> Subscribe to every Morning Coffee
                  </a>
                </li>
                <li>
                  <a href={calendarLinks.google} rel="noopener noreferrer" target="_blank">Add to Google Calendar</a>
                </li>
                <li>
                  <a href={calendarLinks.outlookCom} rel="noopener noreferrer" target="_blank">Add to Outlook.com (personal account)</a>
                </li>
                <li>
                  <a href={calendarLinks.microsoft365} rel="noopener noreferrer" target="_blank">Add to Outlook for Microsoft 365 (work or school account)</a>
                </li>
              </ul>
              {signedIn ? (
                <p className="mt-3 text-sm text-muted">
                  Or <Link to="/settings/calendar">subscribe to your private feed</Link> of every session you register for.
                </p>
              ) : null}
            </Card>
          ) : null}
          {organiser ? (
            <Card>
              <h2 className="text-xl font-bold">For organisers</h2>
              <ul className="mt-3 space-y-2">
                <li>
                  <Link to={`/sessions/${coffee.slug}/edit`} className="inline-flex items-center gap-2"><Pencil aria-hidden="true" className="size-4" /> Edit this session</Link>
                </li>
                <li>
                  <Link to={`/sessions/${coffee.slug}/attendees`} className="inline-flex items-center gap-2"><Users aria-hidden="true" className="size-4" /> Attendees ({page.counts.registered})</Link>
                </li>
                <li>
                  <Link to={`/sessions/${coffee.slug}/feedback`}>Feedback results</Link>
                </li>
                <li>
                  <Link to={`/sessions/${coffee.slug}/present`} className="inline-flex items-center gap-2"><MonitorPlay aria-hidden="true" className="size-4" /> Presenter screen</Link>
                </li>
              </ul>
            </Card>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
