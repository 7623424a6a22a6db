import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { sendFreshnessReminders } from "#app/modules/roster/freshness.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createAction, createExpert, createFocalPoint, deploy, profileForm } from "#tests/factories/roster.ts";
import { createUser, logInAs, TEST_PASSWORD } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { otherConnection } from "#tests/setup/other-connection.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { testContext } from "#tests/setup/test-env.ts";

let baseUrl: string;
const mail = () => testContext().mail;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function clientFor(user: { email: string }) {
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return client;
}

async function text(client: TestClient, path: string) {
  const { res, html } = await client.page(path);
  return { status: res.status, text: visibleText(html) };
}

function postParams(client: TestClient, path: string, params: URLSearchParams) {
  return client.request(path, { method: "POST", body: params });
}

describe("roster statistics (aggregates only)", () => {
  // First in the file: the database starts empty, so the counts are exact.
  it("hides the share of women below a group of five and shows it from five on", async () => {
    const visitor = new TestClient(baseUrl);
    for (let i = 0; i < 4; i++) await createExpert({ memberState: "FI", gender: "female" });
    for (let i = 0; i < 6; i++) await createExpert({ memberState: "SE", gender: "male" });
    let page = await text(visitor, "/roster/stats");
    expect(page.status).toBe(200);
    expect(page.text).toContain("experts registered on the roster 10");
    expect(page.text).toContain("EU Member States represented 2 of 27");
    expect(page.text).toContain("of experts are women — A group is smaller than 5 people: not shown.");

    await createExpert({ memberState: "FI", gender: "female" });
    await createExpert({ memberState: "DK" }); // no gender given: not in the denominator
    page = await text(visitor, "/roster/stats");
    expect(page.text).toContain("of experts are women 45% Of the 11 experts who chose to say");
    expect(page.text).toContain("EU Member States represented 3 of 27");
    // The map and its table carry the per-State figures.
    expect(page.text).toMatch(/Finland 5/);
    expect(page.text).toMatch(/Sweden 6/);
    const { html } = await visitor.page("/roster/stats");
    expect(html).toContain("<title>Finland: 5 experts</title>");
  });

  it("counts the share deployed from deployment records", async () => {
    const action = await createAction();
    const experts = await prisma.expertProfile.findMany({ where: { status: "active" }, take: 3, select: { userId: true } });
    for (const e of experts) await deploy(e.userId, action.id);
    const page = await text(new TestClient(baseUrl), "/roster/stats");
    const total = await prisma.expertProfile.count({ where: { status: "active" } });
    expect(page.text).toContain(`of experts deployed on at least one Action ${Math.round((3 / total) * 100)}% 3 experts`);
  });
});

describe("profile visibility", () => {
  it("shows a restricted profile only to organisers, the Focal Points of its State and its owner", async () => {
    const restricted = await createExpert({ name: "Ruta Kalnina", memberState: "LV", visibility: "organisers_and_focal_points", institution: "Quokka Institute" });
    const open = await createExpert({ name: "Otto Open", memberState: "LV", institution: "Quokka Institute" });
    const member = await clientFor(await createUser());
    const lvFocal = await clientFor(await createFocalPoint("LV"));
    const eeFocal = await clientFor(await createFocalPoint("EE"));
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const owner = await clientFor(restricted);

    const search = "/roster?q=quokka";
    expect((await text(member, search)).text).toContain("Showing 1–1 of 1 expert");
    expect((await text(member, search)).text).not.toContain("Ruta Kalnina");
    expect((await text(eeFocal, search)).text).not.toContain("Ruta Kalnina");
    for (const client of [lvFocal, organiser]) {
      const page = await text(client, search);
      expect(page.text).toContain("Ruta Kalnina");
      expect(page.text).toContain("Otto Open");
      expect(page.text).toContain("Restricted profile");
    }

    // Browsing a State (counted from the index's tallies) applies the same rule.
    expect((await text(member, "/roster?state=LV")).text).toContain("Showing 1–1 of 1 expert");
    expect((await text(lvFocal, "/roster?state=LV")).text).toContain("Showing 1–2 of 2 experts");
    expect((await text(organiser, "/roster?state=LV&sort=recent")).text).toContain("Showing 1–2 of 2 experts");
    expect((await text(owner, "/roster?state=LV")).text).toContain("Showing 1–2 of 2 experts");
    expect((await text(eeFocal, "/roster?state=LV")).text).toContain("Showing 1–1 of 1 expert");

    expect((await member.get(`/roster/${restricted.id}`)).status).toBe(404);
    expect((await eeFocal.get(`/roster/${restricted.id}`)).status).toBe(404);
    expect((await text(lvFocal, `/roster/${restricted.id}`)).text).toContain("Visible to the MIEUX+ team and Focal Points only");
    expect((await text(owner, `/roster/${restricted.id}`)).text).toContain("This is your profile");
    expect((await organiser.get(`/roster/${restricted.id}`)).status).toBe(200);
    // Other members see the profile but not the email address.
    const openPage = await text(member, `/roster/${open.id}`);
    expect(openPage.text).toContain("Otto Open");
    expect(openPage.text).not.toContain(open.email);
    expect((await text(lvFocal, `/roster/${open.id}`)).text).toContain(open.email);
  });

  it("keeps the directory for signed-in members", async () => {
    const res = await new TestClient(baseUrl).get("/roster");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
  });
});

