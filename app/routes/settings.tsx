import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireUser } from "#app/utils/guards.server.ts";
import { cn } from "#app/utils/misc.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings", "Your MIEUX+ Community account settings.");

export function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return null;
}

const TABS = [
  { to: "/settings", label: "Profile", end: true },
  { to: "/settings/security", label: "Email and password" },
  { to: "/settings/sessions", label: "Devices and sessions" },
  { to: "/settings/notifications", label: "Notifications" },
  { to: "/settings/calendar", label: "Calendar" },
  { to: "/settings/roster", label: "Expert Roster" },
  { to: "/settings/privacy", label: "Privacy and data" },
];

export default function SettingsLayout() {
  return (
    <div>
      <h1 className="text-3xl font-bold">Settings</h1>
      <div className="mt-6 grid grid-cols-1 gap-6 md:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label="Settings">
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {TABS.map((tab) => (
              <li key={tab.to}>
                <NavLink
                  to={tab.to}
                  end={tab.end}
                  className={({ isActive }) =>
                    cn("block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap no-underline", isActive ? "bg-brand-700 text-white" : "text-brand-900 hover:bg-brand-50")
                  }
                >
                  {tab.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
