import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ResourceForm } from "#app/components/resources/resource-form.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { requireUser } from "#app/utils/guards.server.ts";
import { canEditResource, getResource, updateResource } from "#app/modules/resources/library.server.ts";
import { parseResourceSubmission } from "#app/modules/resources/submission.server.ts";
import { formFailure } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Edit ${data?.resource.title ?? "resource"}`, "Change a resource of the MIEUX+ library.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const resource = await getResource(args.params.id ?? "");
  if (!resource) throw new Response("Not found", { status: 404, statusText: "Not found" });
  if (!canEditResource(user, resource)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return {
    resource: {
      id: resource.id,
      title: resource.title,
      summary: resource.summary,
      body: resource.body,
      externalUrl: resource.externalUrl,
      topic: resource.topic,
      region: resource.region,
      language: resource.language,
      tags: resource.tags.map((t) => t.tag).join(", "),
      fileName: resource.fileKey ? resource.fileName : null,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  const existing = await getResource(id);
  if (!existing) throw new Response("Not found", { status: 404, statusText: "Not found" });
  // Refused before the body is read: no upload is stored for someone who may not edit.
  if (!canEditResource(user, existing)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  const submission = await parseResourceSubmission(args.request);
  if (!submission.ok) return data(submission.failure, { status: submission.status });
  const result = await updateResource(user, id, submission.input, submission.file, { ip: args.context.ip });
  if (!result.ok) return data(formFailure(submission.formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), { status: result.error.code === "forbidden" ? 403 : 400 });
  return redirectWithToast(`/resources/${id}`, { type: "success", title: "Resource saved" });
}

export default function EditResource() {
  const { resource } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm"><Link to={`/resources/${resource.id}`}>Back to the resource</Link></p>
      <h1 className="mt-1 text-3xl font-bold">Edit: {resource.title}</h1>
      <Card className="mt-6">
        <ResourceForm defaults={resource} failure={failure} currentFile={resource.fileName} submitLabel="Save changes" busy={busy} />
      </Card>
    </div>
  );
}