describe("directory search, filters and pagination", () => {
  beforeAll(async () => {
    // 25 experts sharing the keyword "Pelican", varied on every filter.
    for (let i = 0; i < 25; i++) {
      await createExpert({
        name: `Pelican Person ${String(i).padStart(2, "0")}`,
        memberState: i < 10 ? "PT" : "IE",
        institution: "Pelican Agency",
        institutionType: i % 5 === 0 ? "justice" : "interior",
        areas: i % 2 === 0 ? ["International protection and asylum policy"] : ["Migration and development"],
        languages: i < 3 ? [{ language: "pt", level: "native" }, { language: "ar", level: "B2" }] : [{ language: "en", level: "C1" }],
        available: i < 4,
        availableUntil: i === 0 ? new Date("2020-01-01T00:00:00Z") : null,
      });
    }
    await createExpert({ name: "Zofia Wiśniewska", memberState: "PL", institution: "Urząd do Spraw Cudzoziemców" });
    const action = await createAction({ code: "Pelican Action I" });
    const two = await prisma.user.findMany({ where: { name: { in: ["Pelican Person 07", "Pelican Person 12"] } }, select: { id: true } });
    for (const u of two) await deploy(u.id, action.id);
  });

  it("pages through results, 20 at a time, keeping the query in the URL", async () => {
    const client = await clientFor(await createUser());
    const page1 = await client.page("/roster?q=pelican");
    const t1 = visibleText(page1.html);
    expect(t1).toContain("Showing 1–20 of 25 experts");
    expect(t1).toContain("Pelican Person 00");
    expect(t1).not.toContain("Pelican Person 20");
    expect(page1.html).toContain('href="/roster?q=pelican&amp;page=2"');
    const t2 = (await text(client, "/roster?q=pelican&page=2")).text;
    expect(t2).toContain("Showing 21–25 of 25 experts");
    expect(t2).toContain("Pelican Person 24");
    expect(t2).not.toContain("Pelican Person 00");
  });

  it("filters by Member State, thematic area, institution type, language, deployment and availability", async () => {
    const client = await clientFor(await createUser());
    const count = async (qs: string) => {
      const t = (await text(client, `/roster?q=pelican&${qs}`)).text;
      const m = t.match(/of (\d+) experts?/);
      return m ? Number(m[1]) : t.includes("No experts match") ? 0 : NaN;
    };
    expect(await count("state=PT")).toBe(10);
    expect(await count("state=IE")).toBe(15);
    expect(await count(`area=${encodeURIComponent("Migration and development")}`)).toBe(12);
    expect(await count("type=justice")).toBe(5);
    expect(await count("lang=ar")).toBe(3);
    expect(await count("deployed=yes")).toBe(2);
    expect(await count("deployed=no")).toBe(23);
    // Person 00's availability ended in 2020: "available now" leaves it out.
    expect(await count("available=1")).toBe(3);
    expect(await count("state=PT&type=justice&lang=pt")).toBe(1);
    expect(await count("state=SE")).toBe(0);
  });

  it("shows a change committed by another process within about a second", async () => {
    const client = await clientFor(await createUser());
    expect((await text(client, "/roster?q=pelican&lang=fi")).text).toContain("No experts match this search.");
    // As another app process would: a commit on another connection, without telling this process's index.
    // (The words are matched by the search index in the database, always current; the filters by the in-memory index.)
    const other = await otherConnection();
    try {
      const [person] = await other.query<{ userId: string; languagesText: string }>(`SELECT "userId", "languagesText" FROM "ExpertProfile" WHERE "institution" = 'Pelican Agency' ORDER BY "sortName" LIMIT 1`);
      await other.query(`UPDATE "ExpertProfile" SET "languagesText" = $1, "updatedAt" = $2 WHERE "userId" = $3`, [`${person.languagesText}fi:C1|`, new Date().toISOString(), person.userId]);
    } finally {
      await other.close();
    }
    const started = Date.now();
    let found = "";
    while (Date.now() - started < 5_000) {
      found = (await text(client, "/roster?q=pelican&lang=fi")).text;
      if (found.includes("Showing 1–1 of 1 expert")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toContain("Showing 1–1 of 1 expert");
    expect(found).toContain("Pelican Person 00");
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("finds names without their accents and sorts by Member State", async () => {
    const client = await clientFor(await createUser());
    expect((await text(client, "/roster?q=wisniewska")).text).toContain("Zofia Wiśniewska");
    expect((await text(client, "/roster?q=cudzoziemcow")).text).toContain("Zofia Wiśniewska");
    const sorted = (await text(client, "/roster?q=pelican&sort=state")).text;
    // Ireland before Portugal.
    expect(sorted.indexOf("Ireland")).toBeLessThan(sorted.indexOf("Portugal"));
  });

  it("exports exactly the filtered directory as CSV, for organisers only", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const page = await organiser.page("/roster?q=pelican&state=PT");
    expect(page.html).toContain('href="/roster/export.csv?q=pelican&amp;state=PT"');
    const res = await organiser.get("/roster/export.csv?q=pelican&state=PT");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so spreadsheets read accents right
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("email,name,member_state,institution,institution_type,thematic_areas,languages");
    expect(lines).toHaveLength(11);
    expect(lines.slice(1).every((l) => l.includes(",PT,"))).toBe(true);

    const member = await clientFor(await createUser());
    expect((await member.get("/roster/export.csv")).status).toBe(403);
  });
});

describe("applying to the roster and the Focal Point's decision", () => {
  it("lets a member apply; only the Focal Point of their State (or an organiser) approves; the applicant is emailed", async () => {
    const plFocal = await createFocalPoint("PL", { name: "Piotr Focal", email: "piotr.focal@example.org" });
    const deFocal = await createFocalPoint("DE");
    const applicant = await createUser({ name: "Magda Applicant", country: "PL" });
    const client = await clientFor(applicant);

    const params = new URLSearchParams(profileForm({ institution: "Heron Office" }));
    params.append("thematicAreas", "Migration and development");
    const res = await postParams(client, "/settings/roster", params);
    expect(res.status).toBe(302);
    const application = await prisma.rosterApplication.findFirstOrThrow({ where: { userId: applicant.id } });
    expect(application).toMatchObject({ status: "pending", memberState: "PL" });
    expect((await text(client, "/settings/roster")).text).toContain("Your application is being reviewed");
    const notice = await mail().waitFor((m) => m.to.includes("piotr.focal@example.org"));
    expect(notice.subject).toBe("New Expert Roster application from Poland");

    // Not in the directory yet.
    const member = await clientFor(await createUser());
    expect((await text(member, "/roster?q=heron")).text).toContain("No experts match");

    // A Focal Point of another State can neither see nor decide it.
    const de = await clientFor(deFocal);
    expect((await text(de, "/focal-points/PL")).text).not.toContain("Magda Applicant");
    const forbidden = await de.post("/focal-points/PL", { applicationId: application.id, decision: "approve" });
    expect(forbidden.status).toBe(403);
    expect(visibleText(await forbidden.text())).toContain("Only a Focal Point of the applicant's Member State");
    expect((await prisma.rosterApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("pending");

    const pl = await clientFor(plFocal);
    const plPage = await text(pl, "/focal-points/PL");
    expect(plPage.text).toContain("Roster applications waiting for a decision (1)");
    expect(plPage.text).toContain("Magda Applicant");
    const approved = await pl.post("/focal-points/PL", { applicationId: application.id, decision: "approve", reason: "" });
    expect(approved.status).toBe(302);

    const after = await prisma.user.findUniqueOrThrow({ where: { id: applicant.id }, include: { expertProfile: true } });
    expect(after.role).toBe("expert");
    expect(after.expertProfile?.status).toBe("active");
    expect(await prisma.auditLog.count({ where: { action: "user.role", targetId: applicant.id, actorId: plFocal.id } })).toBe(1);
    const welcome = await mail().waitFor((m) => m.to.includes(applicant.email) && /Welcome/.test(m.subject));
    expect(welcome.text).toContain(`/roster/${applicant.id}`);
    expect((await text(member, "/roster?q=heron&state=PL")).text).toContain("Magda Applicant");

    // Decided once: a second click changes nothing.
    const again = await pl.post("/focal-points/PL", { applicationId: application.id, decision: "decline", reason: "Changed my mind" });
    expect(again.status).toBe(400);
    expect((await prisma.rosterApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("approved");
  });

  it("needs a reason to decline, and sends it to the applicant", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const applicant = await createUser({ name: "Nils Declined", country: "SE" });
    const client = await clientFor(applicant);
    const params = new URLSearchParams(profileForm({ memberState: "SE", institution: "Swedish Migration Agency", language0: "sv" }));
    await postParams(client, "/settings/roster", params);
    const application = await prisma.rosterApplication.findFirstOrThrow({ where: { userId: applicant.id } });

    const noReason = await organiser.post("/focal-points/SE", { applicationId: application.id, decision: "decline", reason: "" });
    expect(noReason.status).toBe(400);
    expect(visibleText(await noReason.text())).toContain("Give the applicant a reason");
    expect((await prisma.rosterApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("pending");

    const declined = await organiser.post("/focal-points/SE", { applicationId: application.id, decision: "decline", reason: "Please add your language levels for Arabic first." });
    expect(declined.status).toBe(302);
    const message = await mail().waitFor((m) => m.to.includes(applicant.email) && m.subject === "Your Expert Roster application");
    expect(message.text).toContain("Please add your language levels for Arabic first.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: applicant.id } })).role).toBe("member");
    expect((await text(client, "/settings/roster")).text).toContain("Your last application was not approved");
  });

  it("explains invalid fields and writes nothing", async () => {
    const applicant = await createUser();
    const client = await clientFor(applicant);
    const res = await client.post("/settings/roster", profileForm({ memberState: "NO", thematicAreas: "", level0: "", institutionType: "" }));
    expect(res.status).toBe(400);
    const t = visibleText(await res.text());
    expect(t).toContain("Choose the EU Member State of your administration.");
    expect(t).toContain("Choose at least one thematic area.");
    expect(t).toContain("Choose a level (A1 to C2, or native).");
    expect(t).toContain("Choose the type of institution.");
    expect(await prisma.expertProfile.count({ where: { userId: applicant.id } })).toBe(0);
  });

  it("never lets a Focal Point decide their own application", async () => {
    const fp = await createFocalPoint("HR");
    const client = await clientFor(fp);
    await postParams(client, "/settings/roster", new URLSearchParams(profileForm({ memberState: "HR", language0: "hr" })));
    const application = await prisma.rosterApplication.findFirstOrThrow({ where: { userId: fp.id } });
    const res = await client.post("/focal-points/HR", { applicationId: application.id, decision: "approve" });
    expect(res.status).toBe(403);
    expect((await prisma.rosterApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("pending");
  });
});

describe("CSV import", () => {
  const header = "email;name;member_state;institution;institution_type;thematic_areas;languages;position;available";

  async function importCsv(client: TestClient, csv: string, dryRun: boolean) {
    const form = new FormData();
    form.set("intent", "import");
    if (dryRun) form.set("dryRun", "on");
    form.set("file", new File([csv], "roster.csv", { type: "text/csv" }));
    const res = await client.request("/admin/roster", { method: "POST", body: form });
    return { status: res.status, text: visibleText(await res.text()) };
  }

  it("reads BOM, semicolons and quoted fields; a dry run shows what would change and writes nothing", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const existing = await createExpert({ email: "existing.expert@example.org", name: "Eva Existing", memberState: "AT", institution: "Old Ministry" });
    const csv =
      "\uFEFF" +
      [
        header,
        `new.one@example.org;"Nora New";Estonia;"Ministry of Culture; Integration Unit";Other;"Legal migration and mobility|Migration and development";et:native|en:C1;Adviser;yes`,
        `existing.expert@example.org;Eva Existing;AT;"Federal Ministry of the Interior";interior;Legal migration and mobility;en:C1;Senior Policy Officer;no`,
      ].join("\r\n");
    const dry = await importCsv(organiser, csv, true);
    expect(dry.status).toBe(200);
    expect(dry.text).toContain("Dry run: nothing has been written yet");
    expect(dry.text).toContain("Importing would create 1, update 1 and leave 0 unchanged");
    expect(dry.text).toContain("institution: Old Ministry → Federal Ministry of the Interior");
    expect(await prisma.user.count({ where: { email: "new.one@example.org" } })).toBe(0);
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: existing.id } })).institution).toBe("Old Ministry");

    // "Apply these changes" posts the checked file again (carried in the page), without the dry run.
    expect(dry.text).toContain("Apply these changes");
    const real = await organiser.post("/admin/roster", { intent: "import", csv });
    expect(real.status).toBe(200);
    expect(visibleText(await real.text())).toContain("Import complete");
    const created = await prisma.user.findUniqueOrThrow({ where: { email: "new.one@example.org" }, include: { expertProfile: { include: { thematicAreas: true, languages: true } } } });
    expect(created.role).toBe("expert");
    expect(created.expertProfile).toMatchObject({ memberState: "EE", institution: "Ministry of Culture; Integration Unit", institutionType: "other", status: "active", available: true });
    expect(created.expertProfile!.thematicAreas.map((t) => t.area).sort()).toEqual(["Legal migration and mobility", "Migration and development"]);
    expect(created.expertProfile!.languages).toHaveLength(2);
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: existing.id } })).institution).toBe("Federal Ministry of the Interior");

    // The same file again changes nothing.
    const again = await importCsv(organiser, csv, true);
    expect(again.text).toContain("Importing would create 0, update 0 and leave 2 unchanged");
  });

  it("rejects the whole file when one row is wrong, naming each bad row", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const csv = [
      "email,name,member_state,institution,institution_type,thematic_areas,languages",
      "good.row@example.org,Gina Good,BE,Immigration Office,interior,Legal migration and mobility,fr:native",
      "not-an-email,Bad Row,BE,Immigration Office,interior,Legal migration and mobility,fr:native",
      "other.bad@example.org,Olaf Other,NO,Somewhere,ministry of magic,Astrology,xx:Z9",
      "good.row@example.org,Gina Twice,BE,Immigration Office,interior,Legal migration and mobility,fr:native",
    ].join("\n");
    for (const dryRun of [true, false]) {
      const res = await importCsv(organiser, csv, dryRun);
      expect(res.status).toBe(400);
      expect(res.text).toContain("Nothing was imported");
      expect(res.text).toContain("3 rows have problems");
      expect(res.text).toMatch(/3 not-an-email Error email is not a valid address/);
      expect(res.text).toContain("member_state: Choose the EU Member State of your administration.");
      expect(res.text).toContain("institution_type: Choose the type of institution.");
      expect(res.text).toContain("thematic_areas: Unknown thematic area.");
      expect(res.text).toContain("email good.row@example.org is already on line 2");
    }
    expect(await prisma.user.count({ where: { email: "good.row@example.org" } })).toBe(0);
  });

  it("is for organisers only", async () => {
    const fp = await clientFor(await createFocalPoint("BE"));
    expect((await fp.get("/admin/roster")).status).toBe(403);
  });
});

