import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole } from "#app/utils/guards.server.ts";
import { cn } from "#app/utils/misc.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Admin", "Administration of MIEUX+ Community.");

export function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  return null;
}

const TABS = [
  { to: "/admin", label: "Overview", end: true },
  { to: "/admin/users", label: "Users and roles" },
  { to: "/admin/roster", label: "Expert Roster" },
  { to: "/admin/moderation", label: "Moderation queue" },
  { to: "/admin/outbox", label: "Email outbox" },
  { to: "/admin/audit", label: "Audit log" },
];

export default function AdminLayout() {
  return (
    <div>
      <h1 className="text-3xl font-bold">Admin</h1>
      <nav aria-label="Admin" className="mt-4 border-b border-line">
        <ul className="flex flex-wrap gap-x-1">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  cn("block border-b-2 px-3 py-2 text-sm font-semibold whitespace-nowrap no-underline", isActive ? "border-brand-700 text-brand-900" : "border-transparent text-muted hover:text-brand-900")
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  );
}
