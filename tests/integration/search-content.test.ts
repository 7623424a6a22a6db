import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "#app/modules/resources/pdf-text.server.ts";
import { indexPost, reindexAll } from "#app/modules/search/indexers.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { ROOT } from "#tests/setup/paths.ts";
import { startTestServer } from "#tests/setup/server.ts";
import { brokenPdf, passwordPdf, textPdf } from "#tests/support/pdf.ts";

// Decision 131: the text of uploaded PDFs is searchable, the library's search box goes through the
// one search, and renaming an Action re-indexes the calls that name it.

let baseUrl: string;
let focal: TestClient;
let organiser: TestClient;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  focal = new TestClient(baseUrl);
  await logInAs(focal, await createUser({ role: "focal_point" }));
  organiser = new TestClient(baseUrl);
  await logInAs(organiser, await createUser({ role: "organiser" }));
});

function resourceForm(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ topic: "Cultural agility", language: "en", ...fields })) form.set(k, v);
  if (file) form.set("file", new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" }), file.name);
  return form;
}

/** Adds a resource through the real upload route; returns its address. */
async function upload(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const res = await focal.request("/resources/new", { method: "POST", body: resourceForm(fields, file) });
  expect(res.status).toBe(302);
  return res.headers.get("location")!;
}

async function edit(url: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const res = await focal.request(`${url}/edit`, { method: "POST", body: resourceForm(fields, file) });
  expect(res.status).toBe(302);
}

