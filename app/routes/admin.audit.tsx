import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { AUDIT_KINDS, type AuditKind } from "#app/modules/admin/audit-sentences.ts";
import { auditActors, listAuditLog } from "#app/modules/admin/audit.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parsePage } from "#app/utils/paging.ts";

export const meta: MetaFunction = () => pageMeta("Audit log", "Who did what and when on MIEUX+ Community: role changes, roster decisions and sign-ins, with filters.");

const DAY = 86_400_000;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write dates as YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "That is not a real date.")
  .optional()
  .or(z.literal("").transform(() => undefined));
const Filter = z
  .object({
    actor: z.string().max(50).optional(),
    kind: z.enum(Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]], { message: "Choose a kind of event from the list." }).optional().or(z.literal("").transform(() => undefined)),
    from: day,
    to: day,
    page: z.unknown().transform((v) => parsePage(typeof v === "string" ? v : null)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The first day must come before the last day.", path: ["to"] });

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  const parsed = Filter.safeParse(params);
  // A filter that does not parse is shown with its message, and the log is shown unfiltered.
  const f = parsed.success ? parsed.data : { page: 1 };
  const [log, actors] = await Promise.all([
    listAuditLog({
      page: f.page,
      actorId: "actor" in f && f.actor ? f.actor : undefined,
      kind: "kind" in f ? f.kind : undefined,
      // Days are UTC days, and "to" includes its whole day.
      from: "from" in f && f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
      to: "to" in f && f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY) : undefined,
    }),
    auditActors(),
  ]);
  return { ...log, actors, problem: parsed.success ? null : parsed.error.issues[0].message, values: { actor: params.actor ?? "", kind: params.kind ?? "", from: params.from ?? "", to: params.to ?? "" } };
}

export default function AdminAudit() {
  const { entries, total, page, perPage, actors, problem, values } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / perPage));
  const pageLink = (p: number) => `?${new URLSearchParams({ ...values, page: String(p) })}`;
  const filtered = Object.values(values).some(Boolean) && !problem;
  return (
    <Card>
      <h2 className="text-2xl font-bold">Audit log</h2>
      <p className="mt-1 text-muted">Who did what, newest first: sign-ups and log-ins, role changes, roster decisions, Morning Coffee and Q&amp;A moderation.</p>
      <Form method="get" className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end" aria-label="Filter the audit log">
        <label className="text-sm font-semibold">
          Who
          <select name="actor" defaultValue={values.actor} className="mt-1 block w-full rounded-md border border-line px-3 py-2 font-normal">
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>{a.name} ({a.email})</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Kind of event
          <select name="kind" defaultValue={values.kind} className="mt-1 block w-full rounded-md border border-line px-3 py-2 font-normal">
            <option value="">All events</option>
            {Object.entries(AUDIT_KINDS).map(([key, kind]) => (
              <option key={key} value={key}>{kind.label}</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          From (UTC)
          <input type="date" name="from" defaultValue={values.from} className="mt-1 block w-full rounded-md border border-line px-3 py-2 font-normal" aria-describedby={problem ? "audit-problem" : undefined} />
        </label>
        <label className="text-sm font-semibold">
          To (UTC)
          <input type="date" name="to" defaultValue={values.to} className="mt-1 block w-full rounded-md border border-line px-3 py-2 font-normal" aria-describedby={problem ? "audit-problem" : undefined} />
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">Filter</Button>
          {filtered ? <Link to="/admin/audit" className="self-center text-sm">Clear</Link> : null}
        </div>
      </Form>
      {problem ? (
        <p id="audit-problem" role="alert" className="mt-3 font-semibold text-danger">{problem} Showing every event.</p>
      ) : null}
      <p className="mt-4 text-sm text-muted" aria-live="polite">{`${total.toLocaleString("en-GB")} event${total === 1 ? "" : "s"}${filtered ? (total === 1 ? " matches" : " match") : ""}`}</p>
      <ol className="mt-2 divide-y divide-line" aria-label="Events, newest first">
        {entries.map((e) => (
          <li key={e.id} className="py-3">
            <p>
              {e.sentence.map((part, i) => (typeof part === "string" ? <span key={i}>{part}</span> : <Link key={i} to={part.href}>{part.text}</Link>))}
            </p>
            <p className="mt-0.5 text-sm text-muted">
              <DateTime value={e.createdAt} />
              {e.ip ? <> · from {e.ip}</> : null}
              {" · "}
              <span className="font-mono text-xs">{e.code}</span>
            </p>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Pagination" className="mt-4 flex flex-wrap gap-3">
          {page > 1 ? <Link to={pageLink(page - 1)}>Newer</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>Older</Link> : null}
        </nav>
      ) : null}
    </Card>
  );
}
