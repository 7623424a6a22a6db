import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DateTime } from "#app/components/date-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { SelectField, TextField } from "#app/components/ui/field.tsx";
import { requireRole } from "#app/utils/guards.server.ts";
import { MODERATION_ACTIONS, decide, hiddenAfterReports, moderationQueue } from "#app/modules/moderation/reports.server.ts";
import { REPORT_TARGET_TYPES } from "#app/modules/moderation/targets.server.ts";
import { approvePost, deletePost, listHeldPosts } from "#app/modules/posts/posts.server.ts";
import { getPostingPolicy, setPostingPolicy } from "#app/modules/posts/settings.server.ts";
import { cleanText } from "#app/utils/text.ts";
import { formFailure, parseForm } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Moderation queue", "Posts, comments and questions waiting for a moderator's decision.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const [queue, hidden, held, policy] = await Promise.all([moderationQueue(), hiddenAfterReports(), listHeldPosts(), getPostingPolicy()]);
  return { queue, hidden, held, policy };
}

const DecisionSchema = z.object({
  targetType: z.enum(REPORT_TARGET_TYPES),
  targetId: z.string().min(1).max(40),
  decision: z.enum(MODERATION_ACTIONS, { errorMap: () => ({ message: "Choose what to do." }) }),
  reason: cleanText().pipe(z.string().max(1000, "Keep the reason under 1,000 characters.")).default(""),
  suspendDays: z.coerce.number().int().min(1, "Suspend for 1 to 365 days.").max(365, "Suspend for 1 to 365 days.").optional().or(z.literal("").transform(() => undefined)),
});

const PolicySchema = z.object({
  expertsMayPost: z.literal("on").optional(),
  holdFirstPosts: z.coerce.number({ invalid_type_error: "Give a number from 0 to 10." }).int().min(0, "Give a number from 0 to 10.").max(10, "Give a number from 0 to 10."),
});

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const meta = { ip: args.context.ip };
  if (intent === "decide") {
    const parsed = parseForm(formData, DecisionSchema);
    if (!parsed.ok) return data({ ...parsed, targetId: String(formData.get("targetId") ?? "") }, { status: 400 });
    const result = await decide(user, parsed.data, meta);
    if (!result.ok) return data({ ...formFailure(formData, result.error.fields ?? {}, result.error.message), targetId: parsed.data.targetId }, { status: 400 });
    return redirectWithToast("/admin/moderation", { type: "success", title: "Done" });
  }
  if (intent === "approve" || intent === "reject") {
    const postId = String(formData.get("postId") ?? "");
    const result = intent === "approve" ? await approvePost(user, postId, meta) : await deletePost(user, postId, meta);
    if (!result.ok) return data({ ...formFailure(formData, {}, result.error.message), targetId: postId }, { status: 400 });
    return redirectWithToast("/admin/moderation", { type: "success", title: intent === "approve" ? "Post published" : "Post rejected" });
  }
  if (intent === "policy") {
    const parsed = parseForm(formData, PolicySchema);
    if (!parsed.ok) return data({ ...parsed, targetId: "policy" }, { status: 400 });
    await setPostingPolicy({ expertsMayPost: parsed.data.expertsMayPost === "on", holdFirstPosts: parsed.data.holdFirstPosts });
    return redirectWithToast("/admin/moderation", { type: "success", title: "Posting settings saved" });
  }
  return data({ ...formFailure(formData, {}, "Unknown action."), targetId: "" }, { status: 400 });
}

