import { Form, Link, NavLink } from "@remix-run/react";
import { Coffee, FileText, Globe2, Handshake, Home, Megaphone, LogIn, Menu, Newspaper, Settings, Shield, Sparkles, Users, Waypoints, X } from "#app/components/ui/icons.tsx";
import { useEffect, useState } from "react";
import { hasRole } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { cn } from "#app/utils/misc.ts";
import { NotificationBell } from "./notification-bell.tsx";

export const NAV_ITEMS = [
  { to: "/", label: "Home", icon: Home, end: true },
  { to: "/posts", label: "Posts", icon: Newspaper },
  { to: "/sessions", label: "Morning Coffee", icon: Coffee },
  { to: "/roster", label: "Expert Roster", icon: Users },
  { to: "/focal-points", label: "Focal Points", icon: Globe2 },
  { to: "/actions", label: "Actions", icon: Waypoints },
  { to: "/calls", label: "Calls for experts", icon: Megaphone },
  { to: "/requests", label: "Exchange requests", icon: Handshake },
  { to: "/spotlights", label: "Spotlights", icon: Sparkles },
  { to: "/resources", label: "Resources", icon: FileText },
] as const;

function Logo() {
  return (
    // No aria-label: the link's name is its visible text (WCAG 2.5.3 Label in Name), plus where it goes.
    <Link to="/" className="flex items-center gap-2 no-underline">
      <span aria-hidden="true" className="grid size-9 place-items-center rounded-md bg-brand-700 font-serif text-lg font-bold text-accent-400">
        M+
      </span>
      <span className="leading-tight">
        <span className="block font-serif text-lg font-bold text-brand-900">MIEUX+ Community</span>
        <span className="hidden text-xs text-muted sm:block">EU migration expertise network</span>
        <span className="sr-only"> (home page)</span>
      </span>
    </Link>
  );
}

function NavItems({ user, onNavigate, vertical }: { user: SessionUser | null; onNavigate?: () => void; vertical?: boolean }) {
  const items = [...NAV_ITEMS, ...(hasRole(user?.role, "organiser") ? [{ to: "/admin", label: "Admin", icon: Shield, end: false }] : [])];
  return (
    <ul className={cn("flex gap-1", vertical ? "flex-col" : "flex-row flex-wrap")}>
      {items.map(({ to, label, icon: Icon, ...rest }) => (
        <li key={to}>
          <NavLink
            to={to}
            end={"end" in rest ? rest.end : false}
            onClick={onNavigate}
            className={({ isActive }) =>
              cn(
                "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium no-underline",
                isActive ? "bg-brand-700 text-white" : "text-brand-900 hover:bg-brand-50",
              )
            }
          >
            <Icon aria-hidden="true" className="size-4" />
            {label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function AccountLinks({ user }: { user: SessionUser | null }) {
  if (!user) {
    return (
      <div className="flex items-center gap-2">
        <Link to="/login" className="flex items-center gap-1 rounded-md px-3 py-2 text-sm font-semibold no-underline hover:bg-brand-50">
          <LogIn aria-hidden="true" className="size-4" /> Log in
        </Link>
        <Link to="/signup" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800">
          Join
        </Link>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Link to="/settings" className="flex items-center gap-1 rounded-md px-3 py-2 text-sm font-semibold no-underline hover:bg-brand-50">
        <Settings aria-hidden="true" className="size-4" />
        <span className="max-w-36 truncate">{user.name}</span>
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
          Log out
        </button>
      </Form>
    </div>
  );
}

/** Whether a key press belongs to a field someone is typing in (then "/" is just a character). */
function typingIn(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The site-wide search box: a plain GET form to /search, so it works without JavaScript. */
function SiteSearch() {
  return (
    <form method="get" action="/search" role="search" className="order-last flex w-full items-center gap-2 md:order-none md:w-auto md:max-w-xs md:flex-1">
      <label htmlFor="site-search" className="sr-only">
        Search the site
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        maxLength={200}
        placeholder="Search (press /)"
        className="min-w-0 flex-1 rounded-md border border-line px-3 py-2 text-sm"
      />
      <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
        Search
      </button>
    </form>
  );
}

export function SiteHeader({ user, unread = 0 }: { user: SessionUser | null; unread?: number }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // "/" focuses the search box, as on many sites, unless someone is typing in a field.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const box = document.getElementById("site-search");
      if (!(box instanceof HTMLInputElement)) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <header className="border-b border-line bg-white">
      <div className="h-1 bg-gradient-to-r from-brand-700 via-brand-700 to-accent-400" aria-hidden="true" />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 md:flex-nowrap">
        <Logo />
        <SiteSearch />
        <div className="ml-auto flex items-center gap-2">
          {user ? <NotificationBell initial={unread} /> : null}
          <div className="hidden md:block">
            <AccountLinks user={user} />
          </div>
        </div>
        <button
          type="button"
          className="rounded-md p-2 text-brand-900 hover:bg-brand-50 md:hidden"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <X aria-hidden="true" className="size-6" /> : <Menu aria-hidden="true" className="size-6" />}
          <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
        </button>
      </div>
      <nav aria-label="Main" className="mx-auto hidden max-w-6xl px-4 pb-2 md:block">
        <NavItems user={user} />
      </nav>
      {open ? (
        <nav id="mobile-nav" aria-label="Main" className="border-t border-line px-4 py-3 md:hidden">
          <NavItems user={user} vertical onNavigate={() => setOpen(false)} />
          <div className="mt-3 border-t border-line pt-3">
            <AccountLinks user={user} />
          </div>
        </nav>
      ) : null}
    </header>
  );
}
