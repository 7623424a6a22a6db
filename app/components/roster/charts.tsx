import { useId } from "react";

/**
 * A horizontal bar chart in SVG. The labels and values are text inside the chart, and the
 * same figures are in a table under it, so it reads without seeing the bars.
 */
export function BarChart({ title, rows, unit = "experts" }: { title: string; rows: { label: string; value: number }[]; unit?: string }) {
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 44;
  const height = rows.length * rowHeight;
  return (
    <figure aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="font-serif text-xl font-bold text-brand-900">{title}</figcaption>
      <svg viewBox={`0 0 600 ${height}`} className="mt-3 w-full" role="img" aria-labelledby={`${id}-cap ${id}-desc`}>
        <desc id={`${id}-desc`}>{rows.map((r) => `${r.label}: ${r.value} ${unit}`).join("; ")}</desc>
        {rows.map((r, i) => {
          const w = Math.max(2, (r.value / max) * 470);
          const y = i * rowHeight;
          return (
            <g key={r.label}>
              <text x={0} y={y + 14} className="fill-ink" fontSize="13">{r.label.length > 70 ? `${r.label.slice(0, 68)}…` : r.label}</text>
              <rect x={0} y={y + 20} width={w} height={16} rx={3} className="fill-brand-600" />
              <text x={w + 8} y={y + 33} fontSize="13" fontWeight="600" className="fill-ink">{r.value.toLocaleString("en-GB")}</text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2 text-sm">
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
      <figcaption id={`${id}-cap`} className="font-serif text-xl font-bold text-brand-900">Experts per Member State</figcaption>
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
