import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card, PageHeader } from "#app/components/ui/card.tsx";
import { TextAreaField } from "#app/components/ui/field.tsx";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { reportableTarget, reportContent } from "#app/modules/moderation/reports.server.ts";
import { isReportTarget, REPORT_TARGET_TYPES } from "#app/modules/moderation/targets.server.ts";
import { ReportInputSchema } from "#app/modules/posts/posts.schema.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { safeRedirect } from "#app/utils/misc.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = () => pageMeta("Report content", "Tell the moderators what is wrong with a post, comment, resource or Q&A question.");

const Schema = ReportInputSchema.extend({ targetType: z.enum(REPORT_TARGET_TYPES), targetId: z.string().min(1).max(40) });

/** The report form for one piece of content: /report?type=question&id=…&redirectTo=… (a plain link, so it works without JavaScript). */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const url = new URL(args.request.url);
  const type = url.searchParams.get("type") ?? "";
  const id = url.searchParams.get("id") ?? "";
  const back = safeRedirect(url.searchParams.get("redirectTo"), "/");
  if (!isReportTarget(type) || !id || id.length > 40) throw new Response("Not found", { status: 404, statusText: "Not found" });
  const target = await reportableTarget(user, type, id);
  return { type, id, back, target: target.ok ? target.value : null, problem: target.ok ? null : target.error.message };
}

/** Reports any reportable content (post, comment, resource, Q&A question); answers with a toast where it came from. */
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const formData = await args.request.formData();
  const back = safeRedirect(formData.get("redirectTo"), "/");
  const parsed = parseForm(formData, Schema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await reportContent(user, parsed.data.targetType, parsed.data.targetId, parsed.data.reason);
  if (!result.ok) return data(formFailure(formData, {}, result.error.message), { status: result.error.code === "rate_limited" ? 429 : 400 });
  return redirectWithToast(back, { type: "success", title: "Thank you: the moderators will look at your report" }, { status: 303 });
}

export default function ReportPage() {
  const { type, id, back, target, problem } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={target ? `Report this ${target.label.toLowerCase()}` : "Report content"} lead="The moderators read every report. The author is not told who reported them." />
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {target ? (
        <Card>
          <h2 className="text-lg font-bold break-words">{target.title}</h2>
          <blockquote className="mt-2 border-l-4 border-line pl-3 break-words whitespace-pre-wrap">{target.excerpt}</blockquote>
          {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
          <Form method="post" className="mt-4">
            <input type="hidden" name="targetType" value={type} />
            <input type="hidden" name="targetId" value={id} />
            <input type="hidden" name="redirectTo" value={back} />
            <TextAreaField label="What is wrong?" name="reason" required maxLength={1000} defaultValue={failed?.values.reason} error={failed?.fieldErrors.reason} hint="For example: abusive language, false information, spam." />
            <div className="flex flex-wrap gap-3">
              <Button type="submit">Send report</Button>
              <Button asChild variant="ghost"><Link to={back}>Cancel</Link></Button>
            </div>
          </Form>
        </Card>
      ) : (
        <p><Link to={back}>Go back</Link></p>
      )}
    </div>
  );
}
