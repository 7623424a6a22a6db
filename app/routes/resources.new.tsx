import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { ResourceForm } from "#app/components/resources/resource-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { requireRole } from "#app/utils/guards.server.ts";
import { createResource } from "#app/modules/resources/library.server.ts";
import { parseResourceSubmission } from "#app/modules/resources/submission.server.ts";
import { formFailure } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Add a resource", "Add a guide, a publication or a cultural-agility tip to the MIEUX+ library.");

export function loader(args: LoaderFunctionArgs) {
  requireRole(args, "focal_point");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "focal_point");
  const submission = await parseResourceSubmission(args.request);
  if (!submission.ok) return data(submission.failure, { status: submission.status });
  const result = await createResource(user, submission.input, submission.file, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(submission.formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: result.error.code === "forbidden" ? 403 : 400 });
  return redirectWithToast(`/resources/${result.value.id}`, { type: "success", title: "Resource added to the library" });
}

export default function NewResource() {
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm"><Link to="/resources">Resources</Link></p>
      <h1 className="mt-1 text-3xl font-bold">Add a resource</h1>
      <Card className="mt-6">
        <ResourceForm defaults={{ language: "en" }} failure={failure} submitLabel="Add to the library" busy={busy} />
      </Card>
    </div>
  );
}
