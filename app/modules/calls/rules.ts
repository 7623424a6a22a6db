/** Rules for calls for experts: plain functions of the data and a clock (pages and tests share them). */
import { LANGUAGE_LEVELS } from "#app/modules/roster/taxonomy.ts";

export const CALL_FORMATS = ["on_site", "online"] as const;
export type CallFormat = (typeof CALL_FORMATS)[number];
export const CALL_FORMAT_LABELS: Record<CallFormat, string> = { on_site: "On site", online: "Online" };

export const INTEREST_STATUSES = ["interested", "shortlisted", "selected", "declined", "withdrawn"] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];
export const INTEREST_STATUS_LABELS: Record<InterestStatus, string> = {
  interested: "Interested",
  shortlisted: "Shortlisted",
  selected: "Selected",
  declined: "Declined",
  withdrawn: "Withdrawn",
};
/** Interests still waiting for the organisers' decision (the only ones that can be withdrawn, shortlisted, selected or declined). */
export const UNDECIDED: InterestStatus[] = ["interested", "shortlisted"];

/** A call is open until its deadline; after it, it is closed — no job needed, the clock decides. */
export function isCallOpen(call: { deadline: Date | string }, now: Date): boolean {
  return now.getTime() < new Date(call.deadline).getTime();
}

/** True when `level` (an expert's) is at least `required` (the call's): native > C2 > … > A1. */
export function levelMeets(level: string, required: string): boolean {
  const have = (LANGUAGE_LEVELS as readonly string[]).indexOf(level);
  const need = (LANGUAGE_LEVELS as readonly string[]).indexOf(required);
  return have !== -1 && need !== -1 && have <= need;
}

/** Whether an expert's languages cover every language the call asks for, at its level. */
export function languagesMeet(expert: { language: string; level: string }[], required: { language: string; level: string }[]): boolean {
  return required.every((r) => expert.some((e) => e.language === r.language && levelMeets(e.level, r.level)));
}
