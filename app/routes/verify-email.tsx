import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { resendVerification, verifyEmail } from "#app/modules/auth/accounts.server.ts";
import { peekEmailToken } from "#app/modules/auth/email-tokens.server.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { toastHeader } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Confirm your email", "Confirm your email address to take part in MIEUX+ Community.");

const PROBLEMS = {
  invalid: "This link is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This link has expired. Log in and ask for a new one.",
  used: "This link has already been used.",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const user = context.user;
  if (token) {
    const problem = await peekEmailToken(token, "verify_email");
    return { token, problem: problem ? PROBLEMS[problem] : null, user: user ? { email: user.email, verified: user.emailVerified } : null };
  }
  if (!user) throw redirect("/login?redirectTo=/verify-email");
  return { token: null, problem: null, user: { email: user.email, verified: user.emailVerified } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "resend") {
    if (!context.user) throw redirect("/login?redirectTo=/verify-email");
    const limit = await consumeRateLimit("verify:resend", context.user.id);
    if (!limit.ok) return data({ error: limit.message, sent: false }, { status: 429 });
    const result = await resendVerification(context.user.id);
    return result.ok ? { error: null, sent: true } : data({ error: result.error.message, sent: false }, { status: 400 });
  }
  const token = String(formData.get("token") ?? "");
  const result = await verifyEmail(token, { ip: context.ip, userAgent: context.userAgent });
  if (!result.ok) return data({ error: result.error.message, sent: false }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", result.value.setCookie);
  headers.append("Set-Cookie", await toastHeader({ type: "success", title: "Your email address is confirmed", description: "Welcome to MIEUX+ Community." }));
  return redirect("/", { headers });
}

export default function VerifyEmailPage() {
  const { token, problem, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (token) {
    return (
      <Card className="mx-auto max-w-md text-center">
        <h1 className="text-3xl font-bold">Confirm your email</h1>
        {problem || actionData?.error ? (
          <>
            <Alert tone="error" className="mt-4 text-left">{actionData?.error ?? problem}</Alert>
            <p><Link to="/login">Log in</Link> to ask for a new link.</p>
          </>
        ) : (
          <Form method="post" className="mt-4">
            <input type="hidden" name="token" value={token} />
            <p className="mb-4 text-muted">One click to confirm this address and finish joining.</p>
            <Button type="submit" size="lg">Confirm my email</Button>
          </Form>
        )}
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-md text-center">
      <h1 className="text-3xl font-bold">{user?.verified ? "Your email is confirmed" : "Confirm your email"}</h1>
      {user?.verified ? (
        <p className="mt-3"><Link to="/">Go to the home page</Link></p>
      ) : (
        <>
          <p className="mt-3">
            We sent a confirmation link to <strong>{user?.email}</strong>. Open it to take part: registering for Morning Coffees,
            asking questions and applying to the roster need a confirmed address.
          </p>
          {actionData?.sent ? <Alert tone="success" className="mt-4">A new link is on its way.</Alert> : null}
          {actionData?.error ? <Alert tone="error" className="mt-4">{actionData.error}</Alert> : null}
          <Form method="post" className="mt-4">
            <Button type="submit" name="intent" value="resend" variant="secondary">Send the link again</Button>
          </Form>
        </>
      )}
    </Card>
  );
}
