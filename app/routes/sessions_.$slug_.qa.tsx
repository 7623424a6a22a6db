import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { QuestionCard } from "#app/components/qa/question-card.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card, PageHeader } from "#app/components/ui/card.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "#app/components/ui/field.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { qaAccess } from "#app/modules/qa/access.server.ts";
import { answer, ask, moderate, vote } from "#app/modules/qa/actions.server.ts";
import { askerStates, canModerate, MODERATION_ACTIONS, QUESTION_MAX_LENGTH, sortQuestions, type QaQuestion } from "#app/modules/qa/events.ts";
import { POST_KINDS, publishAnswered } from "#app/modules/qa/publish.server.ts";
import { qaState } from "#app/modules/qa/questions.server.ts";
import { designateByEmail, listTeam, QA_TEAM_ROLES, removeDesignation } from "#app/modules/qa/team.server.ts";
import { useQaSocket } from "#app/modules/qa/use-qa-socket.ts";
import { countryName } from "#app/utils/countries.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data ? `Q&A: ${data.state.session.title}` : "Q&A", "Ask the speakers a question, vote for the ones you want answered, and follow the answers live.");

async function load(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const access = await qaAccess(user, args.params.slug ?? "");
  if (!access.ok) throw new Response("Not found", { status: 404 });
  return { user, access: access.value };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, access } = await load(args);
  const [state, team] = await Promise.all([qaState(user, access), access.role === "organiser" ? listTeam(access.coffee.id) : Promise.resolve(null)]);
  return { state, team };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("ask"), body: z.string().trim().min(1, "Write your question").max(QUESTION_MAX_LENGTH, `A question can be at most ${QUESTION_MAX_LENGTH} characters`), anonymous: z.literal("on").optional() }),
  z.object({ intent: z.literal("vote"), questionId: z.string().min(1), value: z.enum(["0", "1"]) }),
  z.object({ intent: z.literal("moderate"), questionId: z.string().min(1), action: z.enum(MODERATION_ACTIONS) }),
  z.object({ intent: z.literal("answer"), questionId: z.string().min(1), body: z.string().trim().min(1, "Write an answer").max(1000, "An answer can be at most 1000 characters") }),
  z.object({ intent: z.literal("publish"), kind: z.enum(POST_KINDS), questionId: z.string().optional() }),
  z.object({ intent: z.literal("add-team"), email: z.string().trim().email("Enter a valid email address"), role: z.enum(QA_TEAM_ROLES) }),
  z.object({ intent: z.literal("remove-team"), id: z.string().min(1) }),
]);

