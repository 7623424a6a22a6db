import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { groupByDay } from "#app/modules/notifications/days.ts";
import { countUnread, listNotifications, markNotificationRead, markNotificationsRead } from "#app/modules/notifications/notify.server.ts";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = () => pageMeta("Notifications", "Mentions, replies, decisions and other news for you on MIEUX+ Community.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const before = new URL(args.request.url).searchParams.get("before");
  const [{ rows, next }, unread] = await Promise.all([listNotifications(user.id, { before: before?.slice(0, 40) || null }), countUnread(user.id)]);
  const now = args.context.now();
  const view = rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    actor: n.actor ? (n.actor.deletedAt ? "Former member" : n.actor.name) : "Someone",
    title: n.subjectTitle,
    message: n.message,
    createdAt: n.createdAt,
    unread: !n.readAt,
  }));
  return { days: groupByDay(view, now), next, unread, older: Boolean(before) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const form = await args.request.formData();
  const now = args.context.now();
  if (form.get("intent") === "read") {
    const id = String(form.get("id") ?? "").slice(0, 40);
    const done = await markNotificationRead(user.id, id, now);
    if (!done) return redirectWithToast("/notifications", { type: "error", title: "This notification is no longer there" });
    return redirectWithToast("/notifications", { type: "success", title: "Marked as read" });
  }
  await markNotificationsRead(user.id, now);
  return redirectWithToast("/notifications", { type: "success", title: "All marked as read" });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["days"][number]["rows"][number];

/** What happened, in words; the link (through /notifications/<id>, which marks it read) is the title. */
function sentence(n: Row) {
  const link = <Link to={`/notifications/${n.id}`}>{n.title}</Link>;
  switch (n.kind) {
    case "mention":
      return <>{n.actor} mentioned you in {link}</>;
    case "reply":
      return <>{n.actor} {n.message ?? "replied"}: {link}</>;
    case "reaction":
      return <>{n.actor} and others reacted to what you wrote in {link} ({n.message})</>;
    case "content_hidden":
      return <>A moderator hid your writing “{n.title}”. Reason: {n.message}</>;
    case "content_restored":
      return <>A moderator restored {link}</>;
    case "moderation_warning":
      return <>A warning from the moderators about “{n.title}”: {n.message}</>;
    case "suspended":
      return <>{n.title}. Reason: {n.message}</>;
    case "post_approved":
      return <>Your post {link} was approved and is now published</>;
    case "call_match":
      return <>A call for experts fits your roster profile: {link}</>;
    case "call_interest":
      return <>{n.message} {link}</>;
    case "call_selected":
      return <>You were selected for the call {link}. {n.message}</>;
    case "call_declined":
      return <>The call {link} was decided. {n.message}</>;
    case "request_update":
      return <>Your knowledge-exchange request {link}: {n.message}</>;
    case "roster_decision":
      return <>{link}{n.message ? <>. {n.message}</> : null}</>;
    case "coffee_new":
      return <>A new Morning Coffee is open for registration: {link}</>;
    case "member_state_activity":
      return <>{n.message}: {link}</>;
    default:
      return link;
  }
}

/** A member's in-app notifications by day, newest first, 50 at a time; the bell in the header counts the unread ones. */
export default function Notifications() {
  const { days, next, unread, older } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notifications"
        lead={unread ? `${unread} unread` : "You are up to date."}
        actions={
          unread ? (
            <Form method="post">
              <input type="hidden" name="intent" value="all" />
              <Button type="submit" variant="secondary">Mark all as read</Button>
            </Form>
          ) : null
        }
      />
      {days.length === 0 ? (
        <Card>
          <p>{older ? "No older notifications." : "Nothing yet. You will see here when someone mentions you or replies to you, decisions about you, and news for you."}</p>
        </Card>
      ) : (
        days.map((day) => (
          <section key={day.heading} aria-labelledby={`day-${day.rows[0].id}`} className="mb-6">
            <h2 id={`day-${day.rows[0].id}`} className="mb-2 font-serif text-lg font-bold text-brand-900">{day.heading}</h2>
            <ul className="space-y-3">
              {day.rows.map((n) => (
                <li key={n.id} data-notification={n.kind} data-unread={n.unread ? "true" : "false"}>
                  <Card className={n.unread ? "border-l-4 border-brand-700" : undefined}>
                    <p className="break-words">
                      {n.unread ? <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-bold text-white">Unread</span> : null}
                      {sentence(n)}
                    </p>
                    <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
                      <DateTime value={n.createdAt} />
                      {n.unread ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="read" />
                          <input type="hidden" name="id" value={n.id} />
                          <Button type="submit" variant="ghost" size="sm">
                            Mark as read<span className="sr-only">: {n.title}</span>
                          </Button>
                        </Form>
                      ) : null}
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {next ? (
        <p className="mt-6">
          <Link to={`/notifications?before=${encodeURIComponent(next)}`}>Older notifications</Link>
        </p>
      ) : null}
    </div>
  );
}
