import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { endSession } from "#app/modules/auth/session.server.ts";
import { toastHeader } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Log out", "Log out of MIEUX+ Community on this device.");

// Logging out changes state, so it happens only on POST; GET asks for confirmation.
export function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) throw redirect("/");
  return null;
}

export async function action({ context }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(context.sessionToken));
  headers.append("Set-Cookie", await toastHeader({ type: "info", title: "You have logged out" }));
  return redirect("/", { headers });
}

export default function LogoutPage() {
  return (
    <Card className="mx-auto max-w-md text-center">
      <h1 className="text-2xl font-bold">Log out?</h1>
      <Form method="post" className="mt-4">
        <Button type="submit">Log out</Button>
      </Form>
    </Card>
  );
}
