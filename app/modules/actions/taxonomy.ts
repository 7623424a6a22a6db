/** The names the network uses (README.md). */
export const THEMATIC_AREAS = [
  "Legal migration and mobility",
  "Migration and development",
  "Irregular migration and trafficking in human beings",
  "International protection and asylum policy",
  "Horizontal interventions (health, climate change, data, gender)",
] as const;
export type ThematicArea = (typeof THEMATIC_AREAS)[number];

export const IMPACT_AREAS = ["Policy development", "Inter-institutional coordination", "Producing knowledge", "Capacity building and training"] as const;
export type ImpactArea = (typeof IMPACT_AREAS)[number];

export const REGIONS = ["Africa", "Asia", "EU Neighbourhood", "Latin America and the Caribbean"] as const;
export type Region = (typeof REGIONS)[number];

export const ACTION_STATUSES = ["planned", "ongoing", "completed"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { planned: "Planned", ongoing: "Ongoing", completed: "Completed" };
export function actionStatusLabel(status: string) {
  return (ACTION_STATUS_LABELS as Record<string, string>)[status] ?? status;
}
