import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "#app/components/ui/button.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { TextField } from "#app/components/ui/field.tsx";
import { coffeeByJoinCode, JOIN_CODE_LENGTH } from "#app/modules/qa/join-code.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Join a Q&A", "Type the join code shown on the presenter screen to open a Morning Coffee's live Q&A.");

const CodeSchema = z.string().trim().max(40);

/** `/j/<code>` (from the presenter screen's QR code or typed) and `/j?code=` (the form) lead to the session's live Q&A. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const raw = params.code ?? new URL(request.url).searchParams.get("code");
  if (raw === null || raw === undefined || raw === "") return { code: "", error: null, length: JOIN_CODE_LENGTH };
  const parsed = CodeSchema.safeParse(raw);
  const coffee = parsed.success ? await coffeeByJoinCode(parsed.data) : null;
  if (coffee) throw redirect(`/sessions/${coffee.slug}/qa`);
  const code = parsed.success ? parsed.data : "";
  return data({ code, error: `No Morning Coffee has the join code “${code}”. Check the ${JOIN_CODE_LENGTH} characters on the screen and try again.`, length: JOIN_CODE_LENGTH }, { status: 404 });
}

export default function JoinByCode() {
  const { code, error, length } = useLoaderData<typeof loader>();
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Join a live Q&A</h1>
      <p className="mt-2 text-muted">Type the join code shown on the presenter screen.</p>
      <Form method="get" action="/j" className="mt-4">
        <TextField
          label="Join code"
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          defaultValue={code}
          error={error ?? undefined}
          hint={`${length} letters and digits, for example K7QX2M.`}
        />
        <Button type="submit" className="w-full">Go to the Q&A</Button>
      </Form>
    </Card>
  );
}
