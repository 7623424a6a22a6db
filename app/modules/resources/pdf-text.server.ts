import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { stripUnsafeChars } from "#app/utils/text.ts";

/**
 * The text of an uploaded PDF, for search (decision 131), read by unpdf (pdf.js, offline) in a
 * worker thread so that a hostile file cannot stall the server: at most `maxPages` pages and
 * `maxChars` characters are read, the worker's heap is capped and it is terminated after
 * `timeoutMs`, whatever it is doing. One extraction runs at a time in a process; the others wait.
 * A file that cannot be read (broken, encrypted, too slow) gives no text and a `problem`, never an
 * error: the upload goes on without it.
 */

export type PdfTextLimits = { maxPages: number; maxChars: number; timeoutMs: number; heapMb: number };

export const PDF_TEXT_LIMITS: PdfTextLimits = { maxPages: 300, maxChars: 100_000, timeoutMs: 20_000, heapMb: 256 };

export type PdfText = { text: string; problem: string | null };

// Runs in the worker (CommonJS, as an eval'd worker is). isEvalSupported: false keeps pdf.js from
// compiling font code with `new Function` (CVE-2024-4367); verbosity 0 logs errors only.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { getDocumentProxy } = require(workerData.unpdf);
(async () => {
  const { bytes, maxPages, maxChars } = workerData;
  const pdf = await getDocumentProxy(bytes, { isEvalSupported: false, verbosity: 0 });
  const parts = [];
  let length = 0;
  for (let n = 1; n <= Math.min(pdf.numPages, maxPages) && length < maxChars; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (typeof item.str !== "string") continue;
      const part = item.str + (item.hasEOL ? "\\n" : "");
      parts.push(part);
      length += part.length;
      if (length >= maxChars) break;
    }
    parts.push("\\n");
    page.cleanup();
  }
  parentPort.postMessage({ text: parts.join("").slice(0, maxChars) });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

let unpdfPath: string | undefined;
const resolveUnpdf = () => (unpdfPath ??= createRequire(import.meta.url).resolve("unpdf"));

/** Plain, storable text: valid Unicode, no control characters (PostgreSQL refuses NUL), spaces collapsed. */
export function cleanExtractedText(raw: string, maxChars: number) {
  return stripUnsafeChars(Buffer.from(raw, "utf8").toString("utf8"))
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n[\s]*/g, "\n")
    .trim()
    .slice(0, maxChars);
}

function inWorker(bytes: Uint8Array, limits: PdfTextLimits): Promise<PdfText> {
  return new Promise((resolve) => {
    let settled = false;
    // A copy of its own, handed over (not cloned again) to the worker.
    const copy = new Uint8Array(bytes);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes: copy, unpdf: resolveUnpdf(), maxPages: limits.maxPages, maxChars: limits.maxChars },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const done = (result: PdfText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done({ text: "", problem: `reading it took longer than ${limits.timeoutMs / 1000} s` }), limits.timeoutMs);
    worker.on("message", (m: { text?: string; error?: string }) =>
      done(typeof m.text === "string" ? { text: cleanExtractedText(m.text, limits.maxChars), problem: null } : { text: "", problem: m.error ?? "unknown error" }),
    );
    worker.on("error", (error) => done({ text: "", problem: error.message }));
    worker.on("exit", (code) => done({ text: "", problem: `the reader stopped (exit code ${code})` }));
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** The text of a PDF (may be "" with a `problem`); one extraction at a time per process. */
export function extractPdfText(bytes: Uint8Array, limits: Partial<PdfTextLimits> = {}): Promise<PdfText> {
  const run = queue.then(() => inWorker(bytes, { ...PDF_TEXT_LIMITS, ...limits }));
  queue = run.catch(() => undefined);
  return run;
}
