import { useId } from "react";

/**
 * A horizontal bar chart: each bar is an SVG shape beside its label and value written as text,
 * so it stays readable at any width and is read out as "label, value" by screen readers. The
 * same figures are in a table under it.
 */
export function BarChart({ title, rows, unit = "experts" }: { title: string; rows: { label: string; value: number }[]; unit?: string }) {
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="font-serif text-xl font-bold text-brand-900">{title}</figcaption>
      <ul className="mt-3 space-y-2.5">
        {rows.map((r) => (
          <li key={r.label}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span>{r.label}</span>
              <span className="font-semibold tabular-nums">
                {r.value.toLocaleString("en-GB")}
                <span className="sr-only"> {unit}</span>
              </span>
            </div>
            <svg aria-hidden="true" className="mt-1 block h-3 w-full" viewBox="0 0 100 3" preserveAspectRatio="none">
              <rect x="0" y="0" width="100" height="3" rx="0.6" className="fill-brand-50" />
              <rect x="0" y="0" width={r.value > 0 ? Math.max(0.8, (r.value / max) * 100) : 0} height="3" rx="0.6" className="fill-brand-600" />
            </svg>
          </li>
        ))}
      </ul>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700 underline">Show as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead className="border-b border-line">
            <tr>
              <th scope="col" className="py-1 pr-3">Category</th>
              <th scope="col" className="py-1 text-right">{unit[0].toUpperCase() + unit.slice(1)}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((r) => (
              <tr key={r.label}>
                <td className="py-1 pr-3">{r.label}</td>
                <td className="py-1 text-right tabular-nums">{r.value.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const SCALE = ["#dbe4f6", "#b6c8ec", "#7f9ddb", "#3c64bf", "#0b3d9e", "#001d55"];

export function bucketsFor(max: number) {
  // Five classes over 1..max, with round bounds.
  const step = Math.max(5, Math.ceil(max / 5 / 5) * 5);
  return [1, step, step * 2, step * 3, step * 4];
}

function colourFor(value: number, thresholds: number[]) {
  if (value <= 0) return "#f4f5f7";
  let i = 0;
  while (i < thresholds.length - 1 && value >= thresholds[i + 1]) i++;
  return SCALE[i + 1] ?? SCALE[SCALE.length - 1];
}

export type MapShape = { code: string | null; name: string; d: string };

/** Europe shaded by experts per Member State; the table beside it carries the same figures. */
export function EuropeMap({ shapes, counts, width, height, nameOf }: { shapes: MapShape[]; counts: Record<string, number>; width: number; height: number; nameOf: (code: string) => string }) {
  const id = useId();
  const max = Math.max(0, ...Object.values(counts));
  const thresholds = bucketsFor(max);
  const legend = thresholds.map((t, i) => ({ colour: SCALE[i + 1], label: i === thresholds.length - 1 ? `${t}+` : `${t}–${thresholds[i + 1] - 1}` }));
  return (
    <figure aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="font-serif text-xl font-bold text-brand-900">Map of experts per Member State</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="mt-3 w-full rounded-md border border-line bg-[#eaf2fb]" role="img" aria-labelledby={`${id}-cap ${id}-desc`}>
        <desc id={`${id}-desc`}>Map of Europe; each EU Member State is shaded by its number of registered experts. The table next to the map lists the same figures.</desc>
        {shapes.map((s, i) =>
          s.code ? (
            <path key={`${s.code}-${i}`} d={s.d} fill={colourFor(counts[s.code] ?? 0, thresholds)} stroke="#ffffff" strokeWidth={0.8}>
              <title>{`${nameOf(s.code)}: ${counts[s.code] ?? 0} experts`}</title>
            </path>
          ) : (
            <path key={`x-${i}`} d={s.d} fill="#e3e6eb" stroke="#c3c9d3" strokeWidth={0.5} />
          ),
        )}
      </svg>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Map legend: experts per Member State">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-4 rounded-sm border border-line" style={{ background: "#f4f5f7" }} /> None
        </li>
        {legend.map((l) => (
          <li key={l.label} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-4 rounded-sm" style={{ background: l.colour }} /> {l.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
