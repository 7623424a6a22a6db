import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MailCheck } from "#app/components/ui/icons.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Check your email", "We sent you a link to confirm your email address.");

export function loader({ request }: LoaderFunctionArgs) {
  const email = new URL(request.url).searchParams.get("email")?.slice(0, 254) ?? null;
  return { email };
}

export default function CheckEmailPage() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <Card className="mx-auto max-w-xl text-center">
      <MailCheck aria-hidden="true" className="mx-auto size-12 text-brand-700" />
      <h1 className="mt-3 text-3xl font-bold">Check your email</h1>
      <p className="mt-3 text-lg">
        We sent a message to <strong>{email ?? "your address"}</strong>. Open the link in it to confirm your address and finish
        joining. The link works for 24 hours.
      </p>
      <p className="mt-4 text-muted">
        Nothing arrived after a few minutes? Check your spam folder, or <Link to="/signup">sign up again</Link> with the right
        address. Already have an account? <Link to="/login">Log in</Link>.
      </p>
    </Card>
  );
}
