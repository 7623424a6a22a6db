import crypto from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { isNotificationKind, NOTIFICATION_KINDS, type EmailDelivery, type NotificationKind } from "./kinds.ts";

type Db = Prisma.TransactionClient | typeof prisma;

/** The weekly digest has its own switch, stored as the preference of kind "digest". */
export const DIGEST = "digest";
export type DigestDelivery = "weekly" | "off";
/** What an unsubscribe link stops: one notification kind, the digest, or every optional email. */
export type UnsubscribeScope = NotificationKind | typeof DIGEST | "all";

export type EmailPreferences = { kinds: Record<NotificationKind, EmailDelivery>; digest: DigestDelivery };

const DELIVERIES: readonly EmailDelivery[] = ["immediate", "digest", "off"];
const KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function defaultPreferences(): EmailPreferences {
  const kinds = Object.fromEntries(KIND_LIST.map((k) => [k, NOTIFICATION_KINDS[k].email])) as Record<NotificationKind, EmailDelivery>;
  return { kinds, digest: "weekly" };
}

function apply(rows: { kind: string; delivery: string }[]): EmailPreferences {
  const prefs = defaultPreferences();
  for (const row of rows) {
    if (row.kind === DIGEST) prefs.digest = row.delivery === "off" ? "off" : "weekly";
    else if (isNotificationKind(row.kind) && (DELIVERIES as string[]).includes(row.delivery)) prefs.kinds[row.kind] = row.delivery as EmailDelivery;
  }
  return prefs;
}

/** One member's choices, defaults filled in. */
export async function getEmailPreferences(userId: string, db: Db = prisma): Promise<EmailPreferences> {
  return apply(await db.emailPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } }));
}

/** Several members' choices at once (immediate emails for one notify() call, the digest run). */
export async function preferencesOf(userIds: string[], db: Db = prisma): Promise<Map<string, EmailPreferences>> {
  const rows = userIds.length ? await db.emailPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, kind: true, delivery: true } }) : [];
  const byUser = new Map<string, { kind: string; delivery: string }[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return new Map(userIds.map((id) => [id, apply(byUser.get(id) ?? [])]));
}

/**
 * Reads the Settings → Notifications form: one radio group per kind (named after the kind) and
 * `digest`. Anything missing or unknown is a mistake of the sender: refused, nothing changed.
 */
export function parsePreferencesForm(form: FormData): { ok: true; value: EmailPreferences } | { ok: false; error: string } {
  const prefs = defaultPreferences();
  for (const kind of KIND_LIST) {
    const value = String(form.get(kind) ?? "");
    if (!(DELIVERIES as string[]).includes(value)) return { ok: false, error: `Choose immediately, in the weekly digest or off for “${NOTIFICATION_KINDS[kind].label}”.` };
    prefs.kinds[kind] = value as EmailDelivery;
  }
  const digest = String(form.get(DIGEST) ?? "");
  if (digest !== "weekly" && digest !== "off") return { ok: false, error: "Choose whether you want the weekly digest." };
  prefs.digest = digest;
  return { ok: true, value: prefs };
}

/** Stores every choice in one transaction (a row per kind, so later changes of defaults do not override a choice). */
export async function saveEmailPreferences(userId: string, prefs: EmailPreferences) {
  const rows = [...KIND_LIST.map((kind) => ({ kind, delivery: prefs.kinds[kind] as string })), { kind: DIGEST, delivery: prefs.digest as string }];
  await prisma.$transaction(async (tx) => {
    await tx.emailPreference.deleteMany({ where: { userId } });
    await tx.emailPreference.createMany({ data: rows.map((r) => ({ userId, ...r })) });
  });
}

/** What an unsubscribe link stops, in words. */
export function describeScope(scope: UnsubscribeScope): string {
  if (scope === DIGEST) return "the weekly digest";
  if (scope === "all") return "every email about community activity and the weekly digest (account and Morning Coffee registration emails still come)";
  return `emails about: ${NOTIFICATION_KINDS[scope].label.charAt(0).toLowerCase()}${NOTIFICATION_KINDS[scope].label.slice(1)}`;
}

