import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { getEnv } from "#app/utils/env.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { stripUnsafeChars } from "#app/utils/text.ts";
import { MAX_RESOURCE_FILE_BYTES, RESOURCE_FILE_TYPES } from "./taxonomy.ts";

export type UploadedFile = { name: string; size: number; bytes: () => Promise<ArrayBuffer> };
export type CheckedFile = { bytes: Buffer; mime: string; name: string; size: number };

export const FILE_TOO_LARGE = `The file is too large: upload one of at most ${MAX_RESOURCE_FILE_BYTES / 1024 / 1024} MB.`;
const ACCEPTED = "Upload a PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX) file or an image (PNG, JPEG, WebP).";

export function resourceFilesDir() {
  return path.resolve(getEnv().DATA_DIR, "uploads", "resources");
}

/** A download name people recognise, with the extension of what the file really is. */
export function downloadName(original: string, mime: string) {
  const ext = RESOURCE_FILE_TYPES[mime]?.ext ?? "bin";
  const base = stripUnsafeChars(path.basename(original.replace(/\\/g, "/")))
    .replace(/\.[^.]*$/, "")
    .replace(/[\t\r\n"]/g, " ")
    .trim()
    .slice(0, 120);
  return `${base || "resource"}.${ext}`;
}

/**
 * What a file really is, from its bytes: file-type reads the signature (PDF's %PDF; for DOCX, PPTX
 * and XLSX the ZIP's [Content_Types].xml part), and sharp must be able to decode an image. The name
 * and the type the browser declared are never trusted: a renamed program is refused.
 */
export async function checkResourceFile(file: UploadedFile): Promise<Result<CheckedFile>> {
  const wrong = (message: string, code = "file") => fail(code, message, { file: message });
  if (file.size > MAX_RESOURCE_FILE_BYTES) return wrong(FILE_TOO_LARGE, "too_large");
  const bytes = Buffer.from(await file.bytes());
  if (!bytes.length) return wrong("The file is empty.");
  if (bytes.length > MAX_RESOURCE_FILE_BYTES) return wrong(FILE_TOO_LARGE, "too_large");
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!found || !RESOURCE_FILE_TYPES[found.mime]) return wrong(`This file is not one we accept. ${ACCEPTED}`);
  if (found.mime.startsWith("image/")) {
    try {
      const meta = await sharp(bytes).metadata();
      if ((meta.width ?? 0) * (meta.height ?? 0) > 100_000_000) return wrong("The image has too many pixels.");
      await sharp(bytes).stats();
    } catch {
      return wrong("This image could not be read.");
    }
  }
  return ok({ bytes, mime: found.mime, name: downloadName(file.name, found.mime), size: bytes.length });
}

/** Stores a checked file under DATA_DIR with a name we choose; returns that name. */
export async function storeResourceFile(file: CheckedFile) {
  const dir = resourceFilesDir();
  await fs.mkdir(dir, { recursive: true });
  const key = `${crypto.randomBytes(16).toString("hex")}.${RESOURCE_FILE_TYPES[file.mime]!.ext}`;
  await fs.writeFile(path.join(dir, key), file.bytes, { flag: "wx" });
  return key;
}

/** The stored bytes for a key from the database (never a path from the request). */
export function readResourceFile(key: string) {
  return fs.readFile(path.join(resourceFilesDir(), path.basename(key))).catch(() => null);
}

export async function removeResourceFile(key: string | null | undefined) {
  if (key) await fs.rm(path.join(resourceFilesDir(), path.basename(key)), { force: true });
}
