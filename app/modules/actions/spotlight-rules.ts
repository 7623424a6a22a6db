import type { Prisma } from "#app/generated/prisma/client.ts";

/** The one visibility rule: a Spotlight is public once published; drafts are for organisers, who see them as a preview. */
export const PUBLISHED_SPOTLIGHT = { status: "published" } satisfies Prisma.SpotlightWhereInput;
