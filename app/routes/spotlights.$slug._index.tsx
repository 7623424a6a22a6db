import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { UserMarkdown } from "#app/components/markdown.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { ArrowLeft } from "#app/components/ui/icons.tsx";
import { deployedExpertsFor } from "#app/modules/actions/catalogue.server.ts";
import { getSpotlight, setSpotlightPublished } from "#app/modules/actions/spotlights.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { hasRole } from "#app/modules/auth/roles.ts";
import { countryName } from "#app/utils/countries.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(data.spotlight.title, data.spotlight.summary || "An Action Spotlight: highlights, achievements and the migration context of the featured country.") : pageMeta("Spotlight not found", "This Spotlight does not exist or is not published.");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const organiser = hasRole(context.user?.role, "organiser");
  const spotlight = await getSpotlight(params.slug ?? "", { includeDrafts: organiser });
  if (!spotlight) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const { action, ...rest } = spotlight;
  const experts = action ? await deployedExpertsFor(context.user, action.deployments) : [];
  return { spotlight: { ...rest, action: action && { code: action.code, slug: action.slug, title: action.title } }, experts, organiser };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const slug = args.params.slug ?? "";
  const intent = String((await args.request.formData()).get("intent") ?? "");
  if (intent !== "publish" && intent !== "unpublish") return redirectWithToast(`/spotlights/${slug}`, { type: "error", title: "Unknown action" });
  const result = await setSpotlightPublished(user.id, slug, intent === "publish");
  if (!result.ok) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return redirectWithToast(`/spotlights/${slug}`, intent === "publish" ? { type: "success", title: "Published: the Spotlight is public" } : { type: "success", title: "Back to draft: only organisers see it" });
}

function Section({ title, text }: { title: string; text: string }) {
  if (!text) return null;
  return (
    <section className="mt-6">
      <h2 className="text-2xl font-bold">{title}</h2>
      <UserMarkdown className="mt-2">{text}</UserMarkdown>
    </section>
  );
}

export default function SpotlightPage() {
  const { spotlight: s, experts, organiser } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const draft = s.status === "draft";
  const named = experts.filter((e) => e.expert);
  const hidden = experts.length - named.length;
  const country = s.country ? countryName(s.country) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/spotlights" className="inline-flex items-center gap-1 text-sm">
        <ArrowLeft aria-hidden="true" className="size-4" /> Action Spotlights
      </Link>
      {draft ? (
        <Alert tone="warning" title="Preview of a draft">
          Only organisers see this Spotlight until it is published.
        </Alert>
      ) : null}
      {organiser ? (
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value={draft ? "publish" : "unpublish"} />
            <Button type="submit" variant={draft ? "primary" : "ghost"} disabled={busy}>{draft ? "Publish" : "Unpublish"}</Button>
          </Form>
          <Button asChild variant="secondary">
            <Link to={`/spotlights/${s.slug}/edit`}>Edit the Spotlight</Link>
          </Button>
        </div>
      ) : null}
      <Card>
        <p className="text-sm font-semibold text-muted">{[country, s.action ? `Action ${s.action.code}` : null].filter(Boolean).join(" · ") || "Action Spotlight"}</p>
        <h1 className="mt-1 text-3xl font-bold sm:text-4xl">{s.title}</h1>
        {s.publishedAt && !draft ? (
          <p className="mt-1 text-sm text-muted">Published <DateTime value={s.publishedAt} /></p>
        ) : null}
        {s.summary ? <p className="mt-4 text-lg">{s.summary}</p> : null}
        <Section title="Highlights" text={s.highlights} />
        <Section title="Achievements" text={s.achievements} />
        <Section title={country ? `Migration context in ${country}` : "Migration context"} text={s.migrationContext} />
      </Card>
      {s.action ? (
        <Card>
          <h2 className="text-2xl font-bold">The Action</h2>
          <p className="mt-2">
            <Link to={`/actions/${s.action.slug}`}><strong>{s.action.code}</strong> — {s.action.title}</Link>
          </p>
          <h3 className="mt-4 text-lg font-bold">{`Experts deployed (${experts.length})`}</h3>
          {named.length ? (
            <ul className="mt-2 space-y-1">
              {named.map((e) => (
                <li key={e.id}>
                  <Link to={`/roster/${e.expert!.id}`} className="font-semibold">{e.expert!.name}</Link>
                  <span className="text-muted"> — {e.role}, {countryName(e.memberState)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {hidden ? (
            <p className="mt-2 text-sm text-muted">
              {`${hidden} expert${hidden === 1 ? " whose profile is" : "s whose profiles are"} not visible to you${named.length === 0 ? " (log in to see the experts)" : ""}.`}
            </p>
          ) : null}
          {experts.length === 0 ? <p className="mt-2 text-muted">No deployment recorded yet.</p> : null}
        </Card>
      ) : null}
      <Card>
        <h2 className="text-2xl font-bold">Presented at</h2>
        {s.coffees.length ? (
          <ul className="mt-2 space-y-1">
            {s.coffees.map(({ coffee }) => (
              <li key={coffee.slug}>
                <Link to={`/sessions/${coffee.slug}`}>{coffee.title}</Link>
                <span className="text-muted"> · <DateTime value={coffee.startsAt} />{coffee.status === "draft" ? " · draft session" : ""}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted">Not presented at a Morning Coffee yet.</p>
        )}
      </Card>
    </div>
  );
}