describe("expert photos", () => {
  it("accepts a real image (resized, stored under DATA_DIR), rejects other types and oversize files", async () => {
    const expert = await createExpert({ memberState: "SI", visibility: "organisers_and_focal_points" });
    const client = await clientFor(expert);
    const upload = async (file: File) => {
      const form = new FormData();
      form.set("intent", "photo");
      form.set("photo", file);
      const res = await client.request("/settings/roster", { method: "POST", body: form });
      return { status: res.status, text: visibleText(await res.text()) };
    };
    const notImage = await upload(new File(["just text"], "me.png", { type: "image/png" }));
    expect(notImage.status).toBe(400);
    expect(notImage.text).toContain("This file could not be read as a photo.");
    const pdf = await upload(new File(["%PDF-1.4"], "me.pdf", { type: "application/pdf" }));
    expect(pdf.text).toContain("Use a JPEG, PNG or WebP photo.");
    const big = await upload(new File([new Uint8Array(3.5 * 1024 * 1024)], "big.jpg", { type: "image/jpeg" }));
    expect(big.text).toContain("The photo is too large: use one under 3 MB.");
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: expert.id } })).photoPath).toBeNull();

    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 20, g: 60, b: 160 } } }).png().toBuffer();
    const ok = await client.request("/settings/roster", { method: "POST", body: (() => { const f = new FormData(); f.set("intent", "photo"); f.set("photo", new File([png], "me.png", { type: "image/png" })); return f; })() });
    expect(ok.status).toBe(302);
    const { photoPath } = await prisma.expertProfile.findUniqueOrThrow({ where: { userId: expert.id } });
    const stored = path.join(process.env.DATA_DIR!, "uploads", "experts", photoPath!);
    expect(fs.existsSync(stored)).toBe(true);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 480, height: 480 });

    // Served through a route that applies the profile's visibility.
    const own = await client.get(`/roster/${expert.id}/photo`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/webp");
    const member = await clientFor(await createUser());
    expect((await member.get(`/roster/${expert.id}/photo`)).status).toBe(404);
    const siFocal = await clientFor(await createFocalPoint("SI"));
    expect((await siFocal.get(`/roster/${expert.id}/photo`)).status).toBe(200);
  });
});

