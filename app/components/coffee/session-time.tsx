import { useSyncExternalStore } from "react";
import { useViewerZone } from "#app/components/date-time.tsx";
import { agendaItems, formatRange, formatTime, timeUntil, zoneLabel } from "#app/modules/coffee/time.ts";


const TICK_MS = 30_000;
function subscribeClock(onChange: () => void) {
  const timer = setInterval(onChange, TICK_MS);
  return () => clearInterval(timer);
}

/**
 * The session's time in the reader's own zone, named, with the organisers' zone beside it. The
 * server cannot know the reader's zone, so its HTML says UTC (labelled); after hydration the
 * browser switches to local time. Both renders agree until then, so hydration stays clean.
 */
export function SessionTime({ startsAt, durationMinutes, timezone, className }: { startsAt: string | Date; durationMinutes: number; timezone: string; className?: string }) {
  const viewerZone = useViewerZone();
  const zone = viewerZone ?? "UTC";
  const iso = new Date(startsAt).toISOString();
  return (
    <span className={className}>
      <time dateTime={iso}>{formatRange(startsAt, durationMinutes, zone)}</time>
      {viewerZone ? ` your time (${zoneLabel(viewerZone)})` : null}
      {zone !== timezone ? <span className="block text-sm text-muted">{`${formatRange(startsAt, durationMinutes, timezone)} (${zoneLabel(timezone)} time)`}</span> : null}
    </span>
  );
}

/** A time of day in the reader's zone, named ("08:45 CEST"); UTC in the server's HTML. */
export function ReaderTime({ value }: { value: string | Date }) {
  const zone = useViewerZone() ?? "UTC";
  return <time dateTime={new Date(value).toISOString()}>{formatTime(value, zone)}</time>;
}

/**
 * The agenda with every time in the reader's zone (named), the organisers' time beside it. Lines
 * without a time stay as written. Same server/browser rule as SessionTime.
 */
export function Agenda({ agenda, startsAt, timezone }: { agenda: string; startsAt: string | Date; timezone: string }) {
  const viewerZone = useViewerZone();
  const zone = viewerZone ?? "UTC";
  const items = agendaItems(agenda, startsAt, timezone);
  if (!items.length) return null;
  return (
    <ol className="mt-3 space-y-1 border-l-4 border-brand-200 pl-4">
      {items.map((item, i) => (
        <li key={i}>
          {item.at ? (
            <>
              <time dateTime={item.at.toISOString()} className="font-semibold">{formatTime(item.at, zone)}</time>
              {zone !== timezone ? <span className="text-sm text-muted">{` (${formatTime(item.at, timezone)}, ${zoneLabel(timezone)})`}</span> : null} {item.text}
            </>
          ) : (
            item.text
          )}
        </li>
      ))}
    </ol>
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
