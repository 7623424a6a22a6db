import { Prisma } from "#app/generated/prisma/client.ts";
import { lockRows, prisma } from "#app/utils/db.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";

export type VoteOutcome = { voteCount: number; status: string } | null;
type Job = { questionId: string; userId: string; value: 0 | 1; resolve: (r: VoteOutcome) => void; reject: (e: unknown) => void };

const BATCH = 250;
const writer = singleton("qa-vote-writer", () => ({ queue: [] as Job[], running: false }));

/**
 * Group commit: votes that arrive while a transaction is running are written together in the
 * next one, so a burst costs a few transactions rather than one each. Each vote row changes only
 * while its question is published; each touched question's count is recomputed from the vote rows
 * (COUNT(*)) in the same transaction and returned with its status. The touched questions are
 * locked first, so when two processes write votes at once the later count sees the earlier votes.
 */
export function writeVote(job: Omit<Job, "resolve" | "reject">): Promise<VoteOutcome> {
  return new Promise((resolve, reject) => {
    writer.queue.push({ ...job, resolve, reject });
    if (!writer.running) {
      writer.running = true;
      setImmediate(() => void drain());
    }
  });
}

async function drain() {
  try {
    while (writer.queue.length) {
      const batch = writer.queue.splice(0, BATCH);
      const questionIds = [...new Set(batch.map((j) => j.questionId))];
      try {
        const now = new Date();
        // One statement each way for the whole batch (a round trip per vote made PostgreSQL slow,
        // decision 127); each person's last vote on a question in the batch wins, in arrival order.
        const last = new Map<string, Job>();
        for (const j of batch) last.set(`${j.questionId}\u0000${j.userId}`, j);
        const pairs = (value: 0 | 1) => [...last.values()].filter((j) => j.value === value).map((j) => Prisma.sql`(${j.questionId}, ${j.userId})`);
        const ups = pairs(1);
        const downs = pairs(0);
        const changes = [
          ...(ups.length
            ? [prisma.$executeRaw`INSERT INTO "QaVote" ("questionId", "userId", "createdAt") SELECT q."id", v.column2, ${now} FROM "QaQuestion" q, (VALUES ${Prisma.join(ups)}) v WHERE q."id" = v.column1 AND q."status" IN ('approved', 'answered') ON CONFLICT DO NOTHING`]
            : []),
          ...(downs.length
            ? [prisma.$executeRaw`DELETE FROM "QaVote" WHERE ("questionId", "userId") IN (VALUES ${Prisma.join(downs)}) AND "questionId" IN (SELECT "id" FROM "QaQuestion" WHERE "status" IN ('approved', 'answered'))`]
            : []),
        ];
        const counts = questionIds.map(
          (id) =>
            prisma.$queryRaw<{ voteCount: number | bigint; status: string }[]>`UPDATE "QaQuestion" SET "voteCount" = (SELECT COUNT(*) FROM "QaVote" WHERE "questionId" = ${id}) WHERE "id" = ${id} RETURNING "voteCount", "status"`,
        );
        const results = (await prisma.$transaction([lockRows(prisma, "QaQuestion", questionIds), ...changes, ...counts])).slice(1);
        const byId = new Map<string, VoteOutcome>();
        questionIds.forEach((id, i) => {
          const row = (results[changes.length + i] as { voteCount: number | bigint; status: string }[])[0];
          byId.set(id, row ? { voteCount: Number(row.voteCount), status: row.status } : null);
        });
        for (const j of batch) j.resolve(byId.get(j.questionId) ?? null);
      } catch (error) {
        for (const j of batch) j.reject(error);
      }
    }
  } finally {
    writer.running = false;
  }
}
