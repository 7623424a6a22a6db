import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { resetPassword } from "#app/modules/auth/accounts.server.ts";
import { ResetPasswordSchema } from "#app/modules/auth/auth.schema.ts";
import { peekEmailToken } from "#app/modules/auth/email-tokens.server.ts";
import { MIN_PASSWORD_LENGTH } from "#app/modules/auth/limits.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Choose a new password", "Choose a new password for your MIEUX+ Community account.");

/** Document responses take their headers from here: keep the wait a 429 asks for. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

const PROBLEMS = {
  invalid: "This reset link is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This reset link has expired (links work for 30 minutes). Ask for a new one.",
  used: "This reset link has already been used. Ask for a new one if you still need it.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const problem = token ? await peekEmailToken(token, "reset_password") : "invalid";
  return { token, problem: problem ? PROBLEMS[problem] : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const limit = await consumeRateLimit("reset-submit:ip", context.ip);
  if (!limit.ok) return data(formFailure(formData, {}, limit.message), { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  const parsed = parseForm(formData, ResetPasswordSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await resetPassword(parsed.data.token, parsed.data.password, { ip: context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast("/login", {
    type: "success",
    title: "Your password has been changed",
    description: "Log in with your new password. Every device that was logged in has been signed out.",
  });
}

export default function ResetPasswordPage() {
  const { token, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      <Card className="mt-6">
        {problem ? (
          <>
            <Alert tone="error">{problem}</Alert>
            <Link to="/forgot-password">Ask for a new reset link</Link>
          </>
        ) : (
          <Form method="post" noValidate>
            {actionData?.formError ? (
              <Alert tone="error">
                {actionData.formError} <Link to="/forgot-password">Ask for a new link</Link>
              </Alert>
            ) : null}
            <input type="hidden" name="token" value={token} />
            <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errors.password} />
            <TextField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? "Saving…" : "Save new password"}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