describe("profile freshness", () => {
  it("reminds an expert with a profile older than 12 months once per period, and Focal Points see the stale list", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 400 * 86_400_000);
    const stale = await createExpert({ memberState: "MT", name: "Stella Stale", confirmedAt: old });
    await createExpert({ memberState: "MT", name: "Fred Fresh" });

    const first = await sendFreshnessReminders({ now });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const reminder = await mail().waitFor((m) => m.to.includes(stale.email));
    expect(reminder.subject).toBe("Is your MIEUX+ expert profile still up to date?");
    expect(reminder.text).toContain("/settings/roster");
    // Claimed: running again (or in a second process) sends nothing more for this period.
    const before = mail().messages.filter((m) => m.to.includes(stale.email)).length;
    await sendFreshnessReminders({ now: new Date(now.getTime() + 86_400_000) });
    await new Promise((r) => setTimeout(r, 300));
    expect(mail().messages.filter((m) => m.to.includes(stale.email)).length).toBe(before);

    const fp = await clientFor(await createFocalPoint("MT"));
    const page = (await text(fp, "/focal-points/MT")).text;
    expect(page).toContain("Profiles to refresh (1)");
    expect(page).toMatch(/Stella Stale — Federal Ministry of the Interior last confirmed/);

    // Confirming starts a new period: a year later, one more reminder.
    const client = await clientFor(stale);
    expect((await client.post("/settings/roster", { intent: "confirm" })).status).toBe(302);
    expect((await text(fp, "/focal-points/MT")).text).toContain("Profiles to refresh (0)");
    await sendFreshnessReminders({ now: new Date(now.getTime() + 370 * 86_400_000) });
    // A year on, every profile of this file is stale: hers is one of some fifty reminders in the outbox.
    await mail().waitFor(() => mail().messages.filter((m) => m.to.includes(stale.email)).length === before + 1, { timeoutMs: 30_000 });
  }, 60_000);
});

