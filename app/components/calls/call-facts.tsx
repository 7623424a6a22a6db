import { CALL_FORMAT_LABELS, type CallFormat } from "#app/modules/calls/rules.ts";
import { parseLanguagesText } from "#app/modules/roster/denormalise.ts";
import { languageName } from "#app/modules/roster/taxonomy.ts";
import { countryName } from "#app/utils/countries.ts";

/** A date without a time (mission dates, deadlines), the same on server and browser. */
export function day(value: Date | string) {
  return new Date(value).toISOString().slice(0, 10);
}

export function languagesLabel(languagesText: string) {
  const list = parseLanguagesText(languagesText);
  return list.length ? list.map((l) => `${languageName(l.language)} (${l.level === "native" ? "native" : `${l.level} or better`})`).join(", ") : "Any";
}

type CallFacts = {
  partnerCountry: string; region: string; thematicArea: string; format: string; expertsNeeded: number;
  missionStart: Date | string; missionEnd: Date | string | null; deadline: Date | string; languagesText: string;
};

/** The facts of a call, as a description list. */
export function CallFactsList({ call }: { call: CallFacts }) {
  const facts: [string, string][] = [
    ["Partner country", `${countryName(call.partnerCountry)} (${call.region})`],
    ["Thematic area", call.thematicArea],
    ["Languages", languagesLabel(call.languagesText)],
    ["Experts needed", String(call.expertsNeeded)],
    ["Mission", `${day(call.missionStart)}${call.missionEnd ? ` to ${day(call.missionEnd)}` : ""} · ${CALL_FORMAT_LABELS[call.format as CallFormat] ?? call.format}`],
    ["Deadline", `${day(call.deadline)} (end of day, UTC)`],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {facts.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-semibold">{k}</dt>
          <dd className="mb-1 break-words sm:mb-0">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
