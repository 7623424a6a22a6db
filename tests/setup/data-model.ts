import { readFileSync } from "node:fs";

export type ModelField = { name: string; kind: string; type: string };

/** The data model Prisma generated from prisma/schema (the DMMF the client runs on), by model name. */
export function dataModel(): Record<string, { fields: ModelField[] }> {
  const source = readFileSync(new URL("../../app/generated/prisma/internal/class.ts", import.meta.url), "utf8");
  const literal = /config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source);
  if (!literal) throw new Error("runtimeDataModel not found in the generated client: run `npx prisma generate`.");
  return JSON.parse(JSON.parse(literal[1]!)).models;
}