describe("the freshness job", () => {
  it("runs on its own with an injected clock and stops cleanly", async () => {
    const { startRosterFreshnessJob } = await import("#server/jobs/roster-freshness.ts");
    const stale = await createExpert({ name: "Jobby Stale", memberState: "RO", confirmedAt: new Date(Date.now() - 500 * 86_400_000) });
    const job = startRosterFreshnessJob({ firstRunMs: 10, intervalMs: 60_000, now: () => new Date() });
    await mail().waitFor((m) => m.to.includes(stale.email) && /still up to date/.test(m.subject));
    await job.stop();
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: stale.id } })).reminderSentAt).not.toBeNull();
  });
});

describe("Focal Points, deployments and data export", () => {
  it("lets organisers designate a Focal Point, who then appears for their State", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const person = await createUser({ name: "Hana Designate", email: "hana.designate@example.org", country: "CZ" });
    const res = await organiser.post("/admin/roster", { intent: "designate", email: "hana.designate@example.org", memberState: "CZ", level: "institution", institutionName: "Ministry of the Interior" });
    expect(res.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("focal_point");
    const member = await clientFor(await createUser());
    expect((await text(member, "/focal-points/CZ")).text).toContain("Hana Designate");
    expect((await text(member, "/focal-points")).text).toContain("Hana Designate — Ministry of the Interior");
    const unknown = await organiser.post("/admin/roster", { intent: "designate", email: "nobody@example.org", memberState: "CZ", level: "country" });
    expect(unknown.status).toBe(400);
    expect(visibleText(await unknown.text())).toContain("No account uses this email address.");
    const fp = await clientFor(person);
    expect((await fp.post("/admin/roster", { intent: "designate", email: "nobody@example.org", memberState: "CZ", level: "country" })).status).toBe(403);
  });

  it("records a deployment from the Action page; the profile shows it and the directory counts it", async () => {
    const organiser = await clientFor(await createUser({ role: "organiser" }));
    const expert = await createExpert({ name: "Dora Deployed", institution: "Osprey Office", memberState: "HU" });
    const action = await createAction({ code: "Osprey II" });
    const res = await organiser.post(`/actions/${action.slug}`, { expertEmail: expert.email, role: "Lead expert", startDate: "2024-04-01", endDate: "2024-04-05" });
    expect(res.status).toBe(302);
    const member = await clientFor(await createUser());
    const profile = (await text(member, `/roster/${expert.id}`)).text;
    expect(profile).toContain("Deployment history");
    expect(profile).toMatch(/Osprey II .* Lead expert Apr 2024 – Apr 2024/);
    expect((await text(member, "/roster?q=osprey&deployed=yes")).text).toContain("Dora Deployed");
    expect((await text(member, `/actions/${action.slug}`)).text).toContain("Dora Deployed");
    const bad = await organiser.post(`/actions/${action.slug}`, { expertEmail: "nobody@example.org", role: "Expert", startDate: "2024-04-01" });
    expect(bad.status).toBe(400);
    expect(visibleText(await bad.text())).toContain("No active roster expert uses this email address.");
    expect((await member.post(`/actions/${action.slug}`, { expertEmail: expert.email, role: "Expert", startDate: "2024-04-01" })).status).toBe(403);
  });

  it("includes the roster profile, applications and deployments in the member's data export", async () => {
    const expert = await createExpert({ name: "Petra Portable", memberState: "SK" });
    await deploy(expert.id, (await createAction()).id);
    const client = await clientFor(expert);
    const res = await client.get("/settings/export");
    expect(res.status).toBe(200);
    const data = JSON.parse(await res.text());
    expect(data.expertRoster.profile).toMatchObject({ memberState: "SK", status: "active" });
    expect(data.expertRoster.deployments).toHaveLength(1);
    expect(data.expertRoster.applications).toEqual([]);
  });

  it("erases the roster profile, applications and designations when the account is deleted", async () => {
    const expert = await createExpert({ name: "Gone Soon", memberState: "LU", institution: "Kingfisher Office" });
    await prisma.focalPoint.create({ data: { userId: expert.id, memberState: "LU" } });
    const client = await clientFor(expert);
    const res = await client.post("/settings/privacy", { confirm: "DELETE", password: TEST_PASSWORD });
    expect(res.status).toBe(302);
    expect(await prisma.expertProfile.count({ where: { userId: expert.id } })).toBe(0);
    expect(await prisma.focalPoint.count({ where: { userId: expert.id } })).toBe(0);
    const member = await clientFor(await createUser());
    expect((await text(member, "/roster?q=kingfisher")).text).toContain("No experts match");
  });
});