/** Reports to work, posts held for review, and who may post. */
export default function ModerationQueue() {
  const { queue, hidden, held, policy } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="space-y-8">
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading" className="text-2xl font-bold">{`Reports (${queue.length})`}</h2>
        {queue.length === 0 ? <p className="mt-2 text-muted">No open reports. Live Q&amp;A moderation also happens on each Morning Coffee&apos;s Q&amp;A page.</p> : null}
        <ul className="mt-4 space-y-4">
          {queue.map((item) => {
            const mine = failed?.targetId === item.targetId ? failed : null;
            return (
              <li key={`${item.targetType}:${item.targetId}`}>
                <Card>
                  {mine?.formError ? <Alert tone="error">{mine.formError}</Alert> : null}
                  <p className="text-sm font-semibold text-brand-700 uppercase">
                    {item.label}
                    {item.target?.hidden ? " · hidden" : null}
                  </p>
                  {item.target ? (
                    <>
                      <h3 className="mt-1 text-lg font-bold"><Link to={item.target.url}>{item.target.title}</Link></h3>
                      <p className="text-sm text-muted">{`By ${item.target.authorName}`}</p>
                      <blockquote className="mt-2 border-l-4 border-line pl-3 break-words whitespace-pre-wrap">{item.target.excerpt}</blockquote>
                    </>
                  ) : (
                    <p className="mt-1">This content no longer exists.</p>
                  )}
                  <h4 className="mt-3 font-semibold">{`${item.reports.length} report${item.reports.length === 1 ? "" : "s"}`}</h4>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                    {item.reports.map((r) => (
                      <li key={r.id}>
                        {`${r.reporter?.name ?? "Former member"}: “${r.reason}” `}
                        <span className="text-muted">(<DateTime value={r.createdAt} />)</span>
                      </li>
                    ))}
                  </ul>
                  <Form method="post" className="mt-4 grid gap-x-4 sm:grid-cols-3 sm:items-end">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="targetType" value={item.targetType} />
                    <input type="hidden" name="targetId" value={item.targetId} />
                    <SelectField label="Decision" name="decision" required defaultValue={mine?.values.decision ?? "hide"} error={mine?.fieldErrors.decision}>
                      <option value="hide">Hide it and tell the author why</option>
                      <option value="warn">Hide it and warn the author</option>
                      <option value="suspend">Hide it and suspend the author</option>
                      <option value="restore">Restore it (it was hidden)</option>
                      <option value="dismiss">Dismiss the reports</option>
                    </SelectField>
                    <TextField label="Reason the author will read" name="reason" defaultValue={mine?.values.reason} error={mine?.fieldErrors.reason} />
                    <TextField label="Suspension in days" name="suspendDays" type="number" min={1} max={365} defaultValue={mine?.values.suspendDays} error={mine?.fieldErrors.suspendDays} hint="Only for a suspension." />
                    <div className="sm:col-span-3">
                      <Button type="submit">Apply decision</Button>
                    </div>
                  </Form>
                </Card>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="hidden-heading">
        <h2 id="hidden-heading" className="text-2xl font-bold">{`Hidden after reports (${hidden.length})`}</h2>
        {hidden.length === 0 ? <p className="mt-2 text-muted">Nothing is hidden.</p> : null}
        <ul className="mt-4 space-y-4">
          {hidden.map((item) => (
            <li key={`${item.targetType}:${item.targetId}`}>
              <Card>
                <p className="text-sm font-semibold text-brand-700 uppercase">{item.label}</p>
                <h3 className="mt-1 text-lg font-bold"><Link to={item.target.url}>{item.target.title}</Link></h3>
                <p className="text-sm text-muted">
                  {`By ${item.target.authorName} · hidden `}
                  {item.hiddenAt ? <DateTime value={item.hiddenAt} /> : null}
                  {item.reason ? `: “${item.reason}”` : null}
                </p>
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="targetType" value={item.targetType} />
                  <input type="hidden" name="targetId" value={item.targetId} />
                  <input type="hidden" name="decision" value="restore" />
                  <Button type="submit" size="sm" variant="secondary">
                    Restore<span className="sr-only">{` ${item.label.toLowerCase()}: ${item.target.title}`}</span>
                  </Button>
                </Form>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="held-heading">
        <h2 id="held-heading" className="text-2xl font-bold">{`Posts waiting for review (${held.length})`}</h2>
        {held.length === 0 ? <p className="mt-2 text-muted">None.</p> : null}
        <ul className="mt-4 space-y-4">
          {held.map((p) => (
            <li key={p.id}>
              <Card>
                <h3 className="text-lg font-bold"><Link to={`/posts/${p.id}`}>{p.title}</Link></h3>
                <p className="text-sm text-muted">{p.author ? p.author.name : "Former member"} · <DateTime value={p.createdAt} /></p>
                <div className="mt-3 flex gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="postId" value={p.id} />
                    <Button type="submit" size="sm">Publish</Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="reject" />
                    <input type="hidden" name="postId" value={p.id} />
                    <Button type="submit" size="sm" variant="secondary">Reject</Button>
                  </Form>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="policy-heading">
        <h2 id="policy-heading" className="text-2xl font-bold">Who may post</h2>
        <Card className="mt-4">
          <Form method="post">
            <input type="hidden" name="intent" value="policy" />
            <div className="mb-4 flex items-start gap-2">
              <input type="checkbox" id="expertsMayPost" name="expertsMayPost" defaultChecked={policy.expertsMayPost} className="mt-1 size-4" />
              <label htmlFor="expertsMayPost">Experts may post updates and cultural-agility tips (Focal Points and organisers always may).</label>
            </div>
            <TextField
              label="Hold a new account's first posts for review"
              name="holdFirstPosts"
              type="number"
              min={0}
              max={10}
              required
              defaultValue={String(policy.holdFirstPosts)}
              error={failed?.targetId === "policy" ? failed.fieldErrors.holdFirstPosts : undefined}
              hint="How many of an author's first posts wait for a moderator; 0 publishes at once."
            />
            <Button type="submit" variant="secondary">Save</Button>
          </Form>
        </Card>
      </section>
    </div>
  );
}
