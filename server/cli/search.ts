import { extractMissingPdfTexts } from "#app/modules/resources/library.server.ts";
import { reindexAll } from "#app/modules/search/indexers.server.ts";
import type { CliCommand } from "./types.ts";

export const searchReindex: CliCommand = {
  name: "search:reindex",
  usage: "search:reindex",
  summary: "Read the text of PDFs stored before it was kept, then rebuild the search index from the content in one transaction (searches keep working meanwhile).",
  async run() {
    const started = performance.now();
    const pdfs = await extractMissingPdfTexts();
    if (pdfs.read || pdfs.missingFiles) {
      console.log(`PDF text read from ${pdfs.read} files (${pdfs.withoutText} without text)${pdfs.missingFiles ? `; ${pdfs.missingFiles} files missing from DATA_DIR` : ""}`);
    }
    const counts = await reindexAll();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `Indexed ${total} documents in ${Math.round(performance.now() - started)} ms: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
  },
};
