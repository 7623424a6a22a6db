import fs from "node:fs";
import path from "node:path";
import { rosterViewer } from "#app/modules/roster/access.server.ts";
import { exportRosterCsv, importRosterCsv } from "#app/modules/roster/csv.server.ts";
import { parseDirectoryQuery } from "#app/modules/roster/directory.server.ts";
import { CliError, type CliCommand } from "./types.ts";

export const rosterImport: CliCommand = {
  name: "roster:import",
  usage: "roster:import <file.csv> [--dry-run]",
  summary: "Import or update experts from a CSV file (upsert by email). Nothing is written if any row is wrong; --dry-run only reports what would change.",
  reachesSockets: true,
  async run(args) {
    const [file] = args.positional;
    if (!file) throw new CliError("Give the CSV file to import");
    if (!fs.existsSync(file)) throw new CliError(`${file} does not exist`);
    const dryRun = args.flags["dry-run"] === true || args.flags["dry-run"] === "true";
    const report = await importRosterCsv(fs.readFileSync(file, "utf8"), { dryRun, actorId: null });
    if (report.fileError) {
      console.error(`Not imported: ${report.fileError}`);
      return 1;
    }
    for (const row of report.rows) {
      if (row.outcome === "error") console.log(`line ${row.line} (${row.email || "no email"}): ERROR ${row.errors.join("; ")}`);
      else if (row.outcome !== "unchanged") console.log(`line ${row.line} (${row.email}): ${row.outcome} — ${row.changes.join("; ")}`);
    }
    const { create, update, unchanged, error } = report.counts;
    console.log(`\n${create} to create, ${update} to update, ${unchanged} unchanged, ${error} with errors.`);
    if (error) {
      console.log("Nothing was written: correct the rows above and run again.");
      return 1;
    }
    console.log(report.applied ? "Imported." : "Dry run: nothing was written.");
    return 0;
  },
};

export const rosterExport: CliCommand = {
  name: "roster:export",
  usage: "roster:export [file.csv]",
  summary: "Write every active roster expert as CSV (the import format) to the file, or to standard output.",
  async run(args) {
    const viewer = await rosterViewer({ id: "cli", email: "", name: "CLI", role: "admin", country: null, institution: null, emailVerified: true });
    const { csv, rows } = await exportRosterCsv(viewer, parseDirectoryQuery(new URLSearchParams()));
    const [file] = args.positional;
    if (!file) {
      process.stdout.write(csv);
      return 0;
    }
    fs.writeFileSync(file, csv);
    console.error(`Wrote ${rows} experts to ${path.resolve(file)}`);
    return 0;
  },
};