/** Turns off what the link names; one transaction. */
export async function unsubscribe(userId: string, scope: UnsubscribeScope) {
  const kinds = scope === "all" ? [...KIND_LIST, DIGEST] : [scope];
  await prisma.$transaction(async (tx) => {
    for (const kind of kinds) {
      await tx.emailPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, delivery: "off" }, update: { delivery: "off" } });
    }
  });
}

// ---- Signed unsubscribe links ---------------------------------------------------------------

const SECRET_NAME = "unsubscribe-links";

/**
 * The key that signs unsubscribe links: 32 random bytes generated by the first process that needs
 * it and stored in the database, so every process (and every restart) signs and checks alike.
 * Created with INSERT … ON CONFLICT DO NOTHING through the caller's client, so it works inside a
 * transaction on both engines and two processes racing keep the same key. Deleting the AppSecret
 * row invalidates every link sent so far.
 */
async function signingKey(db: Db = prisma): Promise<Buffer> {
  const cache = singleton("unsubscribe-key", () => new Map<string, Buffer>());
  const cacheKey = getEnv().DATABASE_URL;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let row = await db.appSecret.findUnique({ where: { name: SECRET_NAME } });
  if (!row) {
    const value = crypto.randomBytes(32).toString("base64url");
    await db.$executeRaw`INSERT INTO "AppSecret" ("name", "value") VALUES (${SECRET_NAME}, ${value}) ON CONFLICT ("name") DO NOTHING`;
    row = await db.appSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } });
  }
  const key = Buffer.from(row.value, "base64url");
  cache.set(cacheKey, key);
  return key;
}

const sign = (key: Buffer, userId: string, scope: string) => crypto.createHmac("sha256", key).update(`unsubscribe\n${userId}\n${scope}`).digest("base64url").slice(0, 32);

/** `<userId>.<scope>.<signature>`: needs no log-in, names one member and one scope. */
export async function unsubscribeToken(userId: string, scope: UnsubscribeScope, db: Db = prisma): Promise<string> {
  return `${userId}.${scope}.${sign(await signingKey(db), userId, scope)}`;
}

export function isUnsubscribeScope(value: string): value is UnsubscribeScope {
  return value === DIGEST || value === "all" || isNotificationKind(value);
}

/** The member and scope a token names, or null when it is malformed, forged or tampered with. */
export async function verifyUnsubscribeToken(token: string): Promise<{ userId: string; scope: UnsubscribeScope } | null> {
  const match = /^([A-Za-z0-9_-]{1,64})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const [, userId, scope, signature] = match;
  if (!isUnsubscribeScope(scope)) return null;
  const expected = Buffer.from(sign(await signingKey(), userId, scope));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { deletedAt: true } });
  if (!user || user.deletedAt) return null;
  return { userId, scope };
}

/** The unsubscribe address and the RFC 8058 headers for one member and scope. */
export async function unsubscribeLink(userId: string, scope: UnsubscribeScope, db: Db = prisma) {
  const url = `${getEnv().APP_URL}/unsubscribe/${await unsubscribeToken(userId, scope, db)}`;
  return { url, headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}

/** GDPR export: the member's choices. */
export async function exportEmailPreferenceData(userId: string) {
  return {
    emailPreferences: await prisma.emailPreference.findMany({ where: { userId }, orderBy: { kind: "asc" }, select: { kind: true, delivery: true, updatedAt: true } }),
    weeklyDigests: await prisma.digestClaim.findMany({ where: { userId }, orderBy: { week: "asc" }, select: { week: true, emailed: true, createdAt: true } }),
  };
}

/** Account deletion: choices and digest records go. */
export async function eraseEmailPreferenceData(tx: Prisma.TransactionClient, userId: string) {
  await tx.emailPreference.deleteMany({ where: { userId } });
  await tx.digestClaim.deleteMany({ where: { userId } });
}
