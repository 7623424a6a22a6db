import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import { Bell } from "#app/components/ui/icons.tsx";
import { bellLabel, UNREAD_EVENT, type UnreadPayload } from "#app/modules/notifications/live.ts";

/**
 * The header's bell: a link to /notifications with the unread count from the root loader (so it
 * works without JavaScript), then kept live over Socket.IO: the server sends the new count to the
 * member's room after each committed change, to every tab (decision 100). Changes are announced
 * politely; the count on load is not.
 */
export function NotificationBell({ initial }: { initial: number }) {
  const [count, setCount] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [live, setLive] = useState(false);
  const shown = useRef(initial);
  useEffect(() => {
    shown.current = count;
  }, [count]);

  // A new page load (or revalidation) brings a fresh count.
  const [lastInitial, setLastInitial] = useState(initial);
  if (lastInitial !== initial) {
    setLastInitial(initial);
    setCount(initial);
  }

  useEffect(() => {
    const socket = io({ transports: ["websocket", "polling"] });
    const onUnread = (payload: UnreadPayload) => {
      if (typeof payload?.count !== "number" || payload.count === shown.current) return;
      shown.current = payload.count;
      setCount(payload.count);
      setAnnouncement(payload.count ? `${payload.count} unread notification${payload.count === 1 ? "" : "s"}` : "No unread notifications");
    };
    const onConnect = () => setLive(true);
    const onDisconnect = () => setLive(false);
    socket.on(UNREAD_EVENT, onUnread);
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    return () => {
      socket.off(UNREAD_EVENT, onUnread);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.disconnect();
    };
  }, []);

  return (
    <>
      <Link
        to="/notifications"
        aria-label={bellLabel(count)}
        data-unread={count}
        data-live={live ? "true" : "false"}
        className="relative inline-flex size-11 items-center justify-center rounded-md text-brand-900 no-underline hover:bg-brand-50"
      >
        <Bell aria-hidden="true" className="size-6" />
        {count ? (
          <span aria-hidden="true" className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-brand-700 px-1 text-center text-xs leading-5 font-bold text-white">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </Link>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