/** The addresses /search links to for a visitor. */
async function searchLinks(q: string, client = new TestClient(baseUrl)) {
  const html = (await client.page(`/search?q=${encodeURIComponent(q)}`)).html;
  return [...html.matchAll(/href="(\/(?:resources|calls|posts)\/[^"#?]+)"/g)].map((m) => m[1]);
}

const library = async (query: string) => visibleText((await new TestClient(baseUrl).page(`/resources?${query}`)).html);
const idOf = (url: string) => url.split("/").at(-1)!;

describe("the text of uploaded PDFs is searchable", () => {
  it("finds a resource by a word only inside its PDF, on /search and in the library, and follows a replaced or removed file", async () => {
    const url = await upload({ title: "Arrivals field guide" }, { bytes: textPdf(["Introduction", "The zanzibarite protocol for Mobilité arrivals"]), name: "guide.pdf" });
    const stored = await prisma.resource.findUniqueOrThrow({ where: { id: idOf(url) }, select: { fileText: true } });
    expect(stored.fileText).toContain("The zanzibarite protocol for Mobilité arrivals");

    expect(await searchLinks("zanzibarite")).toContain(url);
    expect(await searchLinks("mobilite protocol")).toContain(url);
    expect(await library("q=zanzibarite")).toContain("Arrivals field guide");

    // A new file replaces the old one's text.
    await edit(url, { title: "Arrivals field guide" }, { bytes: textPdf(["The quorvath handbook"]), name: "handbook.pdf" });
    expect(await searchLinks("zanzibarite")).not.toContain(url);
    expect(await library("q=zanzibarite")).toContain("No resource matches");
    expect(await searchLinks("quorvath")).toContain(url);
    expect(await library("q=quorvath")).toContain("Arrivals field guide");

    // Removing the file removes its text.
    await edit(url, { title: "Arrivals field guide", body: "Now a text.", removeFile: "on" });
    expect(await searchLinks("quorvath")).not.toContain(url);
    expect(await prisma.resource.findUniqueOrThrow({ where: { id: idOf(url) }, select: { fileText: true } })).toEqual({ fileText: null });
  });

  it("stores a broken PDF and one that asks for a password, without text, and serves them", async () => {
    for (const [name, bytes] of [
      ["broken.pdf", brokenPdf()],
      ["locked.pdf", passwordPdf("The vellichor secret")],
    ] as const) {
      const url = await upload({ title: `Unreadable ${name}` }, { bytes, name });
      const row = await prisma.resource.findUniqueOrThrow({ where: { id: idOf(url) }, select: { fileKey: true, fileText: true } });
      expect(row.fileKey, name).toBeTruthy();
      expect(row.fileText, name).toBe("");
      const file = await new TestClient(baseUrl).get(`${url}/file`);
      expect(file.status, name).toBe(200);
      expect(new Uint8Array(await file.arrayBuffer()), name).toEqual(bytes);
      // Still found by what it does have.
      expect(await searchLinks(`unreadable ${name.replace(".pdf", "")}`), name).toContain(url);
    }
    expect(await searchLinks("vellichor")).toEqual([]);
  });

  it("bounds the work: pages past the limit are not read, text is capped, and a reader that takes too long is stopped", async () => {
    const three = textPdf(["alpha page", "bravo page", "charlie page"]);
    const two = await extractPdfText(three, { maxPages: 2 });
    expect(two.problem).toBeNull();
    expect(two.text).toContain("bravo page");
    expect(two.text).not.toContain("charlie");
    expect((await extractPdfText(three, { maxChars: 5 })).text).toBe("alpha");

    // No reader can open a PDF in a millisecond: it is stopped, with a reason, and the next one still runs.
    const slow = await extractPdfText(three, { timeoutMs: 1 });
    expect(slow).toEqual({ text: "", problem: expect.stringContaining("longer than") });
    expect((await extractPdfText(three)).text).toContain("charlie page");
  });

  it("gives their text to PDFs stored before it was kept, with search:reindex", async () => {
    const url = await upload({ title: "Older upload" }, { bytes: textPdf(["The brindlewick procedure"]), name: "old.pdf" });
    // As stored before this change: no text, and an index without it.
    await prisma.resource.update({ where: { id: idOf(url) }, data: { fileText: null } });
    await reindexAll();
    expect(await searchLinks("brindlewick")).toEqual([]);

    // Another process, as an operator runs it (asynchronously: this process serves the pages meanwhile).
    const { stdout: out } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["server/cli.ts", "search:reindex"], { cwd: ROOT, encoding: "utf8", env: process.env });
    expect(out).toContain("PDF text read from 1 files (0 without text)");
    expect(out).toMatch(/Indexed \d+ documents/);
    expect(await searchLinks("brindlewick")).toEqual([url]);
    expect(await library("q=brindlewick")).toContain("Older upload");
  }, 120_000); // a second process starting with tsx: slow on a busy machine
});

describe("the library's search box goes through the one search", () => {
  it("matches accents, the start of a word and English word forms, with the filters and answered questions", async () => {
    await upload({ title: "Mobilité des talents", body: "Partnerships deployed in Wallonia.", region: "Africa", tags: "talent, partnerships" });
    await upload({ title: "Talent partnerships in Asia", body: "Another region.", region: "Asia", tags: "talent" });
    // Written as Q&A publishing writes it (qa/publish.server.ts), index included.
    const answer = await prisma.post.create({ data: { kind: "resource", title: "Q&A: do talent partnerships work?", body: "Answered at the Morning Coffee." } });
    await indexPost(prisma, answer.id);

    for (const q of ["mobilite", "MOBILI", "deploying", "partnership wallonia"]) expect(await library(`q=${encodeURIComponent(q)}`), q).toContain("Mobilité des talents");
    const plain = await library("q=talent+partnerships");
    expect(plain).toContain("Mobilité des talents");
    expect(plain).toContain("Talent partnerships in Asia");
    expect(plain).toContain(answer.title);

    const africa = await library("q=talent&region=Africa");
    expect(africa).toContain("Mobilité des talents");
    expect(africa).not.toContain("Talent partnerships in Asia");
    expect(africa).not.toContain(answer.title);
    const tagged = await library("q=mobil&tag=partnerships");
    expect(tagged).toContain("Mobilité des talents");
    expect(await library("q=talent&tag=nothing-tagged-so")).toContain("No resource matches");
  });

  it("leaves a hidden resource out of /search and the library until it is restored", async () => {
    const url = await upload({ title: "Plumbago reference sheet", body: "Text." });
    expect(await searchLinks("plumbago")).toEqual([url]);
    const hide = await organiser.post("/admin/moderation", { intent: "decide", targetType: "resource", targetId: idOf(url), decision: "hide", reason: "Outdated" });
    expect(hide.status).toBe(302);
    expect(await prisma.resource.findUniqueOrThrow({ where: { id: idOf(url) }, select: { hiddenAt: true } })).not.toEqual({ hiddenAt: null });
    expect(await searchLinks("plumbago")).toEqual([]);
    expect(await library("q=plumbago")).toContain("No resource matches");
    const restore = await organiser.post("/admin/moderation", { intent: "decide", targetType: "resource", targetId: idOf(url), decision: "restore", reason: "" });
    expect(restore.status).toBe(302);
    expect(await searchLinks("plumbago")).toEqual([url]);
  });
});

describe("renaming an Action re-indexes the calls that name it", () => {
  it("finds the call by the Action's new code and no longer by the old one", async () => {
    const actionForm = (code: string) => {
      const body = new URLSearchParams({ code, title: "Labour migration governance", summary: "", partnerCountry: "TN", region: "Africa", thematicArea: "Legal migration and mobility", status: "ongoing", startDate: "", endDate: "" });
      body.append("impactAreas", "Policy development");
      return body;
    };
    expect((await organiser.request("/actions/new", { method: "POST", body: actionForm("Quintaria I") })).status).toBe(302);
    const action = await prisma.action.findUniqueOrThrow({ where: { code: "Quintaria I" }, select: { id: true, slug: true } });
    const call = await organiser.post("/calls/new", {
      actionId: action.id,
      title: "Labour inspection expert",
      partnerCountry: "TN",
      region: "Africa",
      thematicArea: "Legal migration and mobility",
      profileSought: "Senior official with experience of labour inspection.",
      language0: "en",
      level0: "B2",
      language1: "",
      level1: "",
      language2: "",
      level2: "",
      expertsNeeded: "1",
      missionStart: "2090-03-02",
      missionEnd: "2090-03-06",
      format: "online",
      deadline: "2090-02-01",
    });
    expect(call.status).toBe(302);
    const callUrl = call.headers.get("location")!;
    const member = new TestClient(baseUrl);
    await logInAs(member, await createUser({ role: "member" }));
    expect(await searchLinks("quintaria", member)).toContain(callUrl);

    expect((await organiser.request(`/actions/${action.slug}/edit`, { method: "POST", body: actionForm("Veridonia II") })).status).toBe(302);
    expect(await searchLinks("veridonia", member)).toContain(callUrl);
    expect(await searchLinks("quintaria", member)).not.toContain(callUrl);
  });
});
