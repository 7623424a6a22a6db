/** Fixed vocabularies of the Expert Roster (shared by the forms, the directory, CSV and statistics). */
export { THEMATIC_AREAS, type ThematicArea } from "#app/modules/actions/taxonomy.ts";

export const INSTITUTION_TYPES = ["interior", "foreign_affairs", "labour", "justice", "local_authority", "other"] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  interior: "Ministry of Interior",
  foreign_affairs: "External or foreign affairs",
  labour: "Labour",
  justice: "Justice",
  local_authority: "Local authority",
  other: "Other",
};

/** Languages experts most often work in (ISO 639-1). */
export const LANGUAGES = {
  ar: "Arabic", bg: "Bulgarian", cs: "Czech", da: "Danish", de: "German", el: "Greek", en: "English", es: "Spanish",
  et: "Estonian", fi: "Finnish", fr: "French", ga: "Irish", hr: "Croatian", hu: "Hungarian", it: "Italian",
  lt: "Lithuanian", lv: "Latvian", mt: "Maltese", nl: "Dutch", pl: "Polish", pt: "Portuguese", ro: "Romanian",
  ru: "Russian", sk: "Slovak", sl: "Slovenian", sv: "Swedish", tr: "Turkish", uk: "Ukrainian", zh: "Chinese",
} as const;
export type LanguageCode = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES).sort((a, b) => languageName(a).localeCompare(languageName(b))) as LanguageCode[];
export function languageName(code: string) {
  return (LANGUAGES as Record<string, string>)[code] ?? code;
}

export const LANGUAGE_LEVELS = ["native", "C2", "C1", "B2", "B1", "A2", "A1"] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const LEVEL_LABELS: Record<LanguageLevel, string> = {
  native: "Native",
  C2: "C2 — proficient",
  C1: "C1 — advanced",
  B2: "B2 — upper intermediate",
  B1: "B1 — intermediate",
  A2: "A2 — elementary",
  A1: "A1 — beginner",
};

export const GENDERS = ["female", "male", "other"] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { female: "Woman", male: "Man", other: "Another gender" };

export const VISIBILITIES = ["network", "organisers_and_focal_points"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  network: "The whole network (every signed-in member)",
  organisers_and_focal_points: "Only the MIEUX+ team and my Member State's Focal Points",
};

export const PROFILE_STATUSES = ["pending", "active", "declined", "inactive"] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const FOCAL_POINT_LEVELS = ["country", "institution"] as const;
export type FocalPointLevel = (typeof FOCAL_POINT_LEVELS)[number];

/** Below this many people, a share (e.g. of women) is not shown: it could point at individuals. */
export const MIN_GROUP_SIZE = 5;
/** A profile not confirmed for this long is stale and its owner is reminded. */
export const FRESHNESS_MONTHS = 12;

/** Lower case without accents, so "wisniewska" finds "Wiśniewska". */
export function foldText(text: string) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/Ł/g, "l").replace(/ß/g, "ss").toLowerCase();
}

/** The columns of roster CSV files, in export order; import needs the first seven. */
export const CSV_COLUMNS = [
  "email",
  "name",
  "member_state",
  "institution",
  "institution_type",
  "thematic_areas",
  "languages",
  "position",
  "bio",
  "available",
  "available_until",
  "visibility",
] as const;

export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;

export const SORTS = { name: "Name (A–Z)", state: "Member State", recent: "Recently confirmed" } as const;
export type DirectorySort = keyof typeof SORTS;
