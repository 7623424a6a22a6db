import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { listNotifications, markNotificationsRead } from "#app/modules/notifications/notify.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Notifications", "Mentions, moderation decisions and other news about what you wrote on MIEUX+ Community.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const rows = await listNotifications(user.id);
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      actor: n.actor ? (n.actor.deletedAt ? "Former member" : n.actor.name) : "Someone",
      url: n.subjectUrl,
      title: n.subjectTitle,
      message: n.message,
      createdAt: n.createdAt,
      unread: !n.readAt,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  await markNotificationsRead(user.id);
  return redirectWithToast("/notifications", { type: "success", title: "All marked as read" });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["notifications"][number];

function sentence(n: Row) {
  switch (n.kind) {
    case "mention":
      return <>{n.actor} mentioned you in <Link to={n.url}>{n.title}</Link></>;
    case "content_hidden":
      return <>A moderator hid your writing “{n.title}”. Reason: {n.message}</>;
    case "content_restored":
      return <>A moderator restored <Link to={n.url}>{n.title}</Link></>;
    case "moderation_warning":
      return <>A warning from the moderators about “{n.title}”: {n.message}</>;
    case "suspended":
      return <>{n.title}. Reason: {n.message}</>;
    case "post_approved":
      return <>Your post <Link to={n.url}>{n.title}</Link> was approved and is now published</>;
    case "call_match":
      return <>A call for experts fits your roster profile: <Link to={n.url}>{n.title}</Link></>;
    case "call_interest":
      return <>{n.message} <Link to={n.url}>{n.title}</Link></>;
    case "call_selected":
      return <>You were selected for the call <Link to={n.url}>{n.title}</Link>. {n.message}</>;
    case "call_declined":
      return <>The call <Link to={n.url}>{n.title}</Link> was decided. {n.message}</>;
    case "request_update":
      return <>Your knowledge-exchange request <Link to={n.url}>{n.title}</Link>: {n.message}</>;
    default:
      return <Link to={n.url}>{n.title}</Link>;
  }
}

/** A member's in-app notifications (email delivery and the bell come later and read the same rows). */
export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notifications"
        lead={unread ? `${unread} unread` : "You are up to date."}
        actions={
          unread ? (
            <Form method="post">
              <Button type="submit" variant="secondary">Mark all as read</Button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <Card><p>Nothing yet. You will see here when someone mentions you, and any message from the moderators.</p></Card>
      ) : (
        <ul className="space-y-3">
          {notifications.map((n) => (
            <li key={n.id}>
              <Card className={n.unread ? "border-brand-700" : undefined}>
                <p>{n.unread ? <span className="sr-only">Unread: </span> : null}{sentence(n)}</p>
                <p className="mt-1 text-sm text-muted"><DateTime value={n.createdAt} /></p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
