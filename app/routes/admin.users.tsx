import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Button } from "#app/components/ui/button.tsx";
import { Card } from "#app/components/ui/card.tsx";
import { assignableRoles, changeRole, listUsers } from "#app/modules/admin/users.server.ts";
import { requireRole } from "#app/utils/guards.server.ts";
import { ROLE_LABELS, ROLES } from "#app/modules/auth/roles.ts";
import { countryName } from "#app/utils/countries.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { parsePage } from "#app/utils/paging.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Users and roles", "Find accounts and change their role: member, expert, Focal Point, organiser or administrator.");

export async function loader(args: LoaderFunctionArgs) {
  const actor = requireRole(args, "organiser");
  const url = new URL(args.request.url);
  const page = parsePage(url.searchParams.get("page"));
  const result = await listUsers({ q: url.searchParams.get("q")?.slice(0, 100) || undefined, role: url.searchParams.get("role") || undefined, page });
  return { ...result, assignable: assignableRoles(actor), actorId: actor.id };
}

const RoleForm = z.object({ userId: z.string().min(1).max(50), role: z.enum(ROLES) });

export async function action(args: ActionFunctionArgs) {
  const actor = requireRole(args, "organiser");
  const parsed = RoleForm.safeParse(Object.fromEntries(await args.request.formData()));
  const back = `/admin/users${new URL(args.request.url).search}`;
  if (!parsed.success) return redirectWithToast(back, { type: "error", title: "Choose a valid role" });
  const result = await changeRole(actor, parsed.data.userId, parsed.data.role, args.context.ip);
  if (!result.ok) return redirectWithToast(back, { type: "error", title: result.error.message });
  return redirectWithToast(back, { type: "success", title: `${result.value.name} is now ${ROLE_LABELS[parsed.data.role]}` });
}

export default function AdminUsers() {
  const { users, total, page, perPage, assignable, actorId } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / perPage));
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <Card>
      <h2 className="text-2xl font-bold">Users and roles</h2>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search">
        <label className="text-sm font-semibold">
          Search
          <input name="q" defaultValue={params.get("q") ?? ""} placeholder="Name, email or institution" className="mt-1 block rounded-md border border-line px-3 py-2 font-normal" />
        </label>
        <label className="text-sm font-semibold">
          Role
          <select name="role" defaultValue={params.get("role") ?? ""} className="mt-1 block rounded-md border border-line px-3 py-2 font-normal">
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">Filter</Button>
      </Form>
      <p className="mt-4 text-sm text-muted" aria-live="polite">{total} account{total === 1 ? "" : "s"}</p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Accounts and their roles</caption>
          <thead className="border-b border-line">
            <tr>
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="py-2 pr-3">Country and institution</th>
              <th scope="col" className="py-2 pr-3">Status</th>
              <th scope="col" className="py-2">Role</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {users.map((u) => (
              <tr key={u.id}>
                <td className="py-2 pr-3">
                  <span className="font-semibold">{u.name}</span>
                  <br />
                  <span className="text-muted">{u.email}</span>
                </td>
                <td className="py-2 pr-3">{[countryName(u.country), u.institution].filter(Boolean).join(" · ")}</td>
                <td className="py-2 pr-3">{u.emailVerifiedAt ? "Confirmed" : "Email not confirmed"}</td>
                <td className="py-2">
                  {u.id === actorId || !assignable.includes(u.role as never) ? (
                    <span>{ROLE_LABELS[u.role as keyof typeof ROLE_LABELS] ?? u.role}</span>
                  ) : (
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.name}</label>
                      <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded-md border border-line px-2 py-1">
                        {assignable.map((r) => (
                          <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                        ))}
                      </select>
                      <Button type="submit" size="sm" variant="secondary">Save</Button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Pagination" className="mt-4 flex gap-3">
          {page > 1 ? <Link to={pageLink(page - 1)}>Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </Card>
  );
}
