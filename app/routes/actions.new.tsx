import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { ActionForm } from "#app/components/actions/action-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { ActionInputSchema, joinChoices } from "#app/modules/actions/actions.schema.ts";
import { createAction } from "#app/modules/actions/catalogue.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New Action", "Record a new MIEUX+ Action: code, title, partner country, region, thematic area and period.");

export function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  joinChoices(formData, "impactAreas");
  const parsed = parseForm(formData, ActionInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createAction(user.id, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast(`/actions/${result.value.slug}`, { type: "success", title: `Action ${parsed.data.code} created` });
}

export default function NewAction() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">New Action</h1>
      <Card className="mt-6">
        <ActionForm defaults={{ status: "planned" }} failure={actionData} submitLabel="Create Action" busy={busy} />
      </Card>
    </div>
  );
}
