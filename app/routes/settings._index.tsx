import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CountryOptions } from "#app/components/country-options.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextField } from "#app/components/ui/field.tsx";
import { updateProfile } from "#app/modules/auth/accounts.server.ts";
import { ProfileSchema } from "#app/modules/auth/auth.schema.ts";
import { requireUser } from "#app/utils/guards.server.ts";
import { ROLE_LABELS } from "#app/modules/auth/roles.ts";
import { parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: profile", "Your name, country and institution on MIEUX+ Community.");

export function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { user: { name: user.name, email: user.email, country: user.country, institution: user.institution, role: ROLE_LABELS[user.role], emailVerified: user.emailVerified } };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const parsed = parseForm(await args.request.formData(), ProfileSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await updateProfile(user.id, parsed.data);
  return redirectWithToast("/settings", { type: "success", title: "Profile saved" });
}

export default function ProfileSettings() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  return (
    <Card>
      <h2 className="text-2xl font-bold">Profile</h2>
      <p className="mt-1 text-muted">
        Signed in as <strong>{user.email}</strong> · {user.role}
        {user.emailVerified ? "" : " · email not yet confirmed"}
      </p>
      <Form method="post" className="mt-4 max-w-lg" noValidate>
        {actionData?.formError ? <Alert tone="error">{actionData.formError}</Alert> : null}
        <TextField label="Full name" name="name" required autoComplete="name" defaultValue={values.name ?? user.name} error={errors.name} />
        <SelectField label="Member State or country" name="country" required defaultValue={values.country ?? user.country ?? ""} error={errors.country}>
          <option value="">Choose…</option>
          <CountryOptions />
        </SelectField>
        <TextField label="Institution" name="institution" required autoComplete="organization" defaultValue={values.institution ?? user.institution ?? ""} error={errors.institution} />
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save profile"}
        </Button>
      </Form>
    </Card>
  );
}
