import { stringify } from "csv-stringify/sync";
import { countryName } from "#app/utils/countries.ts";
import { prisma } from "#app/utils/db.server.ts";

/** Spreadsheet apps run cells starting like formulas; a leading apostrophe keeps them text. */
function cell(value: string | null | undefined) {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Every question of a session, for organisers (authors of anonymous questions included, marked). */
export async function questionsCsv(coffeeId: string): Promise<string> {
  const rows = await prisma.qaQuestion.findMany({
    where: { coffeeId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      status: true,
      pinned: true,
      voteCount: true,
      anonymous: true,
      body: true,
      answer: true,
      answeredAt: true,
      author: { select: { name: true, email: true, country: true, institution: true } },
      answeredBy: { select: { name: true } },
    },
  });
  return stringify(
    rows.map((r) => [
      r.id,
      r.createdAt.toISOString(),
      r.status,
      r.pinned ? "yes" : "no",
      r.voteCount,
      r.anonymous ? "yes" : "no",
      cell(r.author?.name),
      cell(r.author?.email),
      r.author?.country ? countryName(r.author.country) : "",
      cell(r.author?.institution),
      cell(r.body),
      cell(r.answer),
      cell(r.answeredBy?.name),
      r.answeredAt?.toISOString() ?? "",
    ]),
    {
      header: true,
      columns: ["id", "asked_at", "status", "pinned", "votes", "anonymous", "author", "author_email", "member_state", "institution", "question", "answer", "answered_by", "answered_at"],
    },
  );
}
