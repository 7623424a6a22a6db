import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "#app/components/ui/icons.tsx";
import { BarChart, EuropeMap } from "#app/components/roster/charts.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { europeShapes, MAP_HEIGHT, MAP_WIDTH } from "#app/modules/roster/map.server.ts";
import { keyFigures } from "#app/modules/roster/figures.ts";
import { rosterStatistics } from "#app/modules/roster/stats.server.ts";
import { INSTITUTION_TYPE_LABELS } from "#app/modules/roster/taxonomy.ts";
import { countryName } from "#app/utils/countries.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Roster statistics", "The MIEUX+ Expert Roster in figures: experts, Member States, share of women and of deployed experts.");

/** Aggregates only, so the page is open to everyone (as in the network's own reporting). */
export async function loader(_args: LoaderFunctionArgs) {
  const stats = await rosterStatistics();
  return { stats, shapes: europeShapes(), width: MAP_WIDTH, height: MAP_HEIGHT };
}

function Figure({ value, label, note }: { value: string; label: string; note?: string }) {
  return (
    <Card className="flex flex-col p-4 sm:p-5">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="order-first font-serif text-3xl font-bold text-brand-700 sm:text-4xl">{value}</dd>
      {note ? <dd className="mt-1 text-xs text-muted">{note}</dd> : null}
    </Card>
  );
}

export default function RosterStatistics() {
  const { stats, shapes, width, height } = useLoaderData<typeof loader>();
  const counts = Object.fromEntries(stats.memberStates.map((s) => [s.code, s.experts]));
  const byCount = [...stats.memberStates].sort((a, b) => b.experts - a.experts || countryName(a.code).localeCompare(countryName(b.code)));
  return (
    <div className="space-y-8">
      <div>
        <Link to="/roster" className="inline-flex items-center gap-1 text-sm">
          <ArrowLeft aria-hidden="true" className="size-4" /> Back to the roster
        </Link>
        <div className="mt-3">
          <PageHeader title="Roster statistics" lead="The MIEUX+ Expert Roster in figures. Only totals are shown; a share is hidden when a group has fewer than five people." />
        </div>
      </div>
      <section aria-labelledby="key-figures">
        <h2 id="key-figures" className="sr-only">Key figures</h2>
        <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          {keyFigures(stats).map((f) => (
            <Figure key={f.key} value={f.value} label={f.label} note={f.note} />
          ))}
        </dl>
      </section>

      <section aria-labelledby="map-heading" className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <h2 id="map-heading" className="sr-only">Experts by Member State</h2>
        <Card>
          <EuropeMap shapes={shapes} counts={counts} width={width} height={height} nameOf={countryName} />
        </Card>
        <Card>
          <div className="max-h-[40rem] overflow-y-auto">
            <table className="w-full text-left text-sm">
              <caption className="pb-2 text-left font-serif text-xl font-bold text-brand-900">Experts per Member State</caption>
              <thead className="sticky top-0 border-b border-line bg-white">
                <tr>
                  <th scope="col" className="py-1.5 pr-3">Member State</th>
                  <th scope="col" className="py-1.5 text-right">Experts</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {byCount.map((s) => (
                  <tr key={s.code}>
                    <td className="py-1.5 pr-3">
                      <Link to={`/focal-points/${s.code}`}>{countryName(s.code)}</Link>
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{s.experts.toLocaleString("en-GB")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </section>

      <section aria-label="Breakdowns" className="grid gap-6 lg:grid-cols-2">
        <Card>
          <BarChart title="Institution types" rows={stats.institutionTypes.map((t) => ({ label: INSTITUTION_TYPE_LABELS[t.type], value: t.experts }))} />
        </Card>
        <Card>
          <BarChart title="Thematic areas" rows={stats.thematicAreas.map((t) => ({ label: t.area, value: t.experts }))} />
          <p className="mt-2 text-xs text-muted">Experts may work in several areas, so these add up to more than the total.</p>
        </Card>
      </section>
    </div>
  );
}
