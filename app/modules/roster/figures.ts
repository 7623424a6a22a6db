import type { Share } from "./stats.server.ts";

/** What the home page and the statistics page both print, so the two can never disagree. */
export type KeyFigure = { key: "experts" | "states" | "deployed" | "women"; value: string; label: string; note?: string };

type Stats = { total: number; statesRepresented: number; statesTotal: number; deployed: Share; women: Share; genderDeclared: number };

const n = (value: number) => value.toLocaleString("en-GB");

export function keyFigures(stats: Stats): KeyFigure[] {
  return [
    { key: "experts", value: n(stats.total), label: "experts registered on the roster" },
    { key: "states", value: `${stats.statesRepresented} of ${stats.statesTotal}`, label: "EU Member States represented" },
    {
      key: "deployed",
      value: stats.deployed.shown ? `${stats.deployed.percent}%` : "—",
      label: "of experts deployed on at least one Action",
      note: stats.deployed.shown ? `${n(stats.deployed.count)} expert${stats.deployed.count === 1 ? "" : "s"}` : stats.deployed.reason,
    },
    {
      key: "women",
      value: stats.women.shown ? `${stats.women.percent}%` : "—",
      label: "of experts are women",
      note: stats.women.shown ? `Of the ${n(stats.genderDeclared)} experts who chose to say` : stats.women.reason,
    },
  ];
}
