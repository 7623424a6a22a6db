import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EMBLEM, EMBLEM_WIDTH, EuEmblem, STAR_CENTRES, starPoints } from "./eu-emblem.tsx";

const H = EMBLEM.height;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.01);

describe("the European emblem in the footer", () => {
  it("is a 3:2 blue rectangle with twelve gold stars, named for screen readers", () => {
    expect(EMBLEM_WIDTH / H).toBe(1.5);
    const svg = renderToStaticMarkup(<EuEmblem />);
    expect(svg).toContain('fill="#003399"');
    expect(svg).toContain('fill="#FFCC00"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Flag of the European Union"');
    expect(svg.match(/M/g)?.length).toBe(12);
  });

  it("puts the stars at the hours of a clock on a circle a third of the height across", () => {
    expect(STAR_CENTRES).toHaveLength(12);
    STAR_CENTRES.forEach(({ x, y }, hour) => {
      close(Math.hypot(x - EMBLEM_WIDTH / 2, y - H / 2), H / 3);
      const angle = (Math.atan2(x - EMBLEM_WIDTH / 2, H / 2 - y) * 180) / Math.PI;
      close((angle + 360) % 360, hour * 30);
    });
  });

  it("draws each star with five points, one straight up, on a circle an eighteenth of the height", () => {
    for (const { x, y } of STAR_CENTRES) {
      const points = starPoints(x, y);
      const outer = points.filter((_, i) => i % 2 === 0);
      expect(outer).toHaveLength(5);
      for (const p of outer) close(Math.hypot(p.x - x, p.y - y), H / 18);
      close(outer[0].x, x);
      close(outer[0].y, y - H / 18);
      // A regular star: the inner corners make the points' edges line up (pentagram).
      const inner = points.filter((_, i) => i % 2 === 1);
      for (const p of inner) close(Math.hypot(p.x - x, p.y - y), ((H / 18) * Math.cos((2 * Math.PI) / 5)) / Math.cos(Math.PI / 5));
    }
  });
});
