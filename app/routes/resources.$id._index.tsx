import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { DateTime } from "#app/components/date-time.tsx";
import { UserMarkdown } from "#app/components/markdown.tsx";
import { ResourceMeta } from "#app/components/resources/resource-meta.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { ArrowLeft, FileText } from "#app/components/ui/icons.tsx";
import { requireUser } from "#app/utils/guards.server.ts";
import { canCurate, canEditResource, canReadResource, getResource, setFeatured } from "#app/modules/resources/library.server.ts";
import { fileTypeLabel } from "#app/modules/resources/taxonomy.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { reportLink } from "#app/utils/report-link.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => data ? pageMeta(data.resource.title, data.resource.summary || "A resource from the MIEUX+ library: guides, publications and cultural-agility tips.") : pageMeta("Resource not found", "This resource does not exist or was removed.");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const resource = await getResource(params.id ?? "");
  if (!resource || !canReadResource(context.user, resource)) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const { fileKey, createdById, createdBy, ...shown } = resource;
  return {
    resource: { ...shown, hasFile: !!fileKey, author: createdBy && !createdBy.deletedAt ? createdBy.name : createdBy ? "Former member" : "MIEUX+ team" },
    canEdit: canEditResource(context.user, { createdById }),
    canCurate: canCurate(context.user),
    canReport: !!context.user && context.user.id !== createdById && !resource.hiddenAt,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  const intent = String((await args.request.formData()).get("intent") ?? "");
  if (intent !== "feature" && intent !== "unfeature") return redirectWithToast(`/resources/${id}`, { type: "error", title: "Unknown action" });
  const result = await setFeatured(user, id, intent === "feature");
  if (!result.ok) throw new Response(result.error.message, { status: result.error.code === "forbidden" ? 403 : 404 });
  return redirectWithToast(`/resources/${id}`, { type: "success", title: intent === "feature" ? "On the featured shelf" : "Taken off the featured shelf" });
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

export default function ResourcePage() {
  const { resource: r, canEdit, canCurate: curate, canReport } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/resources" className="inline-flex items-center gap-1 text-sm">
        <ArrowLeft aria-hidden="true" className="size-4" /> Resources
      </Link>
      {r.hiddenAt ? (
        <Alert tone="info">{`Hidden by a moderator: ${r.hiddenReason ?? "no reason given"}. Only organisers see it; restore it from Admin → Moderation.`}</Alert>
      ) : null}
      <Card>
        <ResourceMeta topic={r.topic} region={r.region} language={r.language} tags={r.tags} />
        <h1 className="mt-2 text-3xl font-bold">{r.title}</h1>
        <p className="mt-1 text-sm text-muted">
          {r.author} · <DateTime value={r.createdAt} />
          {r.featuredAt ? " · Featured" : ""}
        </p>
        {r.summary ? <p className="mt-4 text-lg">{r.summary}</p> : null}
        {r.externalUrl || r.hasFile ? (
          <ul className="mt-4 flex flex-wrap gap-3">
            {r.hasFile ? (
              <li>
                <Button asChild variant="secondary">
                  <a href={`/resources/${r.id}/file`} download>
                    <FileText aria-hidden="true" className="size-4" /> Download {fileTypeLabel(r.fileType)}
                    {r.fileSize ? ` (${megabytes(r.fileSize)})` : ""}
                  </a>
                </Button>
              </li>
            ) : null}
            {r.externalUrl ? (
              <li>
                <Button asChild variant="secondary">
                  <a href={r.externalUrl} rel="nofollow ugc noopener">
                    Open the link<span className="sr-only"> to {r.title} (another website)</span>
                  </a>
                </Button>
              </li>
            ) : null}
          </ul>
        ) : null}
        {r.body ? <UserMarkdown className="mt-6">{r.body}</UserMarkdown> : null}
      </Card>
      {canEdit || curate ? (
        <div className="flex flex-wrap gap-3">
          {canEdit ? (
            <Button asChild variant="secondary">
              <Link to={`/resources/${r.id}/edit`}>Edit the resource</Link>
            </Button>
          ) : null}
          {curate ? (
            <Form method="post">
              <input type="hidden" name="intent" value={r.featuredAt ? "unfeature" : "feature"} />
              <Button type="submit" variant="ghost" disabled={busy}>{r.featuredAt ? "Take off the featured shelf" : "Put on the featured shelf"}</Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {canReport ? (
        <p>
          <Link to={reportLink("resource", r.id, `/resources/${r.id}`)} className="text-sm">Report this resource</Link>
        </p>
      ) : null}
    </div>
  );
}
