import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { audit } from "#app/modules/admin/audit.server.ts";
import { countryName, EU_MEMBER_STATES } from "#app/utils/countries.ts";
import { reauthoriseUser } from "#app/modules/auth/socket-access.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { RosterViewer } from "./access.server.ts";
import { directoryWhereInGroups, type DirectoryQuery } from "./directory.server.ts";
import { areasTextFor, languagesTextFor, sortNameFor } from "./denormalise.ts";
import { invalidateDirectoryIndex } from "./directory-index.server.ts";
import { writeProfileLists } from "./profiles.server.ts";
import { ProfileInputSchema, type ProfileInput } from "./roster.schema.ts";
import { CSV_COLUMNS, foldText, INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES, LANGUAGE_LEVELS, LANGUAGES, THEMATIC_AREAS } from "./taxonomy.ts";
import { cleanText } from "#app/utils/text.ts";
import { isRole, mayChangeAccountOf, ROLE_LABELS, type Role } from "#app/modules/auth/roles.ts";
import { indexProfile } from "#app/modules/search/indexers.server.ts";

const REQUIRED = CSV_COLUMNS.slice(0, 7);
export { CSV_COLUMNS };
export const MAX_IMPORT_ROWS = 20_000;

/**
 * Checking and writing 20,000 rows is seconds of work on the one thread that also answers every
 * other request; better-sqlite3 and zod never give it back on their own. Every YIELD_EVERY rows
 * the import lets waiting requests run (decision 047).
 */
const YIELD_EVERY = 200;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const PARSE_SLICE = 32 * 1024;

export type ImportRow = {
  line: number;
  email: string;
  outcome: "create" | "update" | "unchanged" | "error";
  changes: string[];
  errors: string[];
};
export type ImportReport = {
  dryRun: boolean;
  applied: boolean;
  /** A problem with the whole file (encoding, header), if any. */
  fileError: string | null;
  rows: ImportRow[];
  counts: { create: number; update: number; unchanged: number; error: number };
};

const listSplit = (value: string) => value.split(/[|;\n]/).map((s) => s.trim()).filter(Boolean);

// Folded names of the fixed lists, computed once: folding is slow, and an import looks up every cell.
let folded: { states: Map<string, string>; types: Map<string, string>; areas: [string, string][]; languages: Map<string, string> } | null = null;
function foldedLists() {
  folded ??= {
    states: new Map(EU_MEMBER_STATES.map((code) => [foldText(countryName(code)), code])),
    types: new Map(INSTITUTION_TYPES.map((t) => [foldText(INSTITUTION_TYPE_LABELS[t]).replace(/[\s-]+/g, "_"), t])),
    areas: THEMATIC_AREAS.map((a) => [foldText(a), a]),
    languages: new Map(Object.entries(LANGUAGES).map(([code, name]) => [foldText(name), code])),
  };
  return folded;
}

function lookupMemberState(value: string) {
  const v = value.trim();
  const upper = v.toUpperCase() === "EL" ? "GR" : v.toUpperCase();
  if ((EU_MEMBER_STATES as readonly string[]).includes(upper)) return upper;
  return foldedLists().states.get(foldText(v)) ?? v;
}

function lookupInstitutionType(value: string) {
  if ((INSTITUTION_TYPES as readonly string[]).includes(value.trim())) return value.trim();
  const v = foldText(value.trim()).replace(/[\s-]+/g, "_");
  if ((INSTITUTION_TYPES as readonly string[]).includes(v)) return v;
  return foldedLists().types.get(v) ?? value;
}

function lookupArea(value: string) {
  if ((THEMATIC_AREAS as readonly string[]).includes(value)) return value;
  const v = foldText(value);
  return foldedLists().areas.find(([f]) => f === v || f.startsWith(v + " ("))?.[1] ?? value;
}

/** "en:C1 | fr:B2" or "English (C1); French (native)". */
function parseLanguages(value: string) {
  return listSplit(value).map((item) => {
    const m = item.match(/^(.+?)\s*(?::|\(|\s)\s*([A-Ca-c][12]|native)\)?$/i);
    const rawLang = (m ? m[1] : item).trim();
    const rawLevel = m ? m[2] : "";
    const byCode = rawLang.toLowerCase() in LANGUAGES ? rawLang.toLowerCase() : null;
    const byName = byCode ? null : foldedLists().languages.get(foldText(rawLang));
    const level = rawLevel.toLowerCase() === "native" ? "native" : rawLevel.toUpperCase();
    return { language: byCode ?? byName ?? rawLang, level: (LANGUAGE_LEVELS as readonly string[]).includes(level) ? level : rawLevel || "(missing level)" };
  });
}

