import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkResourceFile, downloadName } from "./files.server.ts";

/** A ZIP with stored (uncompressed) entries, as Office writes its OOXML parts. */
function zip(entries: Record<string, string>) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/main.xml" ContentType="${main}"/></Types>`;
const upload = (bytes: Uint8Array, name = "file.bin") => ({ name, size: bytes.length, bytes: async () => new Uint8Array(bytes).buffer });

describe("resource files are recognised by their bytes", () => {
  it("tells DOCX, PPTX and XLSX apart by the ZIP's [Content_Types].xml, whatever the name", async () => {
    const cases = {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    };
    for (const [mime, main] of Object.entries(cases)) {
      const result = await checkResourceFile(upload(zip({ "[Content_Types].xml": contentTypes(main), "main.xml": "<x/>" }), "renamed.pdf"));
      expect(result.ok && result.value.mime, mime).toBe(mime);
    }
  });

  it("refuses a plain ZIP, a program and an HTML page, and accepts a real PDF and PNG", async () => {
    expect((await checkResourceFile(upload(zip({ "notes.txt": "hello" }), "notes.docx"))).ok).toBe(false);
    expect((await checkResourceFile(upload(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300)]), "guide.pdf"))).ok).toBe(false);
    expect((await checkResourceFile(upload(Buffer.from("<!doctype html><script>alert(1)</script>"), "page.png"))).ok).toBe(false);
    const pdf = await checkResourceFile(upload(Buffer.from("%PDF-1.7\n%%EOF\n"), "x.pdf"));
    expect(pdf.ok && pdf.value.mime).toBe("application/pdf");
    const png = await checkResourceFile(upload(await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } }).png().toBuffer(), "photo.jpg"));
    expect(png.ok && png.value).toMatchObject({ mime: "image/png", name: "photo.png" });
  });

  it("names downloads after the upload, with the real extension and nothing that breaks a header", () => {
    expect(downloadName("C:\\Users\\me\\Guide final.PDF", "application/pdf")).toBe("Guide final.pdf");
    expect(downloadName('a"b\r\nc.exe', "application/pdf")).toBe("a b  c.pdf");
    expect(downloadName("", "image/png")).toBe("resource.png");
  });
});
