import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { requireUser } from "#app/utils/guards.server.ts";
import { audit } from "#app/modules/admin/audit.server.ts";
import { webcalUrl } from "#app/modules/coffee/calendar.server.ts";
import { privateFeedStatus, revokePrivateFeed, rotatePrivateFeed, setInviteEmails } from "#app/modules/coffee/feeds.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: calendar", "Your private calendar address for the Morning Coffees you registered for, and how to replace it.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const feed = await privateFeedStatus(user.id);
  const publicFeed = `${getEnv().APP_URL}/calendar/public.ics`;
  return { feed, publicFeed: { http: publicFeed, webcal: webcalUrl(publicFeed) } };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "invites") {
    const sendInvites = form.get("sendInvites") === "on";
    if (!(await setInviteEmails(user.id, sendInvites))) {
      return redirectWithToast("/settings/calendar", { type: "error", title: "Create your private calendar address first" });
    }
    await audit({ actorId: user.id, action: "coffee.feed_invites", targetType: "user", targetId: user.id, data: { sendInvites }, ip: args.context.ip });
    return redirectWithToast("/settings/calendar", {
      type: "success",
      title: sendInvites ? "Registration emails will carry calendar invites again" : "Registration emails will come without calendar invites",
    });
  }
  if (intent === "revoke") {
    await revokePrivateFeed(user.id);
    await audit({ actorId: user.id, action: "coffee.feed_revoke", targetType: "user", targetId: user.id, ip: args.context.ip });
    return redirectWithToast("/settings/calendar", { type: "success", title: "Your private calendar address no longer works" });
  }
  // Create or rotate: the address is shown once, in this response; only its hash is stored.
  const { url } = await rotatePrivateFeed(user.id);
  await audit({ actorId: user.id, action: "coffee.feed_rotate", targetType: "user", targetId: user.id, ip: args.context.ip });
  return data({ url, webcal: webcalUrl(url) }, { headers: { "Cache-Control": "no-store" } });
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? "Copied" : "Copy address"}
    </Button>
  );
}

export default function CalendarSettings() {
  const { feed, publicFeed } = useLoaderData<typeof loader>();
  const created = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-2xl font-bold">Your private calendar feed</h2>
        <p className="mt-2">
          Subscribe once in Outlook, Google Calendar or Apple Calendar and every Morning Coffee you register for appears there, with the join link, and
          follows changes by itself.
        </p>
        {created ? (
          <div className="mt-4">
            <Alert tone="success" title="Your private address">
              Keep it to yourself: anyone with it can see your sessions. We show it only now; if you lose it, create a new one.
            </Alert>
            <label htmlFor="feed-url" className="block text-sm font-semibold">Calendar address</label>
            <input id="feed-url" readOnly value={created.url} className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 font-mono text-sm" />
            <div className="mt-3 flex flex-wrap gap-2">
              <CopyButton text={created.url} />
              <a href={created.webcal} className="inline-flex items-center rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white no-underline hover:bg-brand-800">
                Subscribe in my calendar app
              </a>
              <a
                href={`https://calendar.google.com/calendar/r?${new URLSearchParams({ cid: created.webcal })}`}
                rel="noopener noreferrer"
                target="_blank"
                className="inline-flex items-center rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 no-underline hover:bg-brand-50"
              >
                Add to Google Calendar
              </a>
            </div>
          </div>
        ) : feed ? (
          <p className="mt-4 text-muted">You created your private address on <DateTime value={feed.createdAt} />. For your safety we cannot show it again.</p>
        ) : null}
        {feed ? (
          <Form method="post" className="mt-4 rounded-md border border-line p-4">
            <input type="hidden" name="intent" value="invites" />
            <div className="flex items-start gap-2">
              <input id="send-invites" type="checkbox" name="sendInvites" defaultChecked={feed.sendInvites} className="mt-1 size-4" aria-describedby="send-invites-help" />
              <label htmlFor="send-invites" className="font-semibold">Also send calendar invites by email</label>
            </div>
            <p id="send-invites-help" className="mt-1 text-sm text-muted">
              Your feed already puts each session you register for in your calendar. Turn invites off so sessions do not appear twice; you still get the emails, without an invite.
            </p>
            <Button type="submit" size="sm" variant="secondary" className="mt-3" disabled={busy}>Save</Button>
          </Form>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value="rotate" />
            <Button type="submit" variant={feed || created ? "secondary" : "primary"} disabled={busy}>
              {feed || created ? "Replace my address (the old one stops working)" : "Create my private address"}
            </Button>
          </Form>
          {feed || created ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <Button type="submit" variant="ghost" disabled={busy}>Turn off my private feed</Button>
            </Form>
          ) : null}
        </div>
      </Card>
      <Card>
        <h2 className="text-2xl font-bold">All Morning Coffee sessions</h2>
        <p className="mt-2">A public feed of every published session, without join links.</p>
        <p className="mt-2 break-all">
          <a href={publicFeed.webcal}>Subscribe to all sessions</a> · <span className="font-mono text-sm">{publicFeed.http}</span>
        </p>
      </Card>
    </div>
  );
}
