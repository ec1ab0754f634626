import type { PrismaClient } from "../../generated/prisma/client.js";
import { createWriteBatches, ONE_STATEMENT_AT_A_TIME } from "./write-batches.js";

/** Requests already handled, shared by every instance through the database. */
export type ProcessedRequestRepository = {
  /**
   * Records `key` as handled; true the first time, false when it was already recorded (by this or any
   * other instance). Atomic: of two concurrent claims of one key, exactly one wins.
   */
  claim(key: string): Promise<boolean>;
  /** Forgets keys recorded before `cutoff`; Slack stops retrying within the hour. */
  forgetBefore(cutoff: Date): Promise<number>;
};

export function createProcessedRequestRepository(prisma: PrismaClient): ProcessedRequestRepository {
  // Every request that writes or posts claims its key first, so claims arriving together share a
  // statement; plain SQL, as `createMany({ skipDuplicates })` costs four times as much.
  const claim = createWriteBatches(
    async (keys: string[]) => {
      // The time is the app's, in UTC as Prisma writes it (the column default is the server's local time).
      const claimed = await prisma.$queryRaw<{ key: string }[]>`
        INSERT INTO "ProcessedRequest" ("key", "createdAt") SELECT unnest(${keys}::text[]), ${new Date()}::timestamp(3)
        ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
      // The same key twice in one batch is stored once: the first asker has it.
      const open = new Set(claimed.map((row) => row.key));
      return keys.map((key) => open.delete(key));
    },
    { maxItems: 200, concurrency: ONE_STATEMENT_AT_A_TIME },
  );
  return {
    claim,
    async forgetBefore(cutoff) {
      const { count } = await prisma.processedRequest.deleteMany({ where: { createdAt: { lt: cutoff } } });
      return count;
    },
  };
}
