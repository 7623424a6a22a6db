import { useSyncExternalStore } from "react";
import { useViewerZone } from "#app/components/date-time.tsx";
import { formatRange, timeUntil, zoneLabel } from "#app/modules/coffee/time.ts";


const TICK_MS = 30_000;
function subscribeClock(onChange: () => void) {
  const timer = setInterval(onChange, TICK_MS);
  return () => clearInterval(timer);
}

/**
 * The session's time in the viewer's own zone with the session's zone beside it. The server
 * renders the session's zone (it cannot know the viewer's); the browser adds the local time.
 */
export function SessionTime({ startsAt, durationMinutes, timezone, className }: { startsAt: string | Date; durationMinutes: number; timezone: string; className?: string }) {
  const viewerZone = useViewerZone();
  const iso = new Date(startsAt).toISOString();
  const sessionText = `${formatRange(startsAt, durationMinutes, timezone)} (${zoneLabel(timezone)} time)`;
  if (!viewerZone || viewerZone === timezone) {
    return (
      <span className={className}>
        <time dateTime={iso}>{sessionText}</time>
      </span>
    );
  }
  return (
    <span className={className}>
      <time dateTime={iso}>{formatRange(startsAt, durationMinutes, viewerZone)}</time> your time ({zoneLabel(viewerZone)})
      <span className="block text-sm text-muted">{sessionText}</span>
    </span>
  );
}

/** "Starts in 2 days 3 hours", refreshed every 30 seconds. */
export function Countdown({ startsAt, serverNow }: { startsAt: string | Date; serverNow: string }) {
  // Rounded to the tick so the snapshot stays stable between ticks.
  const nowMs = useSyncExternalStore(
    subscribeClock,
    () => Math.floor(Date.now() / TICK_MS) * TICK_MS,
    () => new Date(serverNow).getTime(),
  );
  const left = timeUntil(startsAt, new Date(nowMs));
  if (!left) return null;
  return <p className="text-lg font-semibold text-brand-800">Starts in {left}</p>;
}

const BADGES: Record<string, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-amber-100 text-amber-900" },
  published: { label: "Open", className: "bg-green-100 text-green-900" },
  held: { label: "Held", className: "bg-brand-100 text-brand-900" },
  archived: { label: "Archived", className: "bg-slate-200 text-slate-900" },
  cancelled: { label: "Cancelled", className: "bg-red-100 text-red-900" },
};

export function StatusBadge({ status }: { status: string }) {
  const badge = BADGES[status] ?? { label: status, className: "bg-slate-200 text-slate-900" };
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold tracking-wide uppercase ${badge.className}`}>{badge.label}</span>;
}
