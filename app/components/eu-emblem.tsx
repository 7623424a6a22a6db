/**
 * The European emblem drawn to its official geometric description: a blue rectangle 1.5 times as
 * wide as it is high (#003399); twelve gold (#FFCC00) five-pointed stars on an invisible circle whose
 * radius is a third of the height, standing at the hours of a clock face; each star's points lie on
 * a circle whose radius is one eighteenth of the height, with one point straight up.
 * Coordinates are computed, not traced, so the drawing follows the specification exactly.
 */

export const EMBLEM = { height: 120, blue: "#003399", gold: "#FFCC00" } as const;
const H = EMBLEM.height;
export const EMBLEM_WIDTH = H * 1.5;
const CIRCLE = H / 3;
const STAR = H / 18;
// The inner corners of a regular five-pointed star lie on a circle cos 72° / cos 36° of the outer one.
const INNER = (STAR * Math.cos((2 * Math.PI) / 5)) / Math.cos(Math.PI / 5);

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Centres of the twelve stars, starting at twelve o'clock and going clockwise. */
export const STAR_CENTRES = Array.from({ length: 12 }, (_, hour) => {
  const angle = (hour * Math.PI) / 6;
  return { x: round(EMBLEM_WIDTH / 2 + CIRCLE * Math.sin(angle)), y: round(H / 2 - CIRCLE * Math.cos(angle)) };
});

/** The ten corners of a star around (cx, cy): outer points and inner corners in turn, the first straight up. */
export function starPoints(cx: number, cy: number) {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? STAR : INNER;
    const angle = (i * Math.PI) / 5;
    return { x: round(cx + r * Math.sin(angle)), y: round(cy - r * Math.cos(angle)) };
  });
}

const STAR_PATHS = STAR_CENTRES.map(({ x, y }) => `M${starPoints(x, y).map((p) => `${p.x} ${p.y}`).join("L")}Z`).join("");

export function EuEmblem({ className, title = "Flag of the European Union" }: { className?: string; title?: string }) {
  return (
    <svg viewBox={`0 0 ${EMBLEM_WIDTH} ${H}`} role="img" aria-label={title} className={className} focusable="false">
      <rect width={EMBLEM_WIDTH} height={H} fill={EMBLEM.blue} />
      <path d={STAR_PATHS} fill={EMBLEM.gold} />
    </svg>
  );
}
