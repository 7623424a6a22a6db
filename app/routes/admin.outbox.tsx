import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { audit } from "#app/modules/admin/audit.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { listOutbox, outboxCounts, retryMail } from "#app/modules/notifications/outbox.server.ts";
import { OUTBOX_STATUSES } from "#app/modules/notifications/outbox-status.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Email outbox", "Emails waiting, sent and failed, with a way to send a failed one again.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const status = new URL(args.request.url).searchParams.get("status");
  const [counts, messages] = await Promise.all([outboxCounts(), listOutbox(status)]);
  return { counts, messages };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requireRole(args, "organiser");
  const id = String((await args.request.formData()).get("id") ?? "");
  const retried = await retryMail(id);
  if (retried) await audit({ actorId: actor.id, action: "mail.retry", targetType: "mail", targetId: id, ip: args.context.ip });
  return redirectWithToast(`/admin/outbox${new URL(args.request.url).search}`, retried ? { type: "success", title: "The email will be sent again now" } : { type: "error", title: "That email cannot be retried" });
}

export default function AdminOutbox() {
  const { counts, messages } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const current = params.get("status");
  return (
    <Card>
      <h2 className="text-2xl font-bold">Email outbox</h2>
      <p className="mt-1 text-muted">Every email waits here until the mail server accepts it; failures are retried with growing pauses.</p>
      <ul className="mt-4 flex flex-wrap gap-2">
        <li><Link to="/admin/outbox" aria-current={!current ? "page" : undefined} className="rounded-full border border-line px-3 py-1 text-sm no-underline aria-[current=page]:bg-brand-700 aria-[current=page]:text-white">All</Link></li>
        {OUTBOX_STATUSES.map((s) => (
          <li key={s}>
            <Link to={`?status=${s}`} aria-current={current === s ? "page" : undefined} className="rounded-full border border-line px-3 py-1 text-sm no-underline aria-[current=page]:bg-brand-700 aria-[current=page]:text-white">
              {s} ({counts[s] ?? 0})
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Queued and sent emails</caption>
          <thead className="border-b border-line">
            <tr>
              <th scope="col" className="py-2 pr-3">Email</th>
              <th scope="col" className="py-2 pr-3">Status</th>
              <th scope="col" className="py-2 pr-3">Queued</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {messages.map((m) => (
              <tr key={m.id}>
                <td className="py-2 pr-3">
                  <span className="font-semibold">{m.subject}</span>
                  <br />
                  <span className="text-muted">to {m.to} · {m.kind}</span>
                  {m.lastError ? <p className="text-danger">Last error: {m.lastError}</p> : null}
                </td>
                <td className="py-2 pr-3">
                  {m.status}
                  {m.attempts ? ` · ${m.attempts} attempt${m.attempts === 1 ? "" : "s"}` : ""}
                  {m.status === "pending" && m.attempts ? <><br />next try <DateTime value={m.nextAttemptAt} /></> : null}
                  {m.sentAt ? <><br />sent <DateTime value={m.sentAt} /></> : null}
                </td>
                <td className="py-2 pr-3"><DateTime value={m.createdAt} /></td>
                <td className="py-2">
                  {m.status === "failed" || (m.status === "pending" && m.attempts > 0) ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <Button type="submit" size="sm" variant="secondary">Send now</Button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {messages.length === 0 ? <p className="py-6 text-center text-muted">No emails here.</p> : null}
      </div>
    </Card>
  );
}
