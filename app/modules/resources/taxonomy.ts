import { REGIONS, THEMATIC_AREAS } from "#app/modules/actions/taxonomy.ts";
import { LANGUAGES, languageName } from "#app/modules/roster/taxonomy.ts";

/** The five thematic areas, and cultural agility (tips for working with partner administrations). */
export const RESOURCE_TOPICS = [...THEMATIC_AREAS, "Cultural agility"] as const;
export type ResourceTopic = (typeof RESOURCE_TOPICS)[number];

export { LANGUAGES as RESOURCE_LANGUAGES, languageName, REGIONS as RESOURCE_REGIONS };

export const MAX_RESOURCE_FILE_BYTES = 20 * 1024 * 1024;

/** What may be uploaded, by the type its bytes show (not its name or the browser's claim). */
export const RESOURCE_FILE_TYPES: Record<string, { label: string; ext: string }> = {
  "application/pdf": { label: "PDF", ext: "pdf" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word document", ext: "docx" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { label: "PowerPoint presentation", ext: "pptx" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel workbook", ext: "xlsx" },
  "image/png": { label: "PNG image", ext: "png" },
  "image/jpeg": { label: "JPEG image", ext: "jpg" },
  "image/webp": { label: "WebP image", ext: "webp" },
};

export function fileTypeLabel(mime: string | null | undefined) {
  return (mime && RESOURCE_FILE_TYPES[mime]?.label) || "File";
}
