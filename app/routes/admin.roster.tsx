import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Alert, Card } from "#app/components/ui/card.tsx";
import { CheckboxField, SelectField, TextField } from "#app/components/ui/field.tsx";
import { requireRole } from "#app/utils/guards.server.ts";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { importRosterCsv, type ImportReport } from "#app/modules/roster/csv.server.ts";
import { CSV_COLUMNS } from "#app/modules/roster/taxonomy.ts";
import { designateFocalPoint, focalPointsByState, removeFocalPoint } from "#app/modules/roster/focal-points.server.ts";
import { FocalPointSchema } from "#app/modules/roster/roster.schema.ts";
import { countryName, EU_MEMBER_STATES } from "#app/utils/countries.ts";
import { formFailure, parseForm, type FormFailure } from "#app/utils/forms.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = () => pageMeta("Roster administration", "Import and export the Expert Roster as CSV and name the Focal Points of each Member State.");

const MAX_CSV_BYTES = 5 * 1024 * 1024;

export async function loader(args: LoaderFunctionArgs) {
  requireRole(args, "organiser");
  const states = await focalPointsByState();
  return { designations: states.flatMap((s) => s.focalPoints.map((fp) => ({ ...fp, memberState: s.code }))) };
}

type ActionResult = { intent: "import"; report: ImportReport; csv: string } | (FormFailure & { intent: string });

export async function action(args: ActionFunctionArgs) {
  const user = requireRole(args, "organiser");
  const viewer = await rosterViewer(user);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "designate") {
    const parsed = parseForm(formData, FocalPointSchema);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    const result = await designateFocalPoint(viewer, parsed.data, { ip: args.context.ip });
    if (!result.ok) return data<ActionResult>({ ...formFailure(formData, result.error.fields ?? {}, result.error.fields ? undefined : result.error.message), intent }, { status: 400 });
    return redirectWithToast("/admin/roster", { type: "success", title: `${result.value.name} is a Focal Point for ${countryName(parsed.data.memberState)}` });
  }
  if (intent === "remove-focal-point") {
    const result = await removeFocalPoint(viewer, String(formData.get("id") ?? ""), { ip: args.context.ip });
    if (!result.ok) return redirectWithToast("/admin/roster", { type: "error", title: result.error.message });
    return redirectWithToast("/admin/roster", { type: "success", title: `${result.value.name} is no longer a Focal Point there` });
  }
  if (intent === "import") {
    const file = formData.get("file");
    const carried = formData.get("csv");
    let text: string;
    if (typeof carried === "string" && carried) text = carried;
    else if (file instanceof File && file.size) {
      if (file.size > MAX_CSV_BYTES) return data<ActionResult>({ ...formFailure(formData, { file: "The file is too large (at most 5 MB)." }), intent }, { status: 400 });
      text = new TextDecoder("utf-8").decode(await file.arrayBuffer());
    } else return data<ActionResult>({ ...formFailure(formData, { file: "Choose a CSV file." }), intent }, { status: 400 });
    const report = await importRosterCsv(text, { dryRun: formData.get("dryRun") === "on", actorId: user.id, actorRole: user.role, ip: args.context.ip });
    const failed = !!report.fileError || report.counts.error > 0;
    return data<ActionResult>({ intent: "import", report, csv: report.dryRun && !failed ? text : "" }, { status: failed ? 400 : 200 });
  }
  return redirectWithToast("/admin/roster", { type: "error", title: "Unknown action" });
}

