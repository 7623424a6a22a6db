import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card, PageHeader } from "#app/components/ui/card.tsx";
import { describeScope, unsubscribe, verifyUnsubscribeToken } from "#app/modules/notifications/email-preferences.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Unsubscribe", "Stop a kind of email from MIEUX+ Community, without logging in.");

const INVALID = "This unsubscribe link is not valid. It may have been copied incompletely. Nothing was changed: you can choose your emails in Settings → Notifications after logging in.";

/** GET: says what the link would stop, changes nothing. No log-in: the signed token is the authority. */
export async function loader({ params }: LoaderFunctionArgs) {
  const target = await verifyUnsubscribeToken(params.token ?? "");
  if (!target) return data({ valid: false as const, what: null }, { status: 400 });
  return { valid: true as const, what: describeScope(target.scope) };
}

/**
 * POST: turns it off. The same address answers the RFC 8058 one-click POST
 * (`List-Unsubscribe=One-Click`) that mail providers send without cookies or an Origin of ours.
 */
export async function action({ params }: ActionFunctionArgs) {
  const target = await verifyUnsubscribeToken(params.token ?? "");
  if (!target) return data({ done: false as const, what: null }, { status: 400 });
  await unsubscribe(target.userId, target.scope);
  return { done: true as const, what: describeScope(target.scope) };
}

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Unsubscribe" />
      <Card>
        {result?.done ? (
          <Alert tone="success" title="You are unsubscribed">
            We will no longer send you {result.what}. You can change this at any time in Settings → Notifications.
          </Alert>
        ) : !page.valid || result ? (
          <Alert tone="error" title="Link not valid">
            {INVALID}
          </Alert>
        ) : (
          <>
            <p>
              Stop receiving <strong>{page.what}</strong>?
            </p>
            <Form method="post" className="mt-4">
              <Button type="submit">Unsubscribe</Button>
            </Form>
          </>
        )}
        <p className="mt-4 text-sm">
          <Link to="/settings/notifications">Choose all your email settings</Link> (log-in needed).
        </p>
      </Card>
    </div>
  );
}
