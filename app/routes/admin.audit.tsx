import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card } from "#app/components/ui/card.tsx";
import { listAuditLog } from "#app/modules/admin/audit.server.ts";
import { requireRole } from "#app/modules/auth/guards.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Audit log", "Who did what and when on MIEUX+ Community: role changes, roster decisions and sign-ins, with filters.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const url = new URL(args.request.url);
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  return listAuditLog({ page, action: url.searchParams.get("action") || undefined });
}

export default function AdminAudit() {
  const { entries, total, page, perPage } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <Card>
      <h2 className="text-2xl font-bold">Audit log</h2>
      <p className="mt-1 text-muted">Who did what: sign-ups, log-ins, role changes, moderation and more. {total} entries.</p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries, newest first</caption>
          <thead className="border-b border-line">
            <tr>
              <th scope="col" className="py-2 pr-3">When</th>
              <th scope="col" className="py-2 pr-3">Who</th>
              <th scope="col" className="py-2 pr-3">What</th>
              <th scope="col" className="py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="py-2 pr-3 whitespace-nowrap"><DateTime value={e.createdAt} /></td>
                <td className="py-2 pr-3">{e.actor ? e.actor.name : "System"}</td>
                <td className="py-2 pr-3"><Link to={`?action=${encodeURIComponent(e.action)}`}>{e.action}</Link></td>
                <td className="py-2 font-mono text-xs break-all">{[e.targetType && `${e.targetType} ${e.targetId}`, e.data, e.ip].filter(Boolean).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Pagination" className="mt-4 flex gap-3">
          {page > 1 ? <Link to={`?page=${page - 1}`}>Newer</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>Older</Link> : null}
        </nav>
      ) : null}
    </Card>
  );
}