function ImportResult({ report, csv }: { report: ImportReport; csv: string }) {
  const busy = useNavigation().state === "submitting";
  if (report.fileError) return <Alert tone="error" title="The file was not imported" className="mt-4">{report.fileError}</Alert>;
  const { counts } = report;
  const failed = counts.error > 0;
  return (
    <div className="mt-4">
      {failed ? (
        <Alert tone="error" title="Nothing was imported">
          {`${counts.error} row${counts.error === 1 ? " has" : "s have"} problems. Correct ${counts.error === 1 ? "it" : "them"} and upload the file again; no row is written until every row is right.`}
        </Alert>
      ) : report.applied ? (
        <Alert tone="success" title="Import complete">
          {`${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged.`}
        </Alert>
      ) : (
        <Alert tone="info" title="Dry run: nothing has been written yet">
          {`Importing would create ${counts.create}, update ${counts.update} and leave ${counts.unchanged} unchanged.`}
        </Alert>
      )}
      {report.dryRun && !failed ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="import" />
          <input type="hidden" name="csv" value={csv} />
          <Button type="submit" disabled={busy}>Apply these changes</Button>
        </Form>
      ) : null}
      <div className="max-h-[32rem] overflow-auto rounded-md border border-line">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Import result per row</caption>
          <thead className="sticky top-0 border-b border-line bg-white">
            <tr>
              <th scope="col" className="px-3 py-2">Line</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Result</th>
              <th scope="col" className="px-3 py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {report.rows.filter((r) => r.outcome !== "unchanged").slice(0, 1000).map((r) => (
              <tr key={r.line} className={r.outcome === "error" ? "bg-red-50" : undefined}>
                <td className="px-3 py-2 tabular-nums">{r.line}</td>
                <td className="px-3 py-2">{r.email || "—"}</td>
                <td className="px-3 py-2 font-semibold">{{ create: "New", update: "Update", unchanged: "Unchanged", error: "Error" }[r.outcome]}</td>
                <td className="px-3 py-2">
                  <ul className="space-y-0.5">
                    {(r.outcome === "error" ? r.errors : r.changes).map((m, i) => (
                      <li key={i} className={r.outcome === "error" ? "text-red-900" : undefined}>{m}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export default function AdminRoster() {
  const { designations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = actionData && "fieldErrors" in actionData ? actionData : null;
  const fpErrors = failed?.intent === "designate" ? failed.fieldErrors : {};
  const fpValues = failed?.intent === "designate" ? failed.values : {};
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-2xl font-bold">Import the roster from CSV</h2>
        <p className="mt-1 text-muted">
          One row per expert, matched by email: new addresses get an account (they set a password with “Forgot password”), existing ones are updated. Comma or semicolon
          separated, UTF-8 (with or without BOM). Columns: <code className="text-sm">{CSV_COLUMNS.join(", ")}</code>. Lists inside a cell are separated by “|”, languages
          as <code className="text-sm">en:C1|fr:B2</code>.
        </p>
        <Form method="post" encType="multipart/form-data" className="mt-4 max-w-lg" noValidate>
          <input type="hidden" name="intent" value="import" />
          <TextField label="CSV file" name="file" type="file" accept=".csv,text/csv" required error={failed?.intent === "import" ? failed.fieldErrors.file : undefined} />
          <CheckboxField name="dryRun" label="Check only (dry run): show what would change and write nothing" defaultChecked />
          <Button type="submit" disabled={busy}>Upload and check</Button>
        </Form>
        {actionData && actionData.intent === "import" && "report" in actionData ? <ImportResult report={actionData.report} csv={actionData.csv} /> : null}
      </Card>

      <Card>
        <h2 className="text-2xl font-bold">Export</h2>
        <p className="mt-1">
          <a href="/roster/export.csv" download>Download the whole roster (CSV)</a>. To export part of it, filter the <Link to="/roster">directory</Link> and use its export button.
        </p>
      </Card>

      <Card>
        <h2 className="text-2xl font-bold">Focal Points</h2>
        <Form method="post" className="mt-4 grid max-w-3xl gap-x-4 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="designate" />
          {failed?.intent === "designate" && failed.formError ? <Alert tone="error" className="sm:col-span-2">{failed.formError}</Alert> : null}
          <TextField label="Email of their account" name="email" type="email" required defaultValue={fpValues.email} error={fpErrors.email} />
          <SelectField label="Member State" name="memberState" required defaultValue={fpValues.memberState ?? ""} error={fpErrors.memberState}>
            <option value="">Choose…</option>
            {[...EU_MEMBER_STATES].sort((a, b) => countryName(a).localeCompare(countryName(b))).map((c) => (
              <option key={c} value={c}>{countryName(c)}</option>
            ))}
          </SelectField>
          <SelectField label="Level" name="level" required defaultValue={fpValues.level ?? "country"} error={fpErrors.level}>
            <option value="country">Country Focal Point</option>
            <option value="institution">Institution Focal Point</option>
          </SelectField>
          <TextField label="Institution (for institution level)" name="institutionName" defaultValue={fpValues.institutionName} error={fpErrors.institutionName} />
          {fpErrors.confirmOtherState ? (
            <div className="sm:col-span-2">
              <Alert tone="warning" title="This person is an official of another Member State">
                {fpErrors.confirmOtherState}
              </Alert>
              <CheckboxField name="confirmOtherState" label={`Yes, make them a Focal Point for ${countryName(fpValues.memberState ?? "")} anyway`} />
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={busy}>Designate Focal Point</Button>
          </div>
        </Form>
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Current Focal Points</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="py-2 pr-3">Member State</th>
                <th scope="col" className="py-2 pr-3">Focal Point</th>
                <th scope="col" className="py-2 pr-3">Level</th>
                <th scope="col" className="py-2"><span className="sr-only">Remove</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {designations.map((d) => (
                <tr key={d.id}>
                  <td className="py-2 pr-3"><Link to={`/focal-points/${d.memberState}`}>{countryName(d.memberState)}</Link></td>
                  <td className="py-2 pr-3">{d.user.name}</td>
                  <td className="py-2 pr-3">{d.level === "institution" ? `Institution — ${d.institutionName ?? ""}` : "Country"}</td>
                  <td className="py-2 text-right">
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-focal-point" />
                      <input type="hidden" name="id" value={d.id} />
                      <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${d.user.name} as Focal Point for ${countryName(d.memberState)}`}>Remove</Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
