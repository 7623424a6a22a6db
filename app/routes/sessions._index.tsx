import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CalendarPlus, Plus } from "#app/components/ui/icons.tsx";
import { SessionTime, StatusBadge } from "#app/components/coffee/session-time.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { listCoffees } from "#app/modules/coffee/coffee.server.ts";
import { webcalUrl } from "#app/modules/coffee/calendar.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { countryName } from "#app/utils/countries.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Morning Coffee sessions", "Upcoming and past MIEUX+ Morning Coffees: Action Spotlights and live Q&A twice a year.");

export async function loader({ context }: LoaderFunctionArgs) {
  const lists = await listCoffees(context.user);
  const feed = `${getEnv().APP_URL}/calendar/public.ics`;
  return { ...lists, organiser: !!context.user && hasRole(context.user.role, "organiser"), feed: { http: feed, webcal: webcalUrl(feed) } };
}

type Item = Awaited<ReturnType<typeof loader>>["upcoming"][number];

function CoffeeCard({ coffee }: { coffee: Item }) {
  return (
    <Card className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 empty:hidden">
        {coffee.status !== "published" ? <StatusBadge status={coffee.status} /> : null}
        {coffee.myStatus === "registered" ? <span className="rounded-full bg-green-100 px-2.5 py-0.5 text-xs font-semibold text-green-900">You are registered</span> : null}
        {coffee.myStatus === "waitlisted" ? <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">On the waitlist</span> : null}
      </div>
      <h3 className="text-xl font-bold">
        <Link to={`/sessions/${coffee.slug}`}>{coffee.title}</Link>
      </h3>
      <SessionTime startsAt={coffee.startsAt} durationMinutes={coffee.durationMinutes} timezone={coffee.timezone} />
      {coffee.summary ? <p className="text-muted">{coffee.summary}</p> : null}
      {coffee.spotlights.length ? (
        <p className="text-sm">
          <span className="font-semibold">Action Spotlights:</span> {coffee.spotlights.map((s) => (s.country ? countryName(s.country) : s.title)).join(", ")}
        </p>
      ) : null}
    </Card>
  );
}

export default function MorningCoffeeList() {
  const { upcoming, past, drafts, organiser, feed } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Morning Coffee"
        lead="Twice a year the network meets online: an Action Spotlight on a MIEUX+ Action and a live Q&A with the speakers."
        actions={
          <>
            <Link to="/j" className="inline-flex items-center gap-2 rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
              Have a join code?
            </Link>
            <a href={feed.webcal} className="inline-flex items-center gap-2 rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
              <CalendarPlus aria-hidden="true" className="size-5" /> Subscribe to all sessions
            </a>
            {organiser ? (
              <Link to="/sessions/new" className="inline-flex items-center gap-2 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
                <Plus aria-hidden="true" className="size-5" /> New Morning Coffee
              </Link>
            ) : null}
          </>
        }
      />
      {organiser && drafts.length ? (
        <section aria-labelledby="drafts-heading" className="mb-10">
          <h2 id="drafts-heading" className="text-2xl font-bold">Drafts (only organisers see these)</h2>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {drafts.map((c) => (
              <CoffeeCard key={c.id} coffee={c} />
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="text-2xl font-bold">Upcoming</h2>
        {upcoming.length ? (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {upcoming.map((c) => (
              <CoffeeCard key={c.id} coffee={c} />
            ))}
          </div>
        ) : (
          <p className="mt-2 text-muted">No Morning Coffee is scheduled yet. Subscribe to the calendar to hear about the next one.</p>
        )}
      </section>
      <section aria-labelledby="past-heading" className="mt-10">
        <h2 id="past-heading" className="text-2xl font-bold">Past sessions</h2>
        {past.length ? (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {past.map((c) => (
              <CoffeeCard key={c.id} coffee={c} />
            ))}
          </div>
        ) : (
          <p className="mt-2 text-muted">Recordings and summaries of past sessions will appear here.</p>
        )}
      </section>
      <p className="mt-8 text-sm text-muted">
        Calendar feed of every session: <a href={feed.http}>{feed.http}</a>
      </p>
    </div>
  );
}