export async function action(args: ActionFunctionArgs) {
  const { user, access } = await load(args);
  const url = new URL(args.request.url);
  const back = `${url.pathname}${url.search}`;
  const formData = await args.request.formData();
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = ActionSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "form", i.message]));
    return data({ intent: values.intent ?? null, fieldErrors, values }, { status: 400 });
  }
  const limited = await consumeRateLimit("qa:user", `u:${user.id}`);
  if (!limited.ok) return data({ intent: values.intent ?? null, fieldErrors: { form: limited.message }, values }, { status: 429 });
  const input = parsed.data;
  const ip = args.context.ip;
  const sessionId = access.coffee.id;
  const fail = (message: string) => redirectWithToast(back, { type: "error", title: message });

  switch (input.intent) {
    case "ask": {
      const result = await ask(user, { sessionId, body: input.body, anonymous: input.anonymous === "on" });
      if (!result.ok) return data({ intent: "ask", fieldErrors: { body: result.error.message }, values }, { status: 400 });
      return redirectWithToast(back, { type: "success", title: result.value.status === "pending" ? "Thank you: your question will appear once a moderator approves it" : "Your question is posted" });
    }
    case "vote": {
      const result = await vote(user, { questionId: input.questionId, value: input.value === "1" ? 1 : 0 });
      return result.ok ? redirectWithToast(back, { type: "success", title: input.value === "1" ? "Vote counted" : "Vote withdrawn" }) : fail(result.error.message);
    }
    case "moderate": {
      const result = await moderate(user, { questionId: input.questionId, action: input.action }, ip);
      return result.ok ? redirectWithToast(back, { type: "success", title: "Question updated" }) : fail(result.error.message);
    }
    case "answer": {
      const result = await answer(user, { questionId: input.questionId, body: input.body }, ip);
      return result.ok ? redirectWithToast(back, { type: "success", title: "Answer posted" }) : fail(result.error.message);
    }
    case "publish": {
      const result = await publishAnswered(user, access.coffee, { kind: input.kind, questionId: input.questionId }, ip);
      return result.ok ? redirectWithToast(`/posts/${result.value.id}`, { type: "success", title: input.kind === "resource" ? "Resource published" : "Post published" }) : fail(result.error.message);
    }
    case "add-team": {
      const result = await designateByEmail(user, sessionId, input.email, input.role, ip);
      if (!result.ok) return data({ intent: "add-team", fieldErrors: { email: result.error.message }, values }, { status: 400 });
      return redirectWithToast(back, { type: "success", title: `${result.value.name} is now a ${input.role}` });
    }
    case "remove-team": {
      const result = await removeDesignation(user, sessionId, input.id, ip);
      return result.ok ? redirectWithToast(back, { type: "success", title: "Removed from the Q&A team" }) : fail(result.error.message);
    }
  }
}

const PHASE_TEXT = {
  before: "Questions are open before the session: they flow into the live queue when it starts.",
  live: "The session is live: ask, upvote the questions you want answered.",
  closed: "This Q&A has ended. It stays here as a read-only archive.",
};

type ActionData = { intent: string | null; fieldErrors: Record<string, string>; values: Record<string, string> } | undefined;

