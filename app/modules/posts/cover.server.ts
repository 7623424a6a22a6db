import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { getEnv } from "#app/utils/env.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";

export const MAX_COVER_BYTES = 5 * 1024 * 1024;
const ACCEPTED_FORMATS = ["jpeg", "png", "webp"];
const WIDTH = 1200;

export type UploadedFile = { type: string; size: number; arrayBuffer: () => Promise<ArrayBuffer> };

function coversDir() {
  return path.resolve(getEnv().DATA_DIR, "uploads", "posts");
}

/**
 * Checks a cover image by its bytes (not its declared type), resizes it to at most 1200 px wide
 * WebP without metadata, and stores it; returns the file name to keep on the post.
 */
export async function saveCoverImage(file: UploadedFile): Promise<Result<string>> {
  const wrong = (message: string) => fail("cover", message, { cover: message });
  if (file.size > MAX_COVER_BYTES) return wrong("The image is too large: use one under 5 MB.");
  const input = Buffer.from(await file.arrayBuffer());
  let output: Buffer;
  try {
    const meta = await sharp(input).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.includes(meta.format)) return wrong("This file is not a JPEG, PNG or WebP image.");
    if ((meta.width ?? 0) * (meta.height ?? 0) > 40_000_000) return wrong("The image has too many pixels.");
    output = await sharp(input).rotate().resize({ width: WIDTH, height: 800, fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  } catch {
    return wrong("This file could not be read as an image.");
  }
  await fs.mkdir(coversDir(), { recursive: true });
  const name = `${crypto.randomBytes(12).toString("hex")}.webp`;
  await fs.writeFile(path.join(coversDir(), name), output);
  return ok(name);
}

/** The stored file for a cover name from the database (never a path from the request). */
export function readCoverImage(name: string) {
  return fs.readFile(path.join(coversDir(), path.basename(name))).catch(() => null);
}

export async function removeCoverImage(name: string | null | undefined) {
  if (name) await fs.rm(path.join(coversDir(), path.basename(name)), { force: true });
}
