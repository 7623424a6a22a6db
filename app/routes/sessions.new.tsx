import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CoffeeForm } from "#app/components/coffee/coffee-form.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { requireRole } from "#app/utils/guards.server.ts";
import { CoffeeFormSchema } from "#app/modules/coffee/coffee.schema.ts";
import { createCoffee, listActionChoices } from "#app/modules/coffee/coffee.server.ts";
import { allTimeZones } from "#app/modules/coffee/time.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New Morning Coffee", "Schedule a new Morning Coffee: time, Action Spotlight, speakers and Q&A settings.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  return { actions: await listActionChoices(), timeZones: allTimeZones() };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requireRole(args, "organiser");
  const formData = await args.request.formData();
  const parsed = parseForm(formData, CoffeeFormSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createCoffee(parsed.data, actor, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.message), { status: 400 });
  return redirectWithToast(`/sessions/${result.value.slug}/edit`, { type: "success", title: "Draft saved", description: "Add speakers and Spotlights, preview it, then publish." });
}

export default function NewMorningCoffee() {
  const { actions, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link to="/sessions">Morning Coffee</Link>
      </p>
      <PageHeader title="New Morning Coffee" lead="It stays a draft, visible only to organisers, until you publish it." />
      <Card>
        <CoffeeForm
          defaults={actionData?.values ?? {}}
          errors={actionData?.fieldErrors ?? {}}
          formError={actionData?.formError}
          actions={actions}
          timeZones={timeZones}
          submitLabel="Save draft"
          busy={busy}
        />
      </Card>
    </div>
  );
}
