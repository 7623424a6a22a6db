import { coffeeReminders } from "./coffee.ts";
import { dbBackup, dbCopy } from "./db.ts";
import { mailFlush } from "./mail.ts";
import { rosterExport, rosterImport } from "./roster.ts";
import { searchReindex } from "./search.ts";
import type { CliCommand } from "./types.ts";
import { userCreate, userRole } from "./users.ts";

/** Every operator command; domains add theirs here. */
export const COMMANDS: CliCommand[] = [userCreate, userRole, rosterImport, rosterExport, mailFlush, coffeeReminders, dbBackup, dbCopy, searchReindex];
