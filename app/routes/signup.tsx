import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CountryOptions } from "#app/components/country-options.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { CheckboxField, SelectField, TextField } from "#app/components/ui/field.tsx";
import { signUp } from "#app/modules/auth/accounts.server.ts";
import { SignupSchema } from "#app/modules/auth/auth.schema.ts";
import { requireAnonymous } from "#app/utils/guards.server.ts";
import { MIN_PASSWORD_LENGTH } from "#app/modules/auth/limits.ts";
import { passwordProblem } from "#app/modules/auth/password.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { consumeRateLimit } from "#app/utils/rate-limit.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Join", "Create a MIEUX+ Community account to join Morning Coffees and the network of EU migration experts.");

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const formData = await args.request.formData();
  const parsed = parseForm(formData, SignupSchema);
  if (!parsed.ok) {
    // Say everything that is wrong at once, including a weak password.
    const password = formData.get("password");
    const problem = typeof password === "string" && password ? passwordProblem(password) : null;
    if (problem) parsed.fieldErrors.password ??= problem;
    return data(parsed, { status: 400 });
  }
  const limit = await consumeRateLimit("signup:ip", args.context.ip);
  if (!limit.ok) return data(formFailure(formData, {}, limit.message), { status: 429 });
  const result = await signUp(parsed.data, { ip: args.context.ip, userAgent: args.context.userAgent });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.message), { status: 400 });
  return redirect(`/check-email?${new URLSearchParams({ email: parsed.data.email })}`);
}

export default function SignupPage() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold">Join MIEUX+ Community</h1>
      <p className="mt-2 text-muted">
        For public officials in EU Member States and partner administrations, Focal Points and the MIEUX+ team. Experts can apply
        to the Expert Roster once their account is confirmed.
      </p>
      <Card className="mt-6">
        <Form method="post" noValidate>
          {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
          <TextField label="Full name" name="name" autoComplete="name" required defaultValue={values.name} error={errors.name} />
          <TextField label="Work email" name="email" type="email" autoComplete="email" required defaultValue={values.email} error={errors.email} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
            error={errors.password}
          />
          <SelectField label="Member State or country" name="country" required defaultValue={values.country ?? ""} error={errors.country} hint="Where your administration is based.">
            <option value="">Choose…</option>
            <CountryOptions />
          </SelectField>
          <TextField
            label="Institution"
            name="institution"
            required
            autoComplete="organization"
            hint="For example: Ministry of Interior, Office for Foreigners."
            defaultValue={values.institution}
            error={errors.institution}
          />
          <CheckboxField
            name="acceptTerms"
            required
            defaultChecked={values.acceptTerms === "on"}
            error={errors.acceptTerms}
            label={
              <>
                I have read the <Link to="/privacy">privacy notice</Link>. My name, country and institution are shown to other members; moderators see them beside my questions.
              </>
            }
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Creating your account…" : "Create account"}
          </Button>
        </Form>
      </Card>
      <p className="mt-4 text-center text-sm">
        Already a member? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
