import type { LoaderFunctionArgs } from "@remix-run/node";
import { readResourceFile } from "#app/modules/resources/files.server.ts";
import { canReadResource, resourceFile } from "#app/modules/resources/library.server.ts";

/**
 * A resource's uploaded file: always a download (Content-Disposition: attachment), with the type
 * found in its bytes; `X-Content-Type-Options: nosniff` comes with every response (server/http/security.ts).
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await resourceFile(params.id ?? "");
  const file = found && canReadResource(context.user, found) ? found : null;
  const bytes = file?.fileKey ? await readResourceFile(file.fileKey) : null;
  if (!file?.fileKey || !bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const name = file.fileName ?? "resource";
  const ascii = name.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.fileType ?? "application/octet-stream",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // Not kept by shared caches: a file a moderator hides must stop being served at once.
      "Cache-Control": "private, no-cache",
    },
  });
}
