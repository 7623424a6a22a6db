import "dotenv/config";
import { EnvError, parseEnv } from "#app/utils/env.server.ts";

// Validate the environment before anything else touches it.
try {
  parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

const { getEnv } = await import("#app/utils/env.server.ts");
const { logger } = await import("#app/utils/logger.server.ts");
const { migrateDatabase } = await import("./prepare-db.ts");
const env = getEnv();

const { applied } = await migrateDatabase(env);
if (applied.length) logger.info({ applied }, "applied database migrations");
if (env.SEED_DEMO) {
  const { seedIfEmpty } = await import("#prisma/seed.ts");
  await seedIfEmpty();
}
{
  const { indexIfEmpty } = await import("#app/modules/search/indexers.server.ts");
  const built = await indexIfEmpty();
  if (built) logger.info({ documents: built }, "built the search index");
}

const { startServer } = await import("./app.ts");
const server = await startServer();
logger.info({ url: env.APP_URL, port: server.port, mode: env.NODE_ENV }, `MIEUX+ Community is listening on ${env.APP_URL}`);
if (env.isProduction && !env.SMTP_URL) {
  logger.warn({ dir: `${env.DATA_DIR}/mail` }, "no SMTP_URL: emails (with live links) are written to data/mail instead of being sent; set SMTP_URL on a server people use");
}

let shuttingDown = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: draining requests and closing sockets");
    server
      .close()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, "error during shutdown");
        process.exit(1);
      });
  });
}
