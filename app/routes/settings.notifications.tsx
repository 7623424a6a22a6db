import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { getEmailPreferences, parsePreferencesForm, saveEmailPreferences } from "#app/modules/notifications/email-preferences.server.ts";
import { NOTIFICATION_KINDS, type EmailDelivery, type NotificationKind } from "#app/modules/notifications/kinds.ts";
import { requireUser } from "#app/utils/guards.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = () => pageMeta("Settings: notifications", "Choose which emails MIEUX+ Community sends you: at once, in the weekly digest, or not at all.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { prefs: await getEmailPreferences(user.id) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const parsed = parsePreferencesForm(await args.request.formData());
  if (!parsed.ok) return data({ error: parsed.error }, { status: 400 });
  await saveEmailPreferences(user.id, parsed.value);
  return redirectWithToast("/settings/notifications", { type: "success", title: "Your email choices are saved" });
}

const CHOICES: { value: EmailDelivery; label: string }[] = [
  { value: "immediate", label: "At once" },
  { value: "digest", label: "In the weekly digest" },
  { value: "off", label: "Off" },
];

export default function NotificationSettings() {
  const { prefs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
  return (
    <Card>
      <h2 className="text-2xl font-bold">Notifications by email</h2>
      <p className="mt-2">
        Everything below also appears on your <Link to="/notifications">notifications page</Link>. Here you choose what comes by email. Account emails
        (confirmations, password changes) and the invites and reminders of Morning Coffees you registered for always come.
      </p>
      {result?.error ? (
        <Alert tone="error" title="Nothing was saved" className="mt-4">
          {result.error}
        </Alert>
      ) : null}
      <Form method="post" className="mt-4 space-y-4">
        <fieldset className="rounded-md border border-line p-4">
          <legend className="px-1 font-semibold">Weekly digest</legend>
          <p className="text-sm text-muted">Once a week: new posts, open calls, new Spotlights, upcoming Morning Coffees and what you chose to receive in the digest. Not sent when there is nothing.</p>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(["weekly", "off"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="digest" value={value} defaultChecked={prefs.digest === value} className="size-4" />
                {value === "weekly" ? "Send me the weekly digest" : "Off"}
              </label>
            ))}
          </div>
        </fieldset>
        {kinds.map((kind) => (
          <fieldset key={kind} className="rounded-md border border-line p-4">
            <legend className="px-1 font-semibold">{NOTIFICATION_KINDS[kind].label}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {CHOICES.map((choice) => (
                <label key={choice.value} className="flex items-center gap-2">
                  <input type="radio" name={kind} value={choice.value} defaultChecked={prefs.kinds[kind] === choice.value} className="size-4" />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <Button type="submit" disabled={busy}>
          Save my choices
        </Button>
      </Form>
    </Card>
  );
}
