import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/mieux.db";

/**
 * Turns a `file:` DATABASE_URL into an absolute `file:` URL (relative paths are resolved
 * against the project root, never against prisma/), creating the folder it lives in.
 */
export function resolveSqliteUrl(databaseUrl: string | undefined): string {
  const url = databaseUrl || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`Only file: DATABASE_URLs are supported by this Prisma setup (got ${url.split(":")[0]}:)`);
  }
  const file = path.resolve(process.cwd(), url.slice("file:".length));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return `file:${file}`;
}

export function sqliteFilePath(url: string): string {
  return resolveSqliteUrl(url).slice("file:".length);
}
