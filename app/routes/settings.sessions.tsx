import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Monitor } from "#app/components/ui/icons.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { listSessions, revokeSession } from "#app/modules/auth/accounts.server.ts";
import { requireUser } from "#app/utils/guards.server.ts";
import { endAllSessions, endSession } from "#app/modules/auth/session.server.ts";
import { redirectWithToast, toastHeader } from "#app/utils/toast.server.ts";
import { DateTime } from "#app/components/date-time.tsx";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Settings: devices and sessions", "Where you are logged in to MIEUX+ Community, and how to sign a device out.");

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { sessions: await listSessions(user.id, args.context.sessionHash) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  if (intent === "everywhere") {
    await endAllSessions(user.id);
    const headers = new Headers();
    headers.append("Set-Cookie", await endSession(null));
    headers.append("Set-Cookie", await toastHeader({ type: "success", title: "Signed out everywhere", description: "Log in again on the devices you use." }));
    return redirect("/login", { headers });
  }
  const id = String(formData.get("sessionId") ?? "");
  const revoked = await revokeSession(user.id, id);
  return redirectWithToast("/settings/sessions", revoked ? { type: "success", title: "That device has been signed out" } : { type: "error", title: "That session had already ended" });
}

function describeDevice(userAgent: string | null) {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : "Browser";
  const os = /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Linux/.test(userAgent) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

export default function SessionsSettings() {
  const { sessions } = useLoaderData<typeof loader>();
  return (
    <Card>
      <h2 className="text-2xl font-bold">Devices and sessions</h2>
      <p className="mt-1 text-muted">Where your account is logged in. Sessions end after 30 days without use, and after 90 days at most.</p>
      <ul className="mt-4 divide-y divide-line">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="flex items-start gap-3">
              <Monitor aria-hidden="true" className="mt-1 size-5 text-brand-700" />
              <div>
                <p className="font-semibold">
                  {describeDevice(s.userAgent)} {s.current ? <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">This device</span> : null}
                </p>
                <p className="text-sm text-muted">
                  Logged in <DateTime value={s.createdAt} /> · last active <DateTime value={s.lastSeenAt} />
                  {s.ip ? ` · ${s.ip}` : ""}
                </p>
              </div>
            </div>
            {s.current ? null : (
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <Button type="submit" variant="secondary" size="sm">Sign out this device</Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-6 border-t border-line pt-4">
        <p className="mb-3 text-sm text-muted">Lost a device, or logged in on a shared computer? End every session, including this one.</p>
        <Button type="submit" name="intent" value="everywhere" variant="danger">Sign out everywhere</Button>
      </Form>
    </Card>
  );
}
