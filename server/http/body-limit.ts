import { Transform } from "node:stream";
import type { Request, Response } from "express";

/** The most any request body may carry, counted on the bytes actually read (chunked bodies too). */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** Resource forms carry a file of up to 20 MB (checked again, part by part, as it is read) and the form's text. */
const UPLOAD_BODY_BYTES = 21 * 1024 * 1024;
const UPLOAD_PATHS = /^\/resources\/(?:new|[^/]+\/edit)(?:\.data)?\/?$/;

/** The cap for one request: the upload forms get room for their file, everything else 6 MB. */
export function bodyLimit(method: string, path: string) {
  return method === "POST" && UPLOAD_PATHS.test(path) ? UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

const tooLargeText = (limit: number) => `The request is too large (at most ${limit / 1024 / 1024} MB).`;

/**
 * 413, then the connection goes: the rest of the body is never read. A body being streamed has
 * been paused, so its socket stays open a moment for a client still sending to read the answer.
 * A body nobody read yet gets `Connection: close`, so Node does not read it all to reuse the socket.
 */
export function refuseTooLarge(res: Response, { paused = false, limit = MAX_BODY_BYTES } = {}) {
  if (res.headersSent) return;
  if (!paused) res.set("Connection", "close");
  res.status(413).type("text/plain").send(tooLargeText(limit));
  res.once("finish", () => setTimeout(() => res.socket?.destroy(), 2_000).unref());
}

/**
 * Refuses a declared Content-Length over the cap before anything runs. Bodies without one
 * (Transfer-Encoding: chunked) are counted as they are read, by `cappedBody`.
 */
export function declaredBodyLimit() {
  return (req: Request, res: Response, next: () => void) => {
    const limit = bodyLimit(req.method, req.path);
    if (Number(req.headers["content-length"] ?? 0) > limit) return refuseTooLarge(res, { limit });
    next();
  };
}

/**
 * The request body as a stream that stops at the cap: past it, reading stops, `onTooLarge` runs
 * (it answers 413) and whoever reads the stream (Remix parsing a form) sees it fail instead of
 * buffering gigabytes.
 */
export function cappedBody(req: Request, onTooLarge: () => void, max = bodyLimit(req.method, req.path)) {
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      if (read <= max) return done(null, chunk);
      req.unpipe(counter);
      req.pause();
      onTooLarge();
      done(new Error(tooLargeText(max)));
    },
  });
  req.once("error", (error) => counter.destroy(error));
  return req.pipe(counter);
}
