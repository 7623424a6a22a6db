import { beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

// Served behind TLS: the public URL is https (before anything reads the environment).
vi.hoisted(() => {
  process.env.APP_URL = `https://127.0.0.1:${process.env.PORT}`;
});

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe("cookies when APP_URL is https", () => {
  it("marks the session and the toast cookie Secure", async () => {
    const user = await createUser();
    const res = await new TestClient(baseUrl).post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(302);
    const cookies = res.headers.getSetCookie();
    const toast = cookies.find((c) => c.startsWith("mieux_toast="));
    const session = cookies.find((c) => c.startsWith("__Host-mieux_session="));
    expect(toast).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*Secure/i);
  });
});
