import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft, Mail } from "#app/components/ui/icons.tsx";
import { Badge } from "#app/components/roster/filters.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { isStale } from "#app/modules/roster/freshness.server.ts";
import { getExpertProfile } from "#app/modules/roster/profiles.server.ts";
import { INSTITUTION_TYPE_LABELS, languageName, LEVEL_LABELS, type InstitutionType, type LanguageLevel } from "#app/modules/roster/taxonomy.ts";
import { countryName } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(`${data.profile.user.name}, Expert Roster`, `${data.profile.user.name}: expert profile on the MIEUX+ Expert Roster, with thematic areas, languages and deployments.`) : pageMeta("Expert not found", "This expert profile does not exist or is not visible to you.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const viewer = await rosterViewer(user);
  const profile = await getExpertProfile(viewer, args.params.id ?? "");
  // Invisible and missing look the same: a restricted profile's existence is not revealed.
  if (!profile) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const now = new Date();
  return {
    profile,
    own: profile.userId === user.id,
    stale: isStale(new Date(profile.confirmedAt), now),
    availableNow: profile.available && (!profile.availableUntil || new Date(profile.availableUntil) >= now),
  };
}

const day = (d: string | Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(d));
const month = (d: string | Date) => new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(d));

export default function ExpertProfilePage() {
  const { profile, own, stale, availableNow } = useLoaderData<typeof loader>();
  const initials = profile.user.name.split(/\s+/).map((p) => p[0]).slice(0, 2).join("");
  return (
    <div className="space-y-6">
      <Link to="/roster" className="inline-flex items-center gap-1 text-sm">
        <ArrowLeft aria-hidden="true" className="size-4" /> Back to the roster
      </Link>
      {profile.status !== "active" ? (
        <Alert tone="warning" title={profile.status === "pending" ? "Application pending" : "Not in the directory"}>
          {profile.status === "pending" ? "This profile appears in the directory once a Focal Point or the MIEUX+ team approves the application." : "This profile is not shown in the directory."}
        </Alert>
      ) : null}
      <Card>
        <div className="flex flex-col gap-5 sm:flex-row">
          {profile.photoPath ? (
            <img src={`/roster/${profile.userId}/photo`} alt="" width={128} height={128} className="size-32 shrink-0 rounded-lg border border-line object-cover" />
          ) : (
            <div aria-hidden="true" className="grid size-32 shrink-0 place-items-center rounded-lg bg-brand-100 font-serif text-4xl font-bold text-brand-800">
              {initials}
            </div>
          )}
          <div className="min-w-0 flex-1">
            <h1 className="text-3xl font-bold">{profile.user.name}</h1>
            <p className="mt-1 text-lg">{[profile.position, profile.institution].filter(Boolean).join(", ")}</p>
            <p className="text-muted">
              {countryName(profile.memberState)} · {INSTITUTION_TYPE_LABELS[profile.institutionType as InstitutionType] ?? profile.institutionType}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              {availableNow ? (
                <Badge tone="success">Available for deployment{profile.availableUntil ? ` until ${day(profile.availableUntil)}` : ""}</Badge>
              ) : (
                <Badge>Not available for deployment now</Badge>
              )}
              {profile.deployments.length ? <Badge tone="brand">Deployed on {profile.deployments.length} Action{profile.deployments.length === 1 ? "" : "s"}</Badge> : <Badge>Not yet deployed</Badge>}
              {profile.visibility !== "network" ? <Badge tone="warning">Visible to the MIEUX+ team and Focal Points only</Badge> : null}
            </div>
            {profile.user.email ? (
              <p className="mt-3 text-sm">
                <Mail aria-hidden="true" className="mr-1 inline size-4" />
                <a href={`mailto:${profile.user.email}`}>{profile.user.email}</a>
              </p>
            ) : null}
            {own ? (
              <p className="mt-3 text-sm">
                This is your profile. <Link to="/settings/roster">Edit it in your settings</Link>.
              </p>
            ) : null}
          </div>
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          {profile.bio ? (
            <Card>
              <h2 className="text-xl font-bold">About</h2>
              <p className="mt-2 whitespace-pre-line">{profile.bio}</p>
            </Card>
          ) : null}
          <Card>
            <h2 className="text-xl font-bold">Deployment history</h2>
            {profile.deployments.length ? (
              <div className="mt-3 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Actions {profile.user.name} was deployed on</caption>
                  <thead className="border-b border-line">
                    <tr>
                      <th scope="col" className="py-2 pr-3">Action</th>
                      <th scope="col" className="py-2 pr-3">Role</th>
                      <th scope="col" className="py-2">When</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {profile.deployments.map((d) => (
                      <tr key={d.id}>
                        <td className="py-2 pr-3">
                          <Link to={`/actions/${d.action.slug}`} className="font-semibold">{d.action.code}</Link>
                          <br />
                          <span className="text-muted">{countryName(d.action.partnerCountry)} · {d.action.region}</span>
                        </td>
                        <td className="py-2 pr-3">{d.role}</td>
                        <td className="py-2">{month(d.startDate)}{d.endDate ? ` – ${month(d.endDate)}` : " – ongoing"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="mt-2 text-muted">No deployments recorded yet.</p>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <h2 className="text-xl font-bold">Thematic areas</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {profile.thematicAreas.map((t) => (
                <li key={t.area}>{t.area}</li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2 className="text-xl font-bold">Languages</h2>
            <dl className="mt-2 space-y-1">
              {profile.languages.map((l) => (
                <div key={l.language} className="flex justify-between gap-3">
                  <dt className="font-semibold">{languageName(l.language)}</dt>
                  <dd className="text-muted">{LEVEL_LABELS[l.level as LanguageLevel] ?? l.level}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <p className={stale ? "text-sm font-semibold text-amber-900" : "text-sm text-muted"}>
            Profile last confirmed on {day(profile.confirmedAt)}
            {stale ? " — over 12 months ago" : ""}.
          </p>
        </div>
      </div>
    </div>
  );
}
