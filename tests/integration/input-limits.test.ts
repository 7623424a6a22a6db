import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { createExpert, profileForm } from "#tests/factories/roster.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function clientFor(user: { email: string }) {
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return client;
}

async function importCsv(client: TestClient, csv: string, dryRun: boolean) {
  const form = new FormData();
  form.set("intent", "import");
  if (dryRun) form.set("dryRun", "on");
  form.set("file", new File([csv], "roster.csv", { type: "text/csv" }));
  const res = await client.request("/admin/roster", { method: "POST", body: form });
  return { status: res.status, text: visibleText(await res.text()) };
}

const HEADER = "email,name,member_state,institution,institution_type,thematic_areas,languages,position,available,available_until";

describe("page numbers", () => {
  it("shows page 1 for page=1e308 and other nonsense on every paged list", async () => {
    const me = await createUser({ role: "organiser" });
    const organiser = await clientFor(me);
    for (const list of ["/admin/users", "/admin/audit", "/roster"]) {
      for (const page of ["1e308", "-1", "NaN", "99999999999999999999999"]) {
        const res = await organiser.get(`${list}?page=${page}`);
        expect(res.status, `${list}?page=${page}`).toBe(200);
      }
    }
    const users = visibleText(await (await organiser.get("/admin/users?page=1e308")).text());
    expect(users).toContain(me.name);
  });
});

describe("dates that do not exist", () => {
  it("refuses 2027-02-30 in the roster profile, the Action form and the Morning Coffee editor, writing nothing", async () => {
    const expert = await createUser();
    const expertClient = await clientFor(expert);
    const profile = await expertClient.post("/settings/roster", profileForm({ availableUntil: "2027-02-30" }));
    expect(profile.status).toBe(400);
    expect(visibleText(await profile.text())).toContain("2027-02-30 is not a date: February 2027 has 28 days.");
    expect(await prisma.expertProfile.count({ where: { userId: expert.id } })).toBe(0);

    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const action = await organiser.post("/actions/new", {
      code: "Datelandia I",
      title: "Cooperation with Datelandia",
      summary: "",
      partnerCountry: "UG",
      region: "Africa",
      thematicArea: "Migration and development",
      startDate: "2027-04-31",
      endDate: "",
    });
    expect(action.status).toBe(400);
    expect(visibleText(await action.text())).toContain("2027-04-31 is not a date: April 2027 has 30 days.");
    expect(await prisma.action.count({ where: { code: "Datelandia I" } })).toBe(0);

    const before = await prisma.morningCoffee.count();
    const coffee = await organiser.post("/sessions/new", {
      intent: "save",
      title: "Morning Coffee on an impossible day",
      startsAtLocal: "2027-02-30T10:00",
      timezone: "Europe/Brussels",
      durationMinutes: "60",
      linkVisibleMinutes: "15",
      qaMode: "open",
    });
    expect(coffee.status).toBe(400);
    expect(visibleText(await coffee.text())).toContain("2027-02-30 is not a date: February 2027 has 28 days.");
    expect(await prisma.morningCoffee.count()).toBe(before);
  });

  it("names the impossible date of a CSV row", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const csv = [HEADER, "leap.less@example.org,Lena Leap,AT,Ministry of the Interior,interior,Legal migration and mobility,en:C1,Adviser,yes,2027-02-29"].join("\n");
    const res = await importCsv(organiser, csv, true);
    expect(res.status).toBe(400);
    expect(res.text).toContain("available_until: 2027-02-29 is not a date: February 2027 has 28 days.");
  });
});

