import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card } from "#app/components/ui/card.tsx";
import { accountCounts } from "#app/modules/admin/users.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { outboxCounts } from "#app/modules/notifications/outbox.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Admin overview", "What needs the MIEUX+ team's attention: accounts, roster applications, moderation and email.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const [accounts, outbox] = await Promise.all([accountCounts(), outboxCounts()]);
  return { ...accounts, outbox };
}

export default function AdminOverview() {
  const { users, unverified, outbox, byRole } = useLoaderData<typeof loader>();
  const stats = [
    { label: "Accounts", value: users, to: "/admin/users" },
    { label: "Awaiting email confirmation", value: unverified, to: "/admin/users" },
    { label: "Experts", value: byRole.expert ?? 0, to: "/admin/users?role=expert" },
    { label: "Focal Points", value: byRole.focal_point ?? 0, to: "/admin/users?role=focal_point" },
    { label: "Emails waiting", value: outbox.pending + outbox.sending, to: "/admin/outbox?status=pending" },
    { label: "Emails failed", value: outbox.failed, to: "/admin/outbox?status=failed" },
  ];
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {stats.map((s) => (
        <li key={s.label}>
          <Card>
            <Link to={s.to} className="no-underline">
              <span className="block font-serif text-4xl font-bold text-brand-700">{s.value}</span>
              <span className="text-ink">{s.label}</span>
            </Link>
          </Card>
        </li>
      ))}
    </ul>
  );
}
