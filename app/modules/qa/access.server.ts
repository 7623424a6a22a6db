import { hasRole } from "#app/modules/auth/roles.ts";
import type { SessionUser } from "#app/modules/auth/session.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { cache } from "#app/utils/cache.server.ts";
import type { QaErrorCode, QaPhase, QaViewerRole } from "./events.ts";

export type QaCoffee = {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  status: string;
  qaMode: string;
};

export type QaAccess = { coffee: QaCoffee; role: QaViewerRole; phase: QaPhase; canAnswer: boolean };

/** Questions stay open this long after the scheduled end, because sessions overrun (decision 033). */
export const QA_GRACE_MINUTES = 30;
const CLOSED_STATUSES = new Set(["held", "archived", "cancelled"]);
/**
 * A Morning Coffee by id or slug (`qa:join` accepts both). Cached briefly ("qa-coffee"): joins come
 * in storms. Session writes clear it (forgetCoffee), in every process when there is Redis.
 */
export async function findCoffee(idOrSlug: string): Promise<QaCoffee | null> {
  return cache.get("qa-coffee", idOrSlug, async () => {
    const select = { id: true, slug: true, title: true, startsAt: true, durationMinutes: true, status: true, qaMode: true };
    return (
      (await prisma.morningCoffee.findUnique({ where: { id: idOrSlug }, select })) ??
      (await prisma.morningCoffee.findUnique({ where: { slug: idOrSlug }, select }))
    );
  });
}

/** After a write to a Morning Coffee (status, times, mode, title): its Q&A facts are read again, by id and by slug. */
export function forgetCoffee(coffee: { id: string; slug: string }) {
  cache.invalidate("qa-coffee", coffee.id);
  cache.invalidate("qa-coffee", coffee.slug);
}

export function endsAt(coffee: Pick<QaCoffee, "startsAt" | "durationMinutes">) {
  return new Date(coffee.startsAt.getTime() + coffee.durationMinutes * 60_000);
}

/** Open before the session, live during it (plus a grace period), a read-only archive after. */
export function qaPhase(coffee: QaCoffee, now = new Date()): QaPhase {
  if (CLOSED_STATUSES.has(coffee.status)) return "closed";
  if (now.getTime() >= endsAt(coffee).getTime() + QA_GRACE_MINUTES * 60_000) return "closed";
  if (now < coffee.startsAt) return "before";
  return "live";
}

export { canModerate } from "./events.ts";

/**
 * Who may take part in a session's Q&A: any verified member reads, asks and votes; organisers
 * (role organiser or admin) and the session's designated moderators moderate; organisers and
 * speakers answer (a moderator may be a speaker too). Drafts exist only for organisers.
 */
export async function qaAccess(user: SessionUser | null, idOrSlug: string, now = new Date()): Promise<Result<QaAccess, QaErrorCode>> {
  if (!user) return fail("unauthenticated", "Log in to take part in the Q&A.");
  if (!user.emailVerified) return fail("unverified", "Confirm your email address to take part in the Q&A.");
  const coffee = await findCoffee(idOrSlug);
  const organiser = hasRole(user.role, "organiser");
  if (!coffee || (coffee.status === "draft" && !organiser)) return fail("not_found", "There is no Morning Coffee with that id.");
  const team = organiser ? null : (await teamOf(coffee.id)).get(user.id);
  const role: QaViewerRole = organiser ? "organiser" : team?.moderator ? "moderator" : team?.speaker ? "speaker" : "member";
  return ok({ coffee, role, phase: qaPhase(coffee, now), canAnswer: organiser || Boolean(team?.speaker) });
}

type TeamMember = { moderator: boolean; speaker: boolean };
/**
 * A session's designated moderators and speakers, read once per few seconds ("qa-team") rather
 * than on every event (joins and votes come in thousands); team changes clear it at once
 * (team.server.ts), in every process when there is Redis.
 */
function teamOf(coffeeId: string) {
  return cache.get("qa-team", coffeeId, async () => {
    const rows = await prisma.qaRole.findMany({ where: { coffeeId }, select: { userId: true, role: true } });
    const team = new Map<string, TeamMember>();
    for (const r of rows) {
      const member = team.get(r.userId) ?? { moderator: false, speaker: false };
      if (r.role === "moderator") member.moderator = true;
      if (r.role === "speaker") member.speaker = true;
      team.set(r.userId, member);
    }
    return team;
  });
}
