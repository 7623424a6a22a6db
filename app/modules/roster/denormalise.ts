import { foldText } from "./taxonomy.ts";

/**
 * The directory reads one table: these columns copy what it filters and shows from the
 * source-of-truth tables (ExpertThematicArea, ExpertLanguage, Deployment, User.name).
 */
export const areasTextFor = (areas: readonly string[]) => (areas.length ? `|${areas.join("|")}|` : "");
export const languagesTextFor = (languages: readonly { language: string; level: string }[]) =>
  languages.length ? `|${languages.map((l) => `${l.language}:${l.level}`).join("|")}|` : "";
export const sortNameFor = (name: string) => foldText(name).trim();

export function parseAreasText(text: string) {
  return text.split("|").filter(Boolean);
}

export function parseLanguagesText(text: string) {
  return text
    .split("|")
    .filter(Boolean)
    .map((item) => {
      const [language, level] = item.split(":");
      return { language, level: level ?? "" };
    });
}
