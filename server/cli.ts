/** `npm run cli -- <command>`: operator commands (the operating commands in README.md). */
import "dotenv/config";
import { EnvError, parseEnv } from "#app/utils/env.server.ts";
import { CliError, parseArgs } from "./cli/types.ts";

async function main(argv: string[]): Promise<number> {
  try {
    parseEnv();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    return 1;
  }
  const { COMMANDS } = await import("./cli/commands.ts");
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.log("Usage: npm run cli -- <command> [options]\n");
    for (const c of COMMANDS) console.log(`  ${c.usage}\n      ${c.summary}\n`);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  const { getEnv } = await import("#app/utils/env.server.ts");
  const { migrateDatabase } = await import("./prepare-db.ts");
  await migrateDatabase(getEnv());
  const { prisma } = await import("#app/utils/db.server.ts");
  // Commands that change a role reach the open sockets of running processes through Redis.
  const { startHeadlessSockets } = await import("./socket/headless.ts");
  const sockets = command.reachesSockets ? await startHeadlessSockets(getEnv()) : null;
  try {
    return (await command.run(parseArgs(rest))) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`Error: ${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    throw error;
  } finally {
    await sockets?.close();
    await prisma.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
