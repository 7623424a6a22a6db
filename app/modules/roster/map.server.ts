import { createRequire } from "node:module";
import { geoAzimuthalEqualArea, geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { singleton } from "#app/utils/singleton.server.ts";

/** ISO 3166-1 numeric (world-atlas ids) → alpha-2, for the 27 Member States. */
const EU_NUMERIC: Record<string, string> = {
  "040": "AT", "056": "BE", "100": "BG", "191": "HR", "196": "CY", "203": "CZ", "208": "DK", "233": "EE", "246": "FI",
  "250": "FR", "276": "DE", "300": "GR", "348": "HU", "372": "IE", "380": "IT", "428": "LV", "440": "LT", "442": "LU",
  "470": "MT", "528": "NL", "616": "PL", "620": "PT", "642": "RO", "703": "SK", "705": "SI", "724": "ES", "752": "SE",
};

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 560;

export type MapShape = { code: string | null; name: string; d: string };

/**
 * Outlines of Europe as SVG paths, projected once per process from the world-atlas package
 * (bundled with the app: nothing is fetched at run time).
 */
export function europeShapes(): MapShape[] {
  return singleton("roster-europe-map", () => {
    const require = createRequire(import.meta.url);
    const topology = require("world-atlas/countries-50m.json") as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry, { name: string }>[] };
    const projection = geoAzimuthalEqualArea()
      .rotate([-12, -52])
      .fitExtent(
        [[8, 8], [MAP_WIDTH - 8, MAP_HEIGHT - 8]],
        { type: "MultiPoint", coordinates: [[-10.5, 36], [34.5, 34.6], [29, 70.5], [-9, 58], [25, 34.5], [5, 71]] },
      )
      .clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
    const path = geoPath(projection).digits(1);
    const shapes: MapShape[] = [];
    for (const f of collection.features) {
      const d = path(f);
      if (!d || d.length < 12) continue;
      const code = EU_NUMERIC[String(f.id)] ?? null;
      shapes.push({ code, name: f.properties.name, d });
    }
    // Member States last so their borders draw on top of their neighbours'.
    return shapes.sort((a, b) => Number(!!a.code) - Number(!!b.code));
  });
}
