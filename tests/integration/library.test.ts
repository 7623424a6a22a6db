import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { indexPost } from "#app/modules/search/indexers.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createUser, logInAs } from "#tests/factories/users.ts";
import { TestClient, visibleText } from "#tests/setup/http-client.ts";
import { startTestServer } from "#tests/setup/server.ts";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const MB = 1024 * 1024;
const uploadsDir = () => path.join(process.env.DATA_DIR!, "uploads", "resources");
const storedFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);

function resourceForm(fields: Record<string, string>, file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ topic: "Cultural agility", language: "en", ...fields })) form.set(k, v);
  if (file) form.set("file", new Blob([file.bytes], { type: file.type ?? "application/octet-stream" }), file.name);
  return form;
}

async function person(role: "member" | "focal_point" | "organiser" | "expert", name?: string) {
  const user = await createUser({ role, name });
  const client = new TestClient(baseUrl);
  await logInAs(client, user);
  return { user, client };
}

const postForm = (client: TestClient, url: string, form: FormData) => client.request(url, { method: "POST", body: form });
const pdf = (text = "A guide") => new TextEncoder().encode(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<<>>\n%%EOF\n`);

describe("resources: who may add, edit and feature", () => {
  it("lets Focal Points and organisers add resources, and refuses members and visitors without storing anything", async () => {
    const visitor = await new TestClient(baseUrl).get("/resources/new");
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?/);

    const member = await person("member");
    expect((await member.client.get("/resources/new")).status).toBe(403);
    const refused = await postForm(member.client, "/resources/new", resourceForm({ title: "Member's attempt", body: "Text" }));
    expect(refused.status).toBe(403);
    expect(await prisma.resource.count({ where: { title: "Member's attempt" } })).toBe(0);
    const expert = await person("expert");
    expect((await postForm(expert.client, "/resources/new", resourceForm({ title: "Expert's attempt", body: "Text" }))).status).toBe(403);

    const fp = await person("focal_point", "Zofia Focal");
    const created = await postForm(fp.client, "/resources/new", resourceForm({ title: "Checklist before a deployment", summary: "What to read first.", body: "1. Read the **Spotlight**", tags: "Deployment, checklist" }));
    expect(created.status).toBe(302);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/resources\/[a-z0-9]+$/);
    const page = visibleText((await new TestClient(baseUrl).page(location)).html);
    expect(page).toContain("Checklist before a deployment");
    expect(page).toContain("Zofia Focal");
    expect(page).toContain("#deployment");
    expect(page).toContain("#checklist");

    const organiser = await person("organiser");
    expect((await postForm(organiser.client, "/resources/new", resourceForm({ title: "Organiser's guide", externalUrl: "https://example.org/guide" }))).status).toBe(302);

    // What they added is part of their data export.
    const exported = (await (await fp.client.get("/settings/export")).json()) as { resources: { added: { title: string }[] } };
    expect(exported.resources.added.map((r) => r.title)).toEqual(["Checklist before a deployment"]);
  });

  it("lets a Focal Point edit their own resources, organisers every one, and nobody else", async () => {
    const author = await person("focal_point");
    const other = await person("focal_point");
    const organiser = await person("organiser");
    const res = await postForm(author.client, "/resources/new", resourceForm({ title: "Tips from Warsaw", body: "First version" }));
    const url = res.headers.get("location")!;

    expect((await other.client.get(`${url}/edit`)).status).toBe(403);
    expect((await postForm(other.client, `${url}/edit`, resourceForm({ title: "Hijacked", body: "Changed" }))).status).toBe(403);
    const member = await person("member");
    expect((await postForm(member.client, `${url}/edit`, resourceForm({ title: "Hijacked", body: "Changed" }))).status).toBe(403);
    expect(visibleText((await new TestClient(baseUrl).page(url)).html)).toContain("First version");

    expect((await postForm(author.client, `${url}/edit`, resourceForm({ title: "Tips from Warsaw", body: "Second version" }))).status).toBe(302);
    expect((await postForm(organiser.client, `${url}/edit`, resourceForm({ title: "Tips from Warsaw (reviewed)", body: "Third version" }))).status).toBe(302);
    const text = visibleText((await new TestClient(baseUrl).page(url)).html);
    expect(text).toContain("Tips from Warsaw (reviewed)");
    expect(text).toContain("Third version");
    expect(text).not.toContain("Hijacked");
  });

  it("lets only organisers put resources on the featured shelf", async () => {
    const fp = await person("focal_point");
    const organiser = await person("organiser");
    const url = (await postForm(fp.client, "/resources/new", resourceForm({ title: "Shelf candidate: data collection", body: "Text" }))).headers.get("location")!;
    const denied = await fp.client.post(url, { intent: "feature" });
    expect(denied.status).toBe(403);
    const shelf = async () => {
      const html = (await new TestClient(baseUrl).page("/resources")).html;
      const start = html.indexOf('id="featured-heading"');
      return start < 0 ? "" : visibleText(html.slice(start, html.indexOf("</section>", start)));
    };
    expect(await shelf()).not.toContain("Shelf candidate: data collection");
    expect((await organiser.client.post(url, { intent: "feature" })).status).toBe(302);
    expect(await shelf()).toContain("Shelf candidate: data collection");
    expect((await organiser.client.post(url, { intent: "unfeature" })).status).toBe(302);
    expect(await shelf()).not.toContain("Shelf candidate: data collection");
  });
});

describe("resources: uploads", () => {
  it("refuses a program renamed to .pdf, by its content, and stores nothing", async () => {
    const fp = await person("focal_point");
    const before = storedFiles();
    const exe = new Uint8Array(4096);
    exe.set(new TextEncoder().encode("MZ"), 0);
    exe.set(new TextEncoder().encode("PE\0\0"), 128);
    new DataView(exe.buffer).setUint32(0x3c, 128, true);
    const res = await postForm(fp.client, "/resources/new", resourceForm({ title: "Totally a PDF" }, { bytes: exe, name: "guide.pdf", type: "application/pdf" }));
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain("This file is not one we accept");
    expect(await prisma.resource.count({ where: { title: "Totally a PDF" } })).toBe(0);
    expect(storedFiles()).toEqual(before);
  });

  it("refuses a file over 20 MB with 413 and a clear message, and a body far over it before reading it", async () => {
    const fp = await person("focal_point");
    const big = new Uint8Array(20 * MB + 1);
    big.set(pdf(), 0);
    const res = await postForm(fp.client, "/resources/new", resourceForm({ title: "Too large" }, { bytes: big, name: "big.pdf", type: "application/pdf" }));
    expect(res.status).toBe(413);
    expect(visibleText(await res.text())).toContain("The file is too large: upload one of at most 20 MB.");
    expect(await prisma.resource.count({ where: { title: "Too large" } })).toBe(0);

    const huge = await postForm(fp.client, "/resources/new", resourceForm({ title: "Far too large" }, { bytes: new Uint8Array(22 * MB), name: "huge.pdf" }));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("too large");
  });

  it("serves an uploaded PDF as a download with its real type, Content-Disposition and nosniff", async () => {
    const fp = await person("focal_point");
    const bytes = pdf("Guide to the roster");
    const res = await postForm(fp.client, "/resources/new", resourceForm({ title: "Roster guide (PDF)" }, { bytes, name: "Roster guide.final.PDF", type: "text/html" }));
    expect(res.status).toBe(302);
    const url = res.headers.get("location")!;
    const page = await new TestClient(baseUrl).page(url);
    expect(visibleText(page.html)).toContain("Download PDF");
    const file = await new TestClient(baseUrl).get(`${url}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="Roster guide.final.pdf"; filename*=UTF-8''Roster%20guide.final.pdf`);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it("accepts an image checked by sharp, and replaces the file on edit (the old one is deleted)", async () => {
    const fp = await person("focal_point");
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#1d4ed8" } }).png().toBuffer());
    const res = await postForm(fp.client, "/resources/new", resourceForm({ title: "Map of the regions" }, { bytes: png, name: "map.png", type: "image/png" }));
    expect(res.status).toBe(302);
    const url = res.headers.get("location")!;
    const first = await prisma.resource.findFirstOrThrow({ where: { title: "Map of the regions" }, select: { fileKey: true, fileType: true } });
    expect(first.fileType).toBe("image/png");
    expect(storedFiles()).toContain(first.fileKey);

    const broken = new Uint8Array(png.length);
    broken.set(png.slice(0, 40));
    const refused = await postForm(fp.client, `${url}/edit`, resourceForm({ title: "Map of the regions" }, { bytes: broken, name: "map.png", type: "image/png" }));
    expect(refused.status).toBe(400);
    expect(visibleText(await refused.text())).toContain("This image could not be read.");

    const replaced = await postForm(fp.client, `${url}/edit`, resourceForm({ title: "Map of the regions" }, { bytes: pdf(), name: "map.pdf" }));
    expect(replaced.status).toBe(302);
    const second = await prisma.resource.findFirstOrThrow({ where: { title: "Map of the regions" }, select: { fileKey: true, fileType: true } });
    expect(second.fileType).toBe("application/pdf");
    expect(storedFiles()).toContain(second.fileKey);
    expect(storedFiles()).not.toContain(first.fileKey);
  });
});

describe("resources: forms and markdown", () => {
  it("keeps what was typed and says what is missing, changing nothing", async () => {
    const fp = await person("focal_point");
    const noTitle = await postForm(fp.client, "/resources/new", resourceForm({ title: "", body: "Body kept" }));
    expect(noTitle.status).toBe(400);
    const html = await noTitle.text();
    expect(visibleText(html)).toContain("Enter a title of at least 3 characters.");
    expect(html).toContain("Body kept");
    const empty = await postForm(fp.client, "/resources/new", resourceForm({ title: "Nothing inside" }));
    expect(empty.status).toBe(400);
    expect(visibleText(await empty.text())).toContain("Add a text, a link or a file");
    const badTopic = await postForm(fp.client, "/resources/new", resourceForm({ title: "Odd topic", body: "x", topic: "Astrology" }));
    expect(badTopic.status).toBe(400);
    expect(visibleText(await badTopic.text())).toContain("Choose a topic.");
    expect(await prisma.resource.count({ where: { title: { in: ["Nothing inside", "Odd topic"] } } })).toBe(0);
  });

  it("renders markdown without raw HTML, drops javascript: and data: links and marks links nofollow ugc", async () => {
    const fp = await person("focal_point");
    const body = "Hello <script>alert('x')</script><img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1)) [worse](data:text/html,hi) [good](https://example.org/a)";
    const url = (await postForm(fp.client, "/resources/new", resourceForm({ title: "Markdown safety", body }))).headers.get("location")!;
    // The page as rendered (the hydration data in <script> carries the raw text as an escaped JSON string).
    const html = (await new TestClient(baseUrl).page(url)).html.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("alert('x')");
    expect(html).not.toContain("onerror");
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<a href="https://example.org/a" rel="nofollow ugc noopener">good</a>');
    expect(visibleText(html)).toContain("bad worse good");
  });
});

describe("resources: browse, filter and search", () => {
  it("finds resources by words (any case), topic, region, language and tag, with answered Q&A questions in plain searches", async () => {
    const fp = await person("focal_point");
    const add = async (fields: Record<string, string>) => expect((await postForm(fp.client, "/resources/new", resourceForm(fields))).status).toBe(302);
    await add({ title: "Remittances and diaspora bonds", body: "How REMITTANCES reach families.", topic: "Migration and development", region: "Africa", tags: "diaspora, finance" });
    await add({ title: "Border management handbook", body: "Visa procedures step by step.", topic: "Irregular migration and trafficking in human beings", region: "EU Neighbourhood", tags: "borders" });
    await add({ title: "Consejos de agilidad cultural", body: "Escuchar primero.", topic: "Cultural agility", language: "es", tags: "tips" });
    // Written here as Q&A publishing writes it (qa/publish.server.ts), index included.
    const answer = await prisma.post.create({ data: { kind: "resource", title: "Q&A: how do remittances change after a crisis?", body: "Answered at the Morning Coffee." } });
    await indexPost(prisma, answer.id);

    const titles = async (query: string) => visibleText((await new TestClient(baseUrl).page(`/resources?${query}`)).html);

    const search = await titles("q=remittances");
    expect(search).toContain("Remittances and diaspora bonds");
    expect(search).toContain("Q&A: how do remittances change after a crisis?");
    expect(search).not.toContain("Border management handbook");
    expect(await titles("q=DIASPORA+families")).toContain("Remittances and diaspora bonds");
    expect(await titles("q=diaspora+nothingmatches")).toContain("No resource matches");

    const topic = await titles(`topic=${encodeURIComponent("Irregular migration and trafficking in human beings")}`);
    expect(topic).toContain("Border management handbook");
    expect(topic).not.toContain("Remittances and diaspora bonds");
    expect(topic).not.toContain("Q&A: how do remittances change");

    const region = await titles("region=Africa&q=remittances");
    expect(region).toContain("Remittances and diaspora bonds");
    expect(region).not.toContain("Q&A: how do remittances change");

    const spanish = await titles("language=es");
    expect(spanish).toContain("Consejos de agilidad cultural");
    expect(spanish).not.toContain("Border management handbook");

    const tag = await titles("tag=borders");
    expect(tag).toContain("Border management handbook");
    expect(tag).not.toContain("Consejos de agilidad cultural");

    // Nonsense in the query string is ignored, not an error.
    const odd = await new TestClient(baseUrl).get(`/resources?topic=nope&language=xx&q=${"a".repeat(500)}`);
    expect(odd.status).toBe(200);
  });
});
