import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import { prisma } from "#app/utils/db.server.ts";

/** Letters and digits nobody confuses when reading them off a screen (no I, O, 0, 1). */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

/** What people type: spaces, dashes and case do not matter. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

function newCode() {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** A Morning Coffee's join code if it has one yet (a read only, for GET requests). */
export async function existingJoinCode(coffeeId: string): Promise<string | null> {
  return (await prisma.morningCoffee.findUnique({ where: { id: coffeeId }, select: { joinCode: true } }))?.joinCode ?? null;
}

/**
 * A Morning Coffee's join code, given when the session is published (or, for one published
 * before that, when the presenter asks for it with a POST) and never changed after
 * (printed slides keep working). The write is idempotent: it only fills an empty column, and a
 * clash with another session's code (1 in ~10^9) draws again.
 */
export async function joinCodeFor(coffeeId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await prisma.morningCoffee.findUnique({ where: { id: coffeeId }, select: { joinCode: true } });
    if (!current) throw new Error(`No Morning Coffee ${coffeeId}`);
    if (current.joinCode) return current.joinCode;
    try {
      await prisma.morningCoffee.updateMany({ where: { id: coffeeId, joinCode: null }, data: { joinCode: newCode() } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  throw new Error("Could not give this Morning Coffee a join code");
}

/** The session a join code belongs to (its slug), or null. */
export async function coffeeByJoinCode(input: string): Promise<{ slug: string } | null> {
  const code = normaliseJoinCode(input);
  if (!code) return null;
  return prisma.morningCoffee.findUnique({ where: { joinCode: code }, select: { slug: true } });
}

/** A QR code as an SVG string, drawn on the server by the maintained `qrcode` library. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
