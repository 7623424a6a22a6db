import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SpotlightForm } from "#app/components/spotlights/spotlight-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { SpotlightInputSchema } from "#app/modules/actions/actions.schema.ts";
import { getSpotlight, updateSpotlight } from "#app/modules/actions/spotlights.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { listActionChoices } from "#app/modules/coffee/coffee.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Edit ${data?.spotlight.title ?? "Spotlight"}`, "Change an Action Spotlight and preview it before publishing.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const spotlight = await getSpotlight(args.params.slug ?? "", { includeDrafts: true });
  if (!spotlight) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const { slug, title, country, summary, highlights, achievements, migrationContext, actionId, status } = spotlight;
  return { spotlight: { slug, title, status }, defaults: { title, country, summary, highlights, achievements, migrationContext, actionId: actionId ?? "" }, actions: await listActionChoices() };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  const parsed = parseForm(formData, SpotlightInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await updateSpotlight(user.id, args.params.slug ?? "", parsed.data);
  if (!result.ok && result.error.code === "not_found") throw new Response("Not found", { status: 404, statusText: "Not found" });
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast(`/spotlights/${result.value.slug}`, { type: "success", title: "Spotlight saved" });
}

export default function EditSpotlight() {
  const { spotlight, defaults, actions } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm"><Link to={`/spotlights/${spotlight.slug}`}>Back to the {spotlight.status === "draft" ? "preview" : "Spotlight"}</Link></p>
      <h1 className="mt-1 text-3xl font-bold">Edit: {spotlight.title}</h1>
      <Card className="mt-6">
        <SpotlightForm defaults={defaults} failure={failure} actions={actions} submitLabel={spotlight.status === "draft" ? "Save draft and preview" : "Save changes"} busy={busy} />
      </Card>
    </div>
  );
}
