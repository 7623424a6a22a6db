import { beforeAll, describe, expect, it } from "vitest";
import { sendWeeklyDigests } from "#app/modules/notifications/digest.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { startTestServer } from "#tests/setup/server.ts";

/**
 * Background jobs run in the web process. A weekly digest for many members must not hold up the
 * pages while it works through them: on SQLite every query completes synchronously, so a job that
 * never yields keeps the server from answering anyone until it is done (found with 10,000 members:
 * the server stopped answering for over 30 seconds).
 */
let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const NOW = new Date("2031-03-03T09:00:00Z"); // a Monday after the digest hour: the digest is due

describe("background jobs and pages", () => {
  it("answers a page while a weekly digest pass is still working through the members", async () => {
    await prisma.user.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        email: `digest.member.${i}@jobs.example`,
        name: `Digest Member ${i}`,
        role: "member",
        country: "BE",
        institution: "Jobs test",
        passwordHash: "not-a-real-hash",
        emailVerifiedAt: new Date("2031-01-01T00:00:00Z"),
      })),
    });
    let passFinished = false;
    const pass = sendWeeklyDigests(NOW).then((result) => {
      passFinished = true;
      return result;
    });
    const page = await fetch(`${baseUrl}/healthz`);
    expect(page.status).toBe(200);
    // The page was answered while the digest was still going, not after it.
    expect(passFinished).toBe(false);
    const result = await pass;
    expect(result.sent + result.empty).toBeGreaterThanOrEqual(120);
  });
});