function yes(value: string) {
  return /^(1|yes|y|true|oui|ja|si|sí|x)$/i.test(value.trim());
}

const RowSchema = z.object({
  email: z.string().trim().toLowerCase().email("email is not a valid address"),
  name: cleanText("name: contains characters that are not valid").pipe(z.string().min(2, "name is missing").max(120, "name: use at most 120 characters")),
});

const FIELD_TO_COLUMN: Record<string, string> = {
  memberState: "member_state",
  institutionType: "institution_type",
  thematicAreas: "thematic_areas",
  availableUntil: "available_until",
};

function rowToInput(row: Record<string, string>) {
  const get = (k: string) => (row[k] ?? "").trim();
  const visibility = foldText(get("visibility"));
  return {
    memberState: lookupMemberState(get("member_state")),
    institution: get("institution"),
    institutionType: lookupInstitutionType(get("institution_type")),
    position: get("position"),
    thematicAreas: listSplit(get("thematic_areas")).map(lookupArea),
    languages: parseLanguages(get("languages")),
    bio: get("bio"),
    available: yes(get("available")),
    availableUntil: get("available_until") || null,
    gender: null,
    visibility: !visibility || visibility === "network" ? "network" : visibility.startsWith("organiser") || visibility.includes("focal") || visibility === "restricted" ? "organisers_and_focal_points" : visibility,
  };
}

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 with or without BOM, `,` or `;`, quoted fields.
 * The text is fed to the parser a slice at a time, letting other requests run in between
 * (parsing 20,000 rows at once took the event loop for over a second).
 */
