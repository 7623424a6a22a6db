import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { confirmEmailChange } from "#app/modules/auth/accounts.server.ts";
import { peekEmailToken } from "#app/modules/auth/email-tokens.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Confirm your new email", "Confirm the new email address of your MIEUX+ Community account.");

const PROBLEMS = { invalid: "This link is not valid.", expired: "This link has expired. Ask for the change again from your settings.", used: "This link has already been used." } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const problem = token ? await peekEmailToken(token, "change_email") : "invalid";
  return { token, problem: problem ? PROBLEMS[problem] : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await request.formData()).get("token") ?? "");
  const result = await confirmEmailChange(token);
  if (!result.ok) return data({ error: result.error.message }, { status: 400 });
  return redirectWithToast("/settings/security", { type: "success", title: "Email address changed", description: `Your account now uses ${result.value.email}.` });
}

export default function ConfirmEmailChange() {
  const { token, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ?? problem;
  return (
    <Card className="max-w-lg">
      <h2 className="text-2xl font-bold">Confirm your new email address</h2>
      {error ? (
        <Alert tone="error" className="mt-4">{error}</Alert>
      ) : (
        <Form method="post" className="mt-4">
          <input type="hidden" name="token" value={token} />
          <Button type="submit">Use this address</Button>
        </Form>
      )}
    </Card>
  );
}
