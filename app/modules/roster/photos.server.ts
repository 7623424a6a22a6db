import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { prisma } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { fail, ok, type Result } from "#app/utils/result.ts";
import { MAX_PHOTO_BYTES } from "./taxonomy.ts";

const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp"];
const ACCEPTED_FORMATS = ["jpeg", "png", "webp"];
const SIZE = 480;

export function uploadsDir() {
  return path.resolve(getEnv().DATA_DIR, "uploads", "experts");
}

/**
 * Checks a photo (declared type, size, and what the bytes really are), resizes it to a square
 * WebP without metadata, stores it under DATA_DIR/uploads and points the profile at it.
 */
export async function saveExpertPhoto(userId: string, file: { type: string; size: number; bytes: () => Promise<ArrayBuffer> }): Promise<Result<null>> {
  const wrong = (message: string) => fail("photo", message, { photo: message });
  if (!file.size) return wrong("Choose a photo to upload.");
  if (file.size > MAX_PHOTO_BYTES) return wrong("The photo is too large: use one under 3 MB.");
  if (!ACCEPTED_TYPES.includes(file.type)) return wrong("Use a JPEG, PNG or WebP photo.");
  const profile = await prisma.expertProfile.findUnique({ where: { userId }, select: { photoPath: true } });
  if (!profile) return wrong("Save your expert profile first, then add a photo.");
  const input = Buffer.from(await file.bytes());
  let output: Buffer;
  try {
    const meta = await sharp(input).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.includes(meta.format)) return wrong("This file is not a JPEG, PNG or WebP photo.");
    if ((meta.width ?? 0) * (meta.height ?? 0) > 40_000_000) return wrong("The photo has too many pixels.");
    output = await sharp(input).rotate().resize(SIZE, SIZE, { fit: "cover", position: "attention" }).webp({ quality: 82 }).toBuffer();
  } catch {
    return wrong("This file could not be read as a photo.");
  }
  const dir = uploadsDir();
  await fs.mkdir(dir, { recursive: true });
  const name = `${userId}-${crypto.randomBytes(6).toString("hex")}.webp`;
  await fs.writeFile(path.join(dir, name), output);
  await prisma.expertProfile.update({ where: { userId }, data: { photoPath: name } });
  if (profile.photoPath) await fs.rm(path.join(dir, path.basename(profile.photoPath)), { force: true });
  return ok(null);
}

export async function removeExpertPhoto(userId: string) {
  const profile = await prisma.expertProfile.findUnique({ where: { userId }, select: { photoPath: true } });
  if (!profile?.photoPath) return;
  await prisma.expertProfile.update({ where: { userId }, data: { photoPath: null } });
  await fs.rm(path.join(uploadsDir(), path.basename(profile.photoPath)), { force: true });
}

/** The stored file for a photo name from the database (never a path from the request). */
export async function readExpertPhoto(photoPath: string) {
  return fs.readFile(path.join(uploadsDir(), path.basename(photoPath))).catch(() => null);
}
