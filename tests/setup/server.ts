import { afterAll } from "vitest";
import type { RunningServer } from "#server/app.ts";
import { testContext } from "./test-env.ts";

let running: Promise<RunningServer> | null = null;

/**
 * Starts the real server (production build, Express, Socket.IO, outbox worker) for this test
 * file, on the port test-env.ts chose, and stops it after the file's tests. A `clock` replaces
 * the server's "now" for pages (a fake clock for deadlines).
 */
export function startTestServer(options: { clock?: () => Date } = {}): Promise<RunningServer> {
  running ??= (async () => {
    const { startServer } = await import("#server/app.ts");
    const server = await startServer({ port: testContext().port, host: "127.0.0.1", clock: options.clock });
    afterAll(async () => {
      await server.close();
      await testContext().mail.close();
    });
    return server;
  })();
  return running;
}
