import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionForm } from "#app/components/actions/action-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { ActionInputSchema, joinChoices } from "#app/modules/actions/actions.schema.ts";
import { getActionForEdit, updateAction } from "#app/modules/actions/catalogue.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Edit ${data?.code ?? "Action"}`, "Change what the Actions catalogue shows about a MIEUX+ Action.");

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const action = await getActionForEdit(args.params.slug ?? "");
  if (!action) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return {
    slug: action.slug,
    code: action.code,
    defaults: {
      code: action.code,
      title: action.title,
      summary: action.summary,
      partnerCountry: action.partnerCountry,
      region: action.region,
      thematicArea: action.thematicArea,
      status: action.status,
      impactAreas: action.impactAreas.join("|"),
      startDate: day(action.startDate),
      endDate: day(action.endDate),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  joinChoices(formData, "impactAreas");
  const parsed = parseForm(formData, ActionInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await updateAction(user.id, args.params.slug ?? "", parsed.data, { ip: args.context.ip });
  if (!result.ok && result.error.code === "not_found") throw new Response("Not found", { status: 404, statusText: "Not found" });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast(`/actions/${result.value.slug}`, { type: "success", title: `Action ${parsed.data.code} saved` });
}

export default function EditAction() {
  const { slug, code, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm"><Link to={`/actions/${slug}`}>Back to {code}</Link></p>
      <h1 className="mt-1 text-3xl font-bold">Edit: {code}</h1>
      <Card className="mt-6">
        <ActionForm defaults={defaults} failure={actionData} submitLabel="Save changes" busy={busy} />
      </Card>
    </div>
  );
}
