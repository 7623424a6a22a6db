import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/**
 * A form that may carry a file: multipart bodies are read part by part and stop at `maxPartBytes`
 * for the bytes actually received (chunked uploads too): null then, and the route answers 413 with
 * a clear message. Plain forms are read as usual. The whole body is also capped by Content-Length
 * before it is read (server/http/security.ts).
 */
export async function readUploadForm(request: Request, maxPartBytes: number): Promise<FormData | null> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}
