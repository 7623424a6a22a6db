import { Form, Link } from "@remix-run/react";
import type { FormEvent } from "react";
import { Button } from "#app/components/ui/button.tsx";
import type { QaPhase, QaQuestion, QaViewerRole } from "#app/modules/qa/events.ts";
import { countryName } from "#app/utils/countries.ts";
import { cn } from "#app/utils/misc.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { reportLink } from "#app/utils/report-link.ts";

type Props = {
  question: QaQuestion;
  role: QaViewerRole;
  /** Organisers and this session's speakers (a moderator may be one too). */
  canAnswer: boolean;
  phase: QaPhase;
  voted: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** This Q&A page, where a report comes back to. */
  qaPath: string;
};

const STATUS_LABEL: Record<string, string> = { pending: "Awaiting approval", answered: "Answered", hidden: "Hidden" };

/** One question with the actions this person may take; every action is a plain form (works without JavaScript). */
export function QuestionCard({ question: q, role, canAnswer, phase, voted, onSubmit, qaPath }: Props) {
  const moderator = role === "organiser" || role === "moderator";
  // Nobody upvotes their own question (the server refuses it too).
  const votable = phase !== "closed" && !q.mine && (q.status === "approved" || q.status === "answered");
  const headingId = `q-${q.id}`;
  return (
    <article aria-labelledby={headingId} className={cn("rounded-lg border bg-white p-4 shadow-sm", q.pinned ? "border-brand-700 ring-2 ring-brand-700" : "border-line")}>
      <div className="flex gap-4">
        <div className="flex w-20 shrink-0 flex-col items-center">
          <p className="text-2xl font-bold text-brand-900" data-testid="votes">
            {q.votes}
            <span className="sr-only"> {q.votes === 1 ? "vote" : "votes"}</span>
          </p>
          <span aria-hidden="true" className="text-xs text-muted">{q.votes === 1 ? "vote" : "votes"}</span>
          {votable ? (
            <Form method="post" onSubmit={onSubmit} className="mt-2">
              <input type="hidden" name="intent" value="vote" />
              <input type="hidden" name="questionId" value={q.id} />
              <input type="hidden" name="value" value={voted ? "0" : "1"} />
              {/* A toggle keeps its name; aria-pressed (and the filled style and tick) say it is on. */}
              <Button type="submit" size="sm" variant={voted ? "primary" : "secondary"} aria-pressed={voted} aria-describedby={headingId}>
                {voted ? <span aria-hidden="true">✓</span> : null}
                Upvote
              </Button>
            </Form>
          ) : null}
        </div>
        <div className="min-w-0 flex-1">
          <ul className="mb-1 flex flex-wrap gap-2 text-xs font-semibold" aria-label="Status">
            {q.pinned ? <li className="rounded-full bg-brand-700 px-2 py-0.5 text-white">Now answering</li> : null}
            {STATUS_LABEL[q.status] ? <li className={cn("rounded-full px-2 py-0.5", q.status === "answered" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900")}>{STATUS_LABEL[q.status]}</li> : null}
            {q.mine ? <li className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-900">Your question</li> : null}
          </ul>
          <h3 id={headingId} className="text-lg font-semibold break-words text-ink whitespace-pre-line">{q.body}</h3>
          <p className="mt-1 text-sm text-muted">
            {q.author ? q.author.name : q.anonymous ? "Anonymous" : "Former member"}
            {q.anonymous && q.author ? " (asked anonymously: only organisers see the name)" : null}
            {q.asker?.country ? ` · ${countryName(q.asker.country)}` : null}
            {q.asker?.institution ? ` · ${q.asker.institution}` : null}
            {" · "}
            <DateTime value={q.createdAt} />
          </p>
          {q.status === "pending" && q.mine && !moderator ? <p className="mt-1 text-sm text-muted">Only you and the moderators can see it until it is approved.</p> : null}
          {q.answer ? (
            <div className="mt-3 rounded-md border-l-4 border-green-700 bg-green-50 px-3 py-2">
              <p className="text-sm font-semibold text-green-900">Answer</p>
              <p className="whitespace-pre-line text-ink">{q.answer}</p>
            </div>
          ) : null}
          {moderator ? <ModerationButtons question={q} onSubmit={onSubmit} /> : null}
          {/* Members report; moderators hide directly. A link, so it works without JavaScript. */}
          {!moderator && !q.mine && (q.status === "approved" || q.status === "answered") ? (
            <p className="mt-2 text-sm">
              <Link to={reportLink("question", q.id, qaPath)} aria-describedby={headingId}>Report</Link>
            </p>
          ) : null}
          {canAnswer && (q.status === "approved" || q.status === "answered") ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">{q.answer ? "Edit the answer" : "Write an answer"}</summary>
              <Form method="post" onSubmit={onSubmit} className="mt-2">
                <input type="hidden" name="intent" value="answer" />
                <input type="hidden" name="questionId" value={q.id} />
                <label htmlFor={`answer-${q.id}`} className="block text-sm font-semibold">Short answer</label>
                <textarea id={`answer-${q.id}`} name="body" required maxLength={1000} defaultValue={q.answer ?? ""} className="mt-1 block w-full rounded-md border border-line px-3 py-2" rows={3} />
                <Button type="submit" size="sm" className="mt-2">Post answer</Button>
              </Form>
            </details>
          ) : null}
          {role === "organiser" && q.status === "answered" && q.answer ? (
            <Form method="post" className="mt-3 flex flex-wrap items-center gap-2">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="questionId" value={q.id} />
              <span className="text-sm text-muted">Share this answer:</span>
              <Button type="submit" name="kind" value="update" size="sm" variant="ghost">Turn into a post</Button>
              <Button type="submit" name="kind" value="resource" size="sm" variant="ghost">Turn into a resource</Button>
            </Form>
          ) : null}
        </div>
      </div>
    </article>
  );
}

function ModerationButtons({ question: q, onSubmit }: { question: QaQuestion; onSubmit: Props["onSubmit"] }) {
  const actions: { action: string; label: string; variant?: "primary" | "secondary" | "danger" }[] = [];
  if (q.status === "pending" || q.status === "hidden") actions.push({ action: "approve", label: q.status === "hidden" ? "Restore" : "Approve", variant: "primary" });
  if (q.status !== "hidden") actions.push(q.pinned ? { action: "unpin", label: "Unpin" } : { action: "pin", label: "Pin as now answering" });
  if (q.status === "approved" || q.status === "pending") actions.push({ action: "answered", label: "Mark answered" });
  if (q.status === "answered") actions.push({ action: "reopen", label: "Reopen" });
  if (q.status !== "hidden") actions.push({ action: "hide", label: "Hide", variant: "danger" });
  return (
    <Form method="post" onSubmit={onSubmit} className="mt-3 flex flex-wrap gap-2" aria-label="Moderate this question">
      <input type="hidden" name="intent" value="moderate" />
      <input type="hidden" name="questionId" value={q.id} />
      {actions.map((a) => (
        <Button key={a.action} type="submit" name="action" value={a.action} size="sm" variant={a.variant ?? "secondary"}>
          {a.label}
        </Button>
      ))}
    </Form>
  );
}
