import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { changePassword, requestEmailChange } from "#app/modules/auth/accounts.server.ts";
import { ChangeEmailSchema, ChangePasswordSchema } from "#app/modules/auth/auth.schema.ts";
import { requireUser } from "#app/utils/guards.server.ts";
import { MIN_PASSWORD_LENGTH } from "#app/modules/auth/limits.ts";
import { formFailure, parseForm, type FormFailure } from "#app/utils/forms.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { redirectWithToast, toastHeader } from "#app/utils/toast.server.ts";
import { redirect } from "@remix-run/node";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: email and password", "Change the email address or the password of your MIEUX+ Community account.");

export function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { email: user.email };
}

type ActionResult = (FormFailure & { intent: string }) | { ok: true; intent: "email"; sentTo: string };

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent"));
  // Re-authentication guesses are limited per account (a stolen session must not try passwords freely).
  const limit = await consumeRateLimit("reauth:account", user.email);
  if (!limit.ok) return data<ActionResult>({ ...formFailure(formData, {}, limit.message), intent }, { status: 429 });
  if (intent === "password") {
    const parsed = parseForm(formData, ChangePasswordSchema);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    const result = await changePassword(user.id, parsed.data, { ip: args.context.ip, userAgent: args.context.userAgent });
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}), intent }, { status: 400 });
    const headers = new Headers();
    headers.append("Set-Cookie", result.value.setCookie);
    headers.append("Set-Cookie", await toastHeader({ type: "success", title: "Password changed", description: "Other devices have been signed out." }));
    return redirect("/settings/security", { headers });
  }
  if (intent === "email") {
    const parsed = parseForm(formData, ChangeEmailSchema);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    const result = await requestEmailChange(user.id, parsed.data);
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}), intent }, { status: 400 });
    return data<ActionResult>({ ok: true, intent: "email", sentTo: parsed.data.email });
  }
  return redirectWithToast("/settings/security", { type: "error", title: "Unknown action" });
}

export default function SecuritySettings() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = actionData && !actionData.ok ? actionData : null;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.fieldErrors : {});
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-2xl font-bold">Email address</h2>
        <p className="mt-1 text-muted">
          Currently <strong>{email}</strong>. We send a link to the new address; the change happens when you open it.
        </p>
        {actionData?.ok && actionData.intent === "email" ? (
          <Alert tone="success" className="mt-4">Check {actionData.sentTo} for a confirmation link.</Alert>
        ) : null}
        {failed?.intent === "email" && failed.formError ? <Alert tone="error" className="mt-4">{failed.formError}</Alert> : null}
        <Form method="post" className="mt-4 max-w-lg" noValidate>
          <input type="hidden" name="intent" value="email" />
          <TextField label="New email address" name="email" type="email" autoComplete="email" required defaultValue={failed?.intent === "email" ? failed.values.email : undefined} error={errorsFor("email").email} />
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errorsFor("email").currentPassword} />
          <Button type="submit" disabled={busy}>Send confirmation link</Button>
        </Form>
      </Card>
      <Card>
        <h2 className="text-2xl font-bold">Password</h2>
        <p className="mt-1 text-muted">Changing your password signs out every other device.</p>
        {failed?.intent === "password" && failed.formError ? <Alert tone="error" className="mt-4">{failed.formError}</Alert> : null}
        <Form method="post" className="mt-4 max-w-lg" noValidate>
          <input type="hidden" name="intent" value="password" />
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errorsFor("password").currentPassword} />
          <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errorsFor("password").password} />
          <TextField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errorsFor("password").confirmPassword} />
          <Button type="submit" disabled={busy}>Change password</Button>
        </Form>
      </Card>
    </div>
  );
}
