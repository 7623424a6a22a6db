import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Download } from "#app/components/ui/icons.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { requireUser } from "#app/utils/guards.server.ts";
import { deleteAccount } from "#app/modules/auth/privacy.server.ts";
import { endSession } from "#app/modules/auth/session.server.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { toastHeader } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: privacy and data", "Export everything MIEUX+ Community keeps about you, or delete your account.");

export function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await args.request.formData();
  if (formData.get("confirm") !== "DELETE") {
    return data({ fieldErrors: { confirm: 'Type DELETE in capital letters to confirm.' } as Record<string, string> }, { status: 400 });
  }
  const limit = await consumeRateLimit("reauth:account", user.email);
  if (!limit.ok) return data({ fieldErrors: { password: limit.message } as Record<string, string> }, { status: 429 });
  const result = await deleteAccount(user.id, String(formData.get("password") ?? ""));
  if (!result.ok) return data({ fieldErrors: result.error.fields ?? {} }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(null));
  headers.append("Set-Cookie", await toastHeader({ type: "info", title: "Your account has been deleted", description: "Thank you for being part of the network." }));
  return redirect("/", { headers });
}

export default function PrivacySettings() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-2xl font-bold">Your data</h2>
        <p className="mt-1">Download everything MIEUX+ Community holds about you, as a JSON file.</p>
        <a href="/settings/export" download className="mt-4 inline-flex items-center gap-2 rounded-md border border-brand-700 px-4 py-2 font-semibold no-underline hover:bg-brand-50">
          <Download aria-hidden="true" className="size-4" /> Download my data
        </a>
      </Card>
      <Card>
        <h2 className="text-2xl font-bold">Delete your account</h2>
        <Alert tone="warning" className="mt-3">
          Your name, email, country and institution are erased and you are signed out everywhere. Questions and posts you wrote
          stay, shown as written by a former member. This cannot be undone.
        </Alert>
        <Form method="post" className="max-w-lg" noValidate>
          <TextField label="Type DELETE to confirm" name="confirm" required autoComplete="off" error={errors.confirm} />
          <TextField label="Your password" name="password" type="password" required autoComplete="current-password" error={errors.password} />
          <Button type="submit" variant="danger">Delete my account</Button>
        </Form>
      </Card>
    </div>
  );
}
