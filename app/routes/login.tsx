import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { LoginSchema } from "#app/modules/auth/auth.schema.ts";
import { requireAnonymous } from "#app/utils/guards.server.ts";
import { attemptLogIn } from "#app/modules/auth/login-throttle.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { safeRedirect } from "#app/utils/misc.ts";
import { toastHeader } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Log in", "Log in to MIEUX+ Community to join Morning Coffees, ask questions and find experts.");

/** Document responses take their headers from here: keep the wait a 429 asks for. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args, safeRedirect(new URL(args.request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const formData = await request.formData();
  const parsed = parseForm(formData, LoginSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await attemptLogIn(parsed.data, { ip: context.ip, userAgent: context.userAgent });
  if (!result.ok && result.retryAfterSeconds) {
    return data(formFailure(formData, {}, result.error.message), { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } });
  }
  if (!result.ok) return data(formFailure(formData, {}, result.error.message), { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", result.value.setCookie);
  headers.append("Set-Cookie", await toastHeader({ type: "success", title: "Welcome back" }));
  return redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Log in</h1>
      <p className="mt-2 text-muted">Welcome back to the MIEUX+ network.</p>
      <Card className="mt-6">
        <Form method="post" noValidate>
          {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
          <input type="hidden" name="redirectTo" value={safeRedirect(params.get("redirectTo"))} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.values.email} error={errors.email} />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Logging in…" : "Log in"}
          </Button>
        </Form>
        <p className="mt-4 text-center text-sm">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </Card>
      <p className="mt-4 text-center text-sm">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </div>
  );
}
