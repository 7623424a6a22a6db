import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowRight, Coffee, Globe2, Users } from "#app/components/ui/icons.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { countActions } from "#app/modules/actions/catalogue.server.ts";
import { upcomingCoffeeTeaser } from "#app/modules/coffee/teaser.server.ts";
import { keyFigures } from "#app/modules/roster/figures.ts";
import { rosterStatistics } from "#app/modules/roster/stats.server.ts";
import { excerpt, listPosts } from "#app/modules/posts/posts.server.ts";
import { kindLabel } from "#app/modules/posts/rules.ts";
import { formatDateTime } from "#app/utils/misc.ts";
import { cache } from "#app/utils/cache.server.ts";
import { DateTime } from "#app/components/date-time.tsx";

export const meta: MetaFunction = () => [
  { title: "MIEUX+ Community — the migration expertise network" },
  { name: "description", content: "The online home of the MIEUX+ Expert Roster: EU public officials sharing migration expertise with partners worldwide, Morning Coffees and live Q&A." },
];

export async function loader({ context }: LoaderFunctionArgs) {
  // The same for every visitor: kept until the next commit to the database, or a few seconds.
  const [nextCoffee, posts, stats, actions] = await Promise.all([
    cache.get("home", "next-coffee", () => upcomingCoffeeTeaser(), { ttlMs: 5_000 }),
    cache.get("home", "latest-posts", () => listPosts({ take: 4 })),
    // The same figures as the statistics page, from the same query: the site never hard-codes them.
    cache.get("home", "roster-figures", () => rosterStatistics()),
    cache.get("home", "action-count", () => countActions()),
  ]);
  return {
    user: context.user ? { name: context.user.name, emailVerified: context.user.emailVerified } : null,
    nextCoffee,
    figures: keyFigures(stats),
    actions,
    latest: posts.map((p) => ({ id: p.id, kind: p.kind, title: p.title, excerpt: excerpt(p.body, 160), createdAt: p.createdAt })),
  };
}

const AREAS = [
  "Legal migration and mobility",
  "Migration and development",
  "Irregular migration and trafficking in human beings",
  "International protection and asylum policy",
  "Horizontal interventions (health, climate change, data, gender)",
];

export default function HomePage() {
  const { user, nextCoffee, latest, figures, actions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-brand-700 px-6 py-10 text-white sm:px-10">
        <p className="text-sm font-semibold tracking-wide text-accent-300 uppercase">MIEUX+ Community</p>
        <h1 className="mt-2 max-w-3xl text-3xl font-bold text-white sm:text-5xl">
          {user ? `Welcome, ${user.name.split(" ")[0]}` : "European expertise, shared with partners worldwide"}
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">
          The online home of the MIEUX+ Expert Roster: public officials from EU Member States who share migration know-how with
          partner administrations in Africa, Asia, the EU Neighbourhood and Latin America and the Caribbean.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {user ? (
            <Link to="/sessions" className="rounded-md bg-accent-400 px-5 py-3 font-semibold text-brand-900 no-underline hover:bg-accent-300">
              See Morning Coffee sessions
            </Link>
          ) : (
            <>
              <Link to="/signup" className="rounded-md bg-accent-400 px-5 py-3 font-semibold text-brand-900 no-underline hover:bg-accent-300">
                Join the community
              </Link>
              <Link to="/login" className="rounded-md border border-white px-5 py-3 font-semibold text-white no-underline hover:bg-brand-800">
                Log in
              </Link>
            </>
          )}
        </div>
      </section>

      {user && !user.emailVerified ? (
        <Card className="border-amber-300 bg-amber-50">
          <p>
            <strong>Confirm your email address</strong> to register for sessions and take part. <Link to="/verify-email">Resend the link</Link>
          </p>
        </Card>
      ) : null}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="text-2xl font-bold">The network in figures</h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((f) => (
            <Card key={f.key} className="flex flex-col">
              <dt className="text-sm text-muted">{f.label}</dt>
              <dd className="order-first font-serif text-4xl font-bold text-brand-700">{f.value}</dd>
            </Card>
          ))}
        </dl>
        <p className="mt-3 text-sm text-muted">
          {actions.toLocaleString("en-GB")} MIEUX+ Action{actions === 1 ? "" : "s"} recorded here. <Link to="/roster/stats">More roster statistics</Link> ·{" "}
          <Link to="/actions">See the Actions</Link>
        </p>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="flex items-center gap-2">
            <Coffee aria-hidden="true" className="size-6 text-brand-700" />
            <h2 className="text-2xl font-bold">Next Morning Coffee</h2>
          </div>
          {nextCoffee ? (
            <div className="mt-3">
              <p className="text-lg font-semibold">{nextCoffee.title}</p>
              <p className="text-muted">{formatDateTime(nextCoffee.startsAt, nextCoffee.timezone)} ({nextCoffee.timezone.replace("_", " ")})</p>
              <p className="mt-2">{nextCoffee.summary}</p>
              <Link to={`/sessions/${nextCoffee.slug}`} className="mt-3 inline-flex items-center gap-1 font-semibold">
                Session details <ArrowRight aria-hidden="true" className="size-4" />
              </Link>
            </div>
          ) : (
            <p className="mt-3 text-muted">No session is scheduled yet. Morning Coffees happen twice a year.</p>
          )}
        </Card>
        <Card>
          <div className="flex items-center gap-2">
            <Users aria-hidden="true" className="size-6 text-brand-700" />
            <h2 className="text-2xl font-bold">Expert Roster</h2>
          </div>
          <p className="mt-3">Public officials from ministries of interior, external affairs, labour, justice and local authorities.</p>
          <Link to="/roster" className="mt-3 inline-flex items-center gap-1 font-semibold">
            Explore the roster <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </Card>
      </div>

      {latest.length ? (
        <section aria-labelledby="latest-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="latest-heading" className="text-2xl font-bold">Latest from the network</h2>
            <Link to="/posts" className="inline-flex items-center gap-1 font-semibold">
              All posts <ArrowRight aria-hidden="true" className="size-4" />
            </Link>
          </div>
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {latest.map((post) => (
              <li key={post.id}>
                <Card className="h-full">
                  <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{kindLabel(post.kind)}</p>
                  <h3 className="mt-1 text-lg font-bold">
                    <Link to={`/posts/${post.id}`}>{post.title}</Link>
                  </h3>
                  <p className="mt-1 text-sm text-muted"><DateTime value={post.createdAt} /></p>
                  <p className="mt-2">{post.excerpt}</p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="areas-heading">
        <div className="flex items-center gap-2">
          <Globe2 aria-hidden="true" className="size-6 text-brand-700" />
          <h2 id="areas-heading" className="text-2xl font-bold">Thematic areas</h2>
        </div>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {AREAS.map((area) => (
            <li key={area} className="rounded-md border border-line bg-white px-4 py-3 font-medium">
              {area}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