export async function readCsv(text: string): Promise<{ ok: true; records: Record<string, string>[] } | { ok: false; error: string }> {
  const clean = text.replace(/^\uFEFF/, "");
  const header = clean.split(/\r?\n/, 1)[0] ?? "";
  if (!header.trim()) return { ok: false, error: "The file is empty." };
  // The header has no quoted separators in practice: the more frequent one wins.
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parser = parse({
    bom: true,
    delimiter,
    columns: (names: string[]) => names.map((n) => foldText(n.trim()).replace(/[\s-]+/g, "_")),
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    cast: (value) => unsafeCellBack(value),
  });
  const records: Record<string, string>[] = [];
  parser.on("readable", () => {
    let record: Record<string, string> | null;
    while ((record = parser.read()) !== null) records.push(record);
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  try {
    for (let i = 0; i < clean.length; i += PARSE_SLICE) {
      parser.write(clean.slice(i, i + PARSE_SLICE));
      await yieldToEventLoop();
    }
    parser.end();
    await finished;
    return { ok: true, records };
  } catch (error) {
    return { ok: false, error: `The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}` };
  }
}

type Existing = {
  id: string;
  name: string;
  role: string;
  deletedAt: Date | null;
  expertProfile: { memberState: string; institution: string; institutionType: string; position: string; bio: string; available: boolean; availableUntil: Date | null; visibility: string; status: string; thematicAreas: { area: string }[]; languages: { language: string; level: string }[] } | null;
};

function diff(existing: Existing, name: string, input: ProfileInput): string[] {
  const p = existing.expertProfile;
  const changes: string[] = [];
  if (existing.name !== name) changes.push(`name: “${existing.name}” → “${name}”`);
  if (!p) return [...changes, "new roster profile"];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const pairs: [string, unknown, unknown][] = [
    ["member_state", p.memberState, input.memberState],
    ["institution", p.institution, input.institution],
    ["institution_type", p.institutionType, input.institutionType],
    ["position", p.position, input.position],
    ["bio", p.bio, input.bio],
    ["available", p.available, input.available],
    ["available_until", p.availableUntil?.toISOString().slice(0, 10) ?? null, input.availableUntil?.toISOString().slice(0, 10) ?? null],
    ["visibility", p.visibility, input.visibility],
    ["thematic_areas", p.thematicAreas.map((t) => t.area).sort(), [...input.thematicAreas].sort()],
    ["languages", p.languages.map((l) => `${l.language}:${l.level}`).sort(), input.languages.map((l) => `${l.language}:${l.level}`).sort()],
  ];
  for (const [column, before, after] of pairs) {
    if (same(before, after)) continue;
    const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : v === null || v === "" ? "(empty)" : String(v));
    const long = column === "bio";
    changes.push(long ? "bio changed" : `${column}: ${show(before)} → ${show(after)}`);
  }
  if (p.status !== "active") changes.push(`status: ${p.status} → active`);
  return changes;
}

/**
 * Imports (upserts by email) a roster CSV. Every row is checked first; if any row is wrong,
 * nothing is written and each bad row says why. Otherwise all rows are written in ONE
 * transaction. A dry run reports what would change and writes nothing.
 */
export async function importRosterCsv(
  text: string,
  { dryRun, actorId, actorRole = null, ip }: { dryRun: boolean; actorId: string | null; /** null: an operator at the command line. */ actorRole?: Role | null; ip?: string | null },
): Promise<ImportReport> {
  const report: ImportReport = { dryRun, applied: false, fileError: null, rows: [], counts: { create: 0, update: 0, unchanged: 0, error: 0 } };
  const read = await readCsv(text);
  if (!read.ok) return { ...report, fileError: read.error };
  if (!read.records.length) return { ...report, fileError: "The file has a header but no rows." };
  const columns = Object.keys(read.records[0]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) return { ...report, fileError: `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. The first line must name the columns (${CSV_COLUMNS.join(", ")}).` };
  if (read.records.length > MAX_IMPORT_ROWS) return { ...report, fileError: `At most ${MAX_IMPORT_ROWS} rows per file.` };

  const emails = read.records.map((r) => (r.email ?? "").trim().toLowerCase());
  const existing = new Map<string, Existing>();
  for (let i = 0; i < emails.length; i += 500) {
    const found = await prisma.user.findMany({
      where: { email: { in: emails.slice(i, i + 500) } },
      select: {
        id: true, name: true, email: true, role: true, deletedAt: true,
        expertProfile: { select: { memberState: true, institution: true, institutionType: true, position: true, bio: true, available: true, availableUntil: true, visibility: true, status: true, thematicAreas: { select: { area: true } }, languages: { select: { language: true, level: true } } } },
      },
    });
    for (const u of found) existing.set(u.email, u);
  }

  const seen = new Map<string, number>();
  const valid: { email: string; name: string; input: ProfileInput; existing: Existing | undefined; row: ImportRow }[] = [];
  for (const [index, record] of read.records.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    const line = index + 2; // the header is line 1
    const row: ImportRow = { line, email: (record.email ?? "").trim().toLowerCase(), outcome: "error", changes: [], errors: [] };
    report.rows.push(row);
    const base = RowSchema.safeParse({ email: record.email ?? "", name: record.name ?? "" });
    if (!base.success) row.errors.push(...base.error.issues.map((i) => i.message));
    const parsed = ProfileInputSchema.safeParse(rowToInput(record));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        row.errors.push(`${FIELD_TO_COLUMN[field] ?? field}: ${issue.message}`);
      }
    }
    if (base.success) {
      const firstLine = seen.get(base.data.email);
      if (firstLine) row.errors.push(`email ${base.data.email} is already on line ${firstLine}`);
      else seen.set(base.data.email, line);
      const found = existing.get(base.data.email);
      if (found?.deletedAt) row.errors.push("this account was deleted and cannot be imported again");
      else if (found && actorRole && !mayChangeAccountOf(actorRole, found.role)) {
        row.errors.push(`this is the account of ${isRole(found.role) ? `an ${ROLE_LABELS[found.role]}` : "someone"}; your role cannot change it`);
      }
    }
    if (row.errors.length || !base.success || !parsed.success) continue;
    const found = existing.get(base.data.email);
    row.changes = found ? diff(found, base.data.name, parsed.data) : ["new account and roster profile"];
    row.outcome = !found ? "create" : row.changes.length ? "update" : "unchanged";
    valid.push({ email: base.data.email, name: base.data.name, input: parsed.data, existing: found, row });
  }
  for (const row of report.rows) report.counts[row.outcome]++;
  if (dryRun || report.counts.error > 0) return report;

  const now = new Date();
  const profileOf = (v: (typeof valid)[number]) => ({
    memberState: v.input.memberState,
    institution: v.input.institution,
    institutionType: v.input.institutionType,
    position: v.input.position,
    bio: v.input.bio,
    available: v.input.available,
    availableUntil: v.input.available ? v.input.availableUntil : null,
    visibility: v.input.visibility,
    status: "active",
    sortName: sortNameFor(v.name),
  });
  const creates = valid.filter((v) => v.row.outcome === "create");
  const updates = valid.filter((v) => v.row.outcome === "update");
  const promoted: string[] = [];
  await prisma.$transaction(
    async (tx) => {
      // New experts are written a slice at a time, four statements per slice rather than seven per row.
      for (let i = 0; i < creates.length; i += YIELD_EVERY) {
        await yieldToEventLoop();
        const slice = creates.slice(i, i + YIELD_EVERY);
        // No password: the person sets one with "Forgot password", which also confirms the address.
        const users = await tx.user.createManyAndReturn({
          data: slice.map((v) => ({ email: v.email, name: v.name, role: "expert", country: v.input.memberState, institution: v.input.institution })),
          select: { id: true, email: true },
        });
        const idOf = new Map(users.map((u) => [u.email, u.id]));
        const withIds = slice.map((v) => ({ v, userId: idOf.get(v.email) as string }));
        await tx.expertProfile.createMany({
          data: withIds.map(({ v, userId }) => ({ userId, ...profileOf(v), confirmedAt: now, areasText: areasTextFor(v.input.thematicAreas), languagesText: languagesTextFor(v.input.languages) })),
        });
        await tx.expertThematicArea.createMany({ data: withIds.flatMap(({ v, userId }) => v.input.thematicAreas.map((area) => ({ userId, area }))) });
        await tx.expertLanguage.createMany({ data: withIds.flatMap(({ v, userId }) => v.input.languages.map((l) => ({ userId, language: l.language, level: l.level }))) });
        for (const { userId } of withIds) await indexProfile(tx, userId);
      }
      for (const [index, v] of updates.entries()) {
        if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
        const existing = v.existing as Existing;
        const promote = existing.role === "member";
        await tx.user.update({ where: { id: existing.id }, data: { name: v.name, ...(promote ? { role: "expert" } : {}) } });
        if (promote) {
          await audit({ actorId, action: "user.role", targetType: "user", targetId: existing.id, data: { from: "member", to: "expert", via: "roster_import" }, ip }, tx);
          promoted.push(existing.id);
        }
        const profile = profileOf(v);
        await tx.expertProfile.upsert({ where: { userId: existing.id }, create: { userId: existing.id, ...profile, confirmedAt: now }, update: profile });
        await writeProfileLists(tx, existing.id, v.input);
      }
      await audit({ actorId, action: "roster.import", targetType: "roster", data: { ...report.counts, rows: report.rows.length }, ip }, tx);
    },
    // Long enough for MAX_IMPORT_ROWS new experts on a busy machine; other writers wait meanwhile.
    { timeout: 300_000, maxWait: 10_000 },
  );
  invalidateDirectoryIndex();
  for (const userId of promoted) reauthoriseUser(userId, "role changed");
  return { ...report, applied: true };
}

