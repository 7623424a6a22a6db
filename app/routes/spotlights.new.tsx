import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SpotlightForm } from "#app/components/spotlights/spotlight-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { SpotlightInputSchema } from "#app/modules/actions/actions.schema.ts";
import { createSpotlight } from "#app/modules/actions/spotlights.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { listActionChoices } from "#app/modules/coffee/coffee.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("New Spotlight", "Write an Action Spotlight: highlights, achievements and the migration context of the featured country.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  return { actions: await listActionChoices() };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  const parsed = parseForm(formData, SpotlightInputSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createSpotlight(user.id, parsed.data);
  if (!result.ok) return data(formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: 400 });
  return redirectWithToast(`/spotlights/${result.value.slug}`, { type: "success", title: "Draft saved: check the preview, then publish" });
}

export default function NewSpotlight() {
  const { actions } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm"><Link to="/spotlights">Action Spotlights</Link></p>
      <h1 className="mt-1 text-3xl font-bold">New Spotlight</h1>
      <Card className="mt-6">
        <SpotlightForm defaults={{}} failure={failure} actions={actions} submitLabel="Save draft and preview" busy={busy} />
      </Card>
    </div>
  );
}
