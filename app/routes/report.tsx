import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireVerifiedUser } from "#app/utils/guards.server.ts";
import { reportContent } from "#app/modules/moderation/reports.server.ts";
import { REPORT_TARGET_TYPES } from "#app/modules/moderation/targets.server.ts";
import { ReportInputSchema } from "#app/modules/posts/posts.schema.ts";
import { parseForm } from "#app/utils/forms.ts";
import { safeRedirect } from "#app/utils/misc.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

const Schema = ReportInputSchema.extend({ targetType: z.enum(REPORT_TARGET_TYPES), targetId: z.string().min(1).max(40) });

/** Reports any reportable content (post, comment, Q&A question) from any page; answers with a toast where it came from. */
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const formData = await args.request.formData();
  const back = safeRedirect(formData.get("redirectTo"), "/");
  const parsed = parseForm(formData, Schema);
  if (!parsed.ok) return redirectWithToast(back, { type: "error", title: Object.values(parsed.fieldErrors)[0] ?? "The report could not be sent." }, { status: 303 });
  const result = await reportContent(user, parsed.data.targetType, parsed.data.targetId, parsed.data.reason);
  if (!result.ok) return redirectWithToast(back, { type: "error", title: result.error.message }, { status: 303 });
  return redirectWithToast(back, { type: "success", title: "Thank you: the moderators will look at your report" }, { status: 303 });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