/**
 * Spreadsheets run a cell starting with = + - @ as a formula (CSV injection): such text is written
 * with a leading apostrophe, which spreadsheets show as text, and the import removes it again.
 */
export function safeCell(value: string | number) {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
const unsafeCellBack = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** The directory's current result (same filters and visibility) as CSV, in the import format. */
export async function exportRosterCsv(viewer: RosterViewer, query: DirectoryQuery): Promise<{ csv: string; rows: number }> {
  const groups = await directoryWhereInGroups(viewer, query);
  const rows = [];
  for (const where of groups) rows.push(...(await exportRows(where)));
  if (groups.length > 1) {
    // Each group comes sorted; the file is sorted as one (Member State, then name).
    const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    rows.sort((x, y) => byText(x.memberState, y.memberState) || byText(x.user.name, y.user.name));
  }
  const csv = stringify(
    rows.map((r) => [
      viewer.isOrganiser || viewer.focalStates.includes(r.memberState) ? r.user.email : "",
      r.user.name,
      r.memberState,
      r.institution,
      r.institutionType,
      r.thematicAreas.map((t) => t.area).join("|"),
      r.languages.map((l) => `${l.language}:${l.level}`).join("|"),
      r.position,
      r.bio,
      r.available ? "yes" : "no",
      r.availableUntil?.toISOString().slice(0, 10) ?? "",
      r.visibility,
      r._count.deployments,
      r.confirmedAt.toISOString().slice(0, 10),
    ].map(safeCell)),
    { header: true, columns: [...CSV_COLUMNS, "deployments", "confirmed_at"], bom: true },
  );
  return { csv, rows: rows.length };
}

function exportRows(where: Prisma.ExpertProfileWhereInput) {
  return prisma.expertProfile.findMany({
    where,
    orderBy: [{ memberState: "asc" }, { user: { name: "asc" } }],
    select: {
      memberState: true, institution: true, institutionType: true, position: true, bio: true, available: true, availableUntil: true, visibility: true, confirmedAt: true,
      user: { select: { name: true, email: true } },
      thematicAreas: { select: { area: true } },
      languages: { select: { language: true, level: true } },
      _count: { select: { deployments: true } },
    },
  });
}