export default function QaPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const live = useQaSocket(loaderData.state);
  const { state } = live;
  const [params] = useSearchParams();
  const sort = params.get("sort") === "newest" ? "newest" : "top";
  const stateFilter = params.get("state") ?? "";
  const moderator = canModerate(state.role);
  const [askError, setAskError] = useState<string | null>(null);
  const askRef = useRef<HTMLFormElement>(null);

  const filtered = stateFilter && moderator ? state.questions.filter((q) => q.asker?.country === stateFilter) : state.questions;
  const sorted = sortQuestions(filtered, sort);
  const pending = sorted.filter((q) => q.status === "pending" && moderator);
  const hidden = sorted.filter((q) => q.status === "hidden");
  const listed = sorted.filter((q) => q.status === "approved" || q.status === "answered" || (q.status === "pending" && !moderator));
  const myVotes = new Set(state.myVotes);
  const states = moderator ? askerStates(state.questions) : [];

  /** With a live connection, forms go through the socket; without one they post as usual. */
  function enhance(event: FormEvent<HTMLFormElement>) {
    if (!live.connected) return;
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const fd = new FormData(form, submitter);
    const get = (k: string) => String(fd.get(k) ?? "");
    const intent = get("intent");
    let pending: ReturnType<typeof live.emit> | null = null;
    if (intent === "ask") pending = live.emit("qa:ask", { sessionId: state.session.id, body: get("body"), anonymous: fd.get("anonymous") === "on" });
    if (intent === "vote") pending = live.emit("qa:vote", { questionId: get("questionId"), value: get("value") === "1" ? 1 : 0 });
    if (intent === "moderate") pending = live.emit("qa:moderate", { questionId: get("questionId"), action: get("action") as never });
    if (intent === "answer") pending = live.emit("qa:answer", { questionId: get("questionId"), body: get("body") });
    if (!pending) return;
    event.preventDefault();
    void pending.then((ack) => {
      if (intent === "ask") {
        if (!ack.ok) return setAskError(ack.error.message);
        setAskError(null);
        form.reset();
        const q = (ack as { question?: QaQuestion }).question;
        toast.success(q?.status === "pending" ? "Thank you: your question will appear once a moderator approves it" : "Your question is posted");
        return;
      }
      if (!ack.ok) toast.error(ack.error.message);
      else if (intent === "answer") toast.success("Answer posted");
    });
  }

  const askErrors = actionData?.intent === "ask" ? actionData.fieldErrors : {};
  const teamErrors = actionData?.intent === "add-team" ? actionData.fieldErrors : {};
  const sortLink = (value: "top" | "newest", label: string) => {
    const next = new URLSearchParams(params);
    next.set("sort", value);
    return (
      <Link to={`?${next}`} aria-current={sort === value ? "page" : undefined} preventScrollReset className="rounded-full border border-line px-3 py-1 text-sm no-underline aria-[current=page]:bg-brand-700 aria-[current=page]:text-white">
        {label}
      </Link>
    );
  };

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/sessions/${state.session.slug}`}>← {state.session.title}</Link>
      </p>
      <PageHeader
        title={`Q&A: ${state.session.title}`}
        lead={PHASE_TEXT[state.session.phase]}
        actions={
          <>
            {moderator || state.canAnswer ? <Button asChild variant="secondary"><Link to={`/sessions/${state.session.slug}/present`}>Presenter screen</Link></Button> : null}
            {state.role === "organiser" ? <Button asChild variant="secondary"><a href={`/sessions/${state.session.slug}/qa.csv`} download>Download questions (CSV)</a></Button> : null}
          </>
        }
      />
      <p className="mb-4 text-sm text-muted">
        <DateTime value={state.session.startsAt} /> – <DateTime value={state.session.endsAt} />
        {state.session.qaMode === "moderated" ? " · Questions are approved by a moderator before they appear." : null}
        {live.connected ? <span data-testid="presence">{` · Live: ${live.presence ?? 1} ${live.presence === 1 ? "person" : "people"} here`}</span> : null}
      </p>
      {live.problem ? <Alert tone="error">{`${live.problem} `}<Link to={`/login?redirectTo=${encodeURIComponent(`/sessions/${state.session.slug}/qa`)}`}>Log in again</Link></Alert> : null}
      {live.hidden ? (
        <div data-testid="hidden-notice">
          <Alert tone="info">{`${live.hidden.message} Your question: “${live.hidden.body}”`}</Alert>
        </div>
      ) : null}
      {/* Polite: new questions are read out when the screen reader is idle, focus stays where it is. */}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">{live.announcement}</div>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="questions-heading" className="order-2 lg:order-1">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <h2 id="questions-heading" className="text-2xl font-bold">{`Questions (${listed.length})`}</h2>
            <nav aria-label="Sort questions" className="flex gap-2">
              {sortLink("top", "Top")}
              {sortLink("newest", "Newest")}
            </nav>
          </div>
          {moderator && pending.length ? (
            <section aria-labelledby="pending-heading" className="mb-6">
              <h3 id="pending-heading" className="mb-2 text-xl font-bold">{`Awaiting approval (${pending.length})`}</h3>
              <ol className="space-y-3">
                {pending.map((q) => (
                  <li key={q.id}><QuestionCard question={q} role={state.role} canAnswer={state.canAnswer} phase={state.session.phase} voted={myVotes.has(q.id)} onSubmit={enhance} qaPath={`/sessions/${state.session.slug}/qa`} /></li>
                ))}
              </ol>
            </section>
          ) : null}
          {listed.length ? (
            <ol className="space-y-3" data-testid="question-list">
              {listed.map((q) => (
                <li key={q.id}><QuestionCard question={q} role={state.role} canAnswer={state.canAnswer} phase={state.session.phase} voted={myVotes.has(q.id)} onSubmit={enhance} qaPath={`/sessions/${state.session.slug}/qa`} /></li>
              ))}
            </ol>
          ) : (
            <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">{state.session.phase === "closed" ? "No questions were asked." : "No questions yet: be the first to ask."}</p>
          )}
          {moderator && hidden.length ? (
            <details className="mt-6">
              <summary className="cursor-pointer font-semibold">{`Hidden questions (${hidden.length})`}</summary>
              <ol className="mt-3 space-y-3">
                {hidden.map((q) => (
                  <li key={q.id}><QuestionCard question={q} role={state.role} canAnswer={state.canAnswer} phase={state.session.phase} voted={false} onSubmit={enhance} qaPath={`/sessions/${state.session.slug}/qa`} /></li>
                ))}
              </ol>
            </details>
          ) : null}
        </section>

        <aside className="order-1 space-y-4 lg:order-2">
          {state.session.phase !== "closed" ? (
            <Card>
              <h2 className="mb-3 text-xl font-bold">Ask a question</h2>
              {actionData?.fieldErrors.form && actionData.intent !== "add-team" ? <Alert tone="error">{actionData.fieldErrors.form}</Alert> : null}
              <Form method="post" ref={askRef} onSubmit={enhance}>
                <input type="hidden" name="intent" value="ask" />
                <TextAreaField
                  label="Your question"
                  name="body"
                  required
                  maxLength={QUESTION_MAX_LENGTH}
                  hint={`Up to ${QUESTION_MAX_LENGTH} characters.`}
                  defaultValue={actionData?.intent === "ask" ? actionData.values.body : undefined}
                  error={askError ?? askErrors.body}
                />
                <CheckboxField name="anonymous" label="Ask anonymously (only the organisers will see your name)" defaultChecked={actionData?.values.anonymous === "on"} />
                <Button type="submit" className="w-full">Ask</Button>
              </Form>
            </Card>
          ) : null}
          {moderator ? (
            <Card>
              <h2 className="mb-3 text-xl font-bold">Balance the floor</h2>
              <Form method="get" preventScrollReset>
                <input type="hidden" name="sort" value={sort} />
                <SelectField label="Asker's Member State" name="state" defaultValue={stateFilter} required>
                  <option value="">All States</option>
                  {states.map((c) => (
                    <option key={c} value={c}>{countryName(c)}</option>
                  ))}
                </SelectField>
                <Button type="submit" variant="secondary">Filter</Button>
              </Form>
            </Card>
          ) : null}
          {state.role === "organiser" && loaderData.team ? (
            <Card>
              <h2 className="mb-3 text-xl font-bold">Q&A team</h2>
              {loaderData.team.length ? (
                <ul className="mb-3 space-y-2">
                  {loaderData.team.map((t) => (
                    <li key={t.id} className="flex items-center justify-between gap-2 text-sm">
                      <span>{t.user.name} <span className="text-muted">{`(${t.role})`}</span></span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-team" />
                        <input type="hidden" name="id" value={t.id} />
                        <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${t.user.name} as ${t.role}`}>Remove</Button>
                      </Form>
                    </li>
                  ))}
                </ul>
              ) : <p className="mb-3 text-sm text-muted">Organisers moderate every session. Add moderators and speakers for this one.</p>}
              <Form method="post">
                <input type="hidden" name="intent" value="add-team" />
                <TextField label="Member's email" name="email" type="email" required autoComplete="off" error={teamErrors.email} defaultValue={actionData?.intent === "add-team" ? actionData.values.email : undefined} />
                <SelectField label="Role" name="role" required defaultValue="moderator">
                  <option value="moderator">Moderator</option>
                  <option value="speaker">Speaker</option>
                </SelectField>
                <Button type="submit" variant="secondary">Add to the team</Button>
              </Form>
              <Form method="post" className="mt-4 border-t border-line pt-4">
                <input type="hidden" name="intent" value="publish" />
                <p className="mb-2 text-sm">Publish every answered question as one page:</p>
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" name="kind" value="update" size="sm" variant="secondary">As a post</Button>
                  <Button type="submit" name="kind" value="resource" size="sm" variant="secondary">As a resource</Button>
                </div>
              </Form>
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
