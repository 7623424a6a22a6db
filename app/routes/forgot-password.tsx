import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { ForgotPasswordSchema } from "#app/modules/auth/auth.schema.ts";
import { requestPasswordReset } from "#app/modules/auth/reset-requests.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Forgot your password", "Ask for a link to choose a new password for your MIEUX+ Community account.");

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(formData, ForgotPasswordSchema);
  if (!parsed.ok) return data({ ...parsed, sentTo: null }, { status: 400 });
  for (const [name, key] of [["reset:ip", context.ip], ["reset:account", parsed.data.email]] as const) {
    const limit = await consumeRateLimit(name, key);
    if (!limit.ok) return data({ ...formFailure(formData, {}, limit.message), sentTo: null }, { status: 429 });
  }
  // Written down, not done: the response is the same, after the same work (one insert), whether or
  // not the address has an account; the outbox worker looks it up and emails the link.
  await requestPasswordReset(parsed.data.email);
  return { ok: true as const, sentTo: parsed.data.email, values: {} as Record<string, string>, fieldErrors: {} as Record<string, string>, formError: undefined };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Forgot your password?</h1>
      <p className="mt-2 text-muted">Enter the email address of your account and we will send you a link to choose a new password.</p>
      <Card className="mt-6">
        {actionData?.sentTo ? (
          <Alert tone="success" title="Check your email">
            If an account uses <strong>{actionData.sentTo}</strong>, a reset link is on its way. It works once, for 30 minutes.
          </Alert>
        ) : null}
        <Form method="post" noValidate>
          {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
          <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.values?.email} error={actionData?.fieldErrors?.email} />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Sending…" : "Send reset link"}
          </Button>
        </Form>
      </Card>
      <p className="mt-4 text-center text-sm">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
