import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Download } from "#app/components/ui/icons.tsx";
import { SessionTime } from "#app/components/coffee/session-time.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Card, PageHeader } from "#app/components/ui/card.tsx";
import { requireRole } from "#app/utils/guards.server.ts";
import { listAttendees, markAttendance } from "#app/modules/coffee/registration.server.ts";
import { countryName } from "#app/utils/countries.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`Attendees${data ? `: ${data.coffee.title}` : ""}`, "Who registered, who is on the waiting list and who attended this Morning Coffee.");

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const list = await listAttendees(args.params.slug ?? "");
  if (!list) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  return list;
}

export async function action(args: ActionFunctionArgs) {
  const actor = requireRole(args, "organiser");
  const slug = args.params.slug ?? "";
  const formData = await args.request.formData();
  const value = String(formData.get("attended") ?? "");
  const attended = value === "yes" ? true : value === "no" ? false : null;
  const result = await markAttendance(slug, String(formData.get("id") ?? ""), attended, actor);
  return redirectWithToast(`/sessions/${slug}/attendees`, result.ok ? { type: "success", title: "Attendance saved" } : { type: "error", title: result.error.message });
}

const STATUS_LABEL: Record<string, string> = { registered: "Registered", waitlisted: "Waitlist", cancelled: "Unregistered" };

export default function Attendees() {
  const { coffee, registrations } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const registered = registrations.filter((r) => r.status === "registered");
  const present = registered.filter((r) => r.attended === true).length;
  return (
    <div>
      <p className="text-sm">
        <Link to={`/sessions/${coffee.slug}`}>{coffee.title}</Link>
      </p>
      <PageHeader
        title="Attendees"
        lead={
          <>
            <SessionTime startsAt={coffee.startsAt} durationMinutes={coffee.durationMinutes} timezone={coffee.timezone} />
            <span className="block">
              {registered.length} registered{coffee.capacity ? ` of ${coffee.capacity} places` : ""} · {registrations.filter((r) => r.status === "waitlisted").length} on the waitlist · {present} marked present
            </span>
          </>
        }
        actions={
          <a href={`/sessions/${coffee.slug}/attendees.csv`} download className="inline-flex items-center gap-2 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
            <Download aria-hidden="true" className="size-5" /> Export CSV
          </a>
        }
      />
      <Card>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">People registered for this Morning Coffee</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Institution</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2">Attendance</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {registrations.map((r) => (
                <tr key={r.id}>
                  <td className="py-2 pr-3">
                    <span className="font-semibold">{r.user.name}</span>
                    <br />
                    <span className="text-muted">{r.user.email}</span>
                  </td>
                  <td className="py-2 pr-3">{[r.user.institution, r.user.country ? countryName(r.user.country) : null].filter(Boolean).join(", ")}</td>
                  <td className="py-2 pr-3">
                    {STATUS_LABEL[r.status] ?? r.status}
                    {r.status === "registered" && r.acceptedAt ? <span className="block text-sm text-muted">accepted in their calendar</span> : null}
                  </td>
                  <td className="py-2">
                    {r.status === "registered" ? (
                      <Form method="post" className="flex flex-wrap items-center gap-2">
                        <input type="hidden" name="id" value={r.id} />
                        <span className="min-w-16">{r.attended == null ? "Not marked" : r.attended ? "Present" : "Absent"}</span>
                        <Button type="submit" name="attended" value="yes" size="sm" variant={r.attended === true ? "primary" : "secondary"} aria-label={`Mark ${r.user.name} present`} disabled={busy}>
                          Present
                        </Button>
                        <Button type="submit" name="attended" value="no" size="sm" variant={r.attended === false ? "primary" : "secondary"} aria-label={`Mark ${r.user.name} absent`} disabled={busy}>
                          Absent
                        </Button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {registrations.length === 0 ? <p className="py-6 text-center text-muted">Nobody has registered yet.</p> : null}
        </div>
      </Card>
    </div>
  );
}