describe("names and titles keep no control or bidi-override characters", () => {
  it("strips them from sign-up names, Action titles and imported names", async () => {
    const signup = await new TestClient(baseUrl).post("/signup", {
      name: "Maria\u202E Keller\u0000",
      email: "bidi.name@example.org",
      password: "a long and unusual passphrase",
      country: "AT",
      institution: "Federal\u2066 Ministry of the Interior",
      acceptTerms: "on",
    });
    expect(signup.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "bidi.name@example.org" } });
    expect(user.name).toBe("Maria Keller");
    expect(user.institution).toBe("Federal Ministry of the Interior");

    // A name that is nothing but such characters is empty, and refused.
    const empty = await new TestClient(baseUrl).post("/signup", { name: "\u202E\u0000\u202D", email: "empty.name@example.org", password: "a long and unusual passphrase", country: "AT", institution: "Ministry", acceptTerms: "on" });
    expect(empty.status).toBe(400);
    expect(visibleText(await empty.text())).toContain("Enter your full name");

    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const action = await organiser.post("/actions/new", { code: "Bidiland I", title: "Cooperation\u202E with Bidiland\u0007", summary: "", partnerCountry: "UG", region: "Africa", thematicArea: "Migration and development", startDate: "", endDate: "" });
    expect(action.status).toBe(302);
    expect((await prisma.action.findFirstOrThrow({ where: { code: "Bidiland I" } })).title).toBe("Cooperation with Bidiland");

    const csv = [HEADER, "imported.bidi@example.org,\"Ivo\u202E Imported\u0000\",AT,Ministry of the Interior,interior,Legal migration and mobility,en:C1,Adviser,no,"].join("\n");
    const imported = await importCsv(organiser, csv, false);
    expect(imported.text).toContain("Import complete");
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "imported.bidi@example.org" } })).name).toBe("Ivo Imported");
  });
});

describe("roster import and roles", () => {
  it("does not let an organiser change accounts above their role, in the dry run or the import", async () => {
    const admin = await createUser({ role: "admin", name: "Ada Administrator" });
    const otherOrganiser = await createUser({ role: "organiser", name: "Otto Organiser" });
    const expert = await createExpert({ name: "Erik Expert" });
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const csv = [
      HEADER,
      `${admin.email},Renamed Admin,AT,Ministry of the Interior,interior,Legal migration and mobility,en:C1,Adviser,no,`,
      `${otherOrganiser.email},Renamed Organiser,AT,Ministry of the Interior,interior,Legal migration and mobility,en:C1,Adviser,no,`,
      `${expert.email},Erik Expert-Renamed,AT,Ministry of the Interior,interior,Legal migration and mobility,en:C1,Adviser,no,`,
    ].join("\n");
    for (const dryRun of [true, false]) {
      const res = await importCsv(organiser, csv, dryRun);
      expect(res.status).toBe(400);
      expect(res.text).toContain("2 rows have problems");
      expect(res.text).toContain("this is the account of an Administrator; your role cannot change it");
      expect(res.text).toContain("this is the account of an Organiser; your role cannot change it");
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Ada Administrator");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: otherOrganiser.id } })).name).toBe("Otto Organiser");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: expert.id } })).name).toBe("Erik Expert");

    // An administrator may.
    const adminClient = await clientFor(admin);
    const byAdmin = await importCsv(adminClient, csv, false);
    expect(byAdmin.text).toContain("Import complete");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: otherOrganiser.id } })).name).toBe("Renamed Organiser");
  });

  it("keeps answering other requests during a 20,000-row import", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const rows = Array.from({ length: 20_000 }, (_, i) => `bulk.${i}@example.org,Bulk Expert ${i},${["AT", "BE", "PL", "PT"][i % 4]},Ministry of the Interior,interior,Legal migration and mobility|Migration and development,en:C1|fr:B2,Adviser,no,`);
    const csv = [HEADER, ...rows].join("\n");

    // Measured on the server's side: the server runs in this process.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let importDone = false;
    const health: { during: boolean; answeredBeforeImport: boolean }[] = [];
    const poller = (async () => {
      while (!importDone) {
        const sentDuring = !importDone;
        // A new connection each time (no keep-alive socket the server may be closing meanwhile).
        await new Promise<void>((resolve, reject) => {
          http.get(`${baseUrl}/healthz`, { agent: false }, (res) => res.resume().on("end", resolve)).on("error", reject);
        });
        health.push({ during: sentDuring, answeredBeforeImport: !importDone });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    const res = await importCsv(organiser, csv, false);
    const took = performance.now() - started;
    importDone = true;
    await poller;
    loop.disable();

    expect(res.status).toBe(200);
    expect(res.text).toContain("20000 created");
    expect(await prisma.user.count({ where: { email: { startsWith: "bulk." } } })).toBe(20_000);
    // /healthz was asked many times while the import ran, and each answer came before the import finished.
    const during = health.filter((h) => h.during);
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(during.slice(0, -1).every((h) => h.answeredBeforeImport)).toBe(true);
    console.info(`20,000-row import: ${Math.round(took)} ms; /healthz answered ${during.length} times during it; event loop delay max ${Math.round(loop.max / 1e6)} ms, p99 ${Math.round(loop.percentile(99) / 1e6)} ms`);
  }, 600_000);
});
