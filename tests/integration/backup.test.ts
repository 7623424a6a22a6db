import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppProcess, type AppProcess } from "#tests/bench/lib.ts";
import { createCoffee } from "#tests/factories/coffee.ts";
import { TMP } from "#tests/setup/paths.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

const { backupSqlite } = await import("#server/cli/db.ts");
let restored: AppProcess | null = null;
afterAll(async () => {
  await restored?.stop();
});

describe("an online backup of the SQLite database", () => {
  it("is taken while the server runs and restores into a working installation", { timeout: 120_000 }, async () => {
    const live = await startTestServer();
    const coffee = await createCoffee({ title: "Morning Coffee kept in the backup" });
    expect((await fetch(`${live.url}/sessions`)).status).toBe(200);

    const file = path.join(TMP, `backup-${process.pid}-${Date.now()}.db`);
    const { bytes } = await backupSqlite(`file:${testContext().dbFile}`, file);
    expect(bytes).toBeGreaterThan(0);
    await expect(backupSqlite(`file:${testContext().dbFile}`, file)).rejects.toThrow(/already exists/);

    // Restore: the backup file is the new installation's database; a server started on it serves the data.
    restored = await startAppProcess({ name: "restored", databaseUrl: `file:${file}`, env: { JOBS: "0", SMTP_URL: "smtp://127.0.0.1:1" } });
    const page = await fetch(`${restored.url}/sessions/${coffee.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Morning Coffee kept in the backup");
    fs.rmSync(file, { force: true });
  });
});
