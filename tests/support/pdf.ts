/**
 * Small PDFs written by hand for tests: one page per string, in Helvetica (WinAnsiEncoding, so
 * Latin-1 letters such as "é" work), with a correct cross-reference table.
 */

const escapeText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

function assemble(objects: string[], trailerExtra = ""): Uint8Array {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1: one byte per character, so the offsets above are byte offsets.
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function pageObjects(pages: string[]) {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + i * 2} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  pages.forEach((text, i) => {
    const stream = `BT /F1 14 Tf 72 720 Td (${escapeText(text)}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  return objects;
}

/** A valid PDF with one page of text per string. */
export function textPdf(pages: string[]): Uint8Array {
  return assemble(pageObjects(pages));
}

/**
 * A PDF that asks for a password: a standard security handler whose check value no empty password
 * meets, so a reader cannot open it without one.
 */
export function passwordPdf(text: string): Uint8Array {
  const objects = pageObjects([text]);
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`);
  return assemble(objects, ` /Encrypt ${objects.length} 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`);
}

/** Starts like a PDF (so it is accepted as one by its bytes) and is nothing but noise after. */
export function brokenPdf(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\nstream\n\u0000\u0001garbage%%EOF");
}
