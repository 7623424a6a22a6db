import { useSyncExternalStore } from "react";
import { formatDateTime } from "#app/utils/misc.ts";

const noSubscription = () => () => {};

/** The browser's zone; null while rendering on the server (and hydrating), so markup matches. */
export function useViewerZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    () => null,
  );
}

/**
 * A moment (a post, a log-in, an audit entry) in the reader's own time zone. The server cannot
 * know that zone, so it writes the time in UTC, labelled; once the page has hydrated, the browser
 * shows local time. Formatting in whatever zone the server runs in would give the browser
 * different text from the server's HTML, and React would throw the page away and render it again.
 */
export function DateTime({ value, className }: { value: Date | string; className?: string }) {
  const zone = useViewerZone();
  return (
    <time dateTime={new Date(value).toISOString()} className={className}>
      {zone ? formatDateTime(value, zone) : `${formatDateTime(value, "UTC")} UTC`}
    </time>
  );
}
