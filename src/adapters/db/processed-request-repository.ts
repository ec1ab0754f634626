import type { PrismaClient } from "../../generated/prisma/client.js";

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
  return {
    async claim(key) {
      const { count } = await prisma.processedRequest.createMany({ data: [{ key }], skipDuplicates: true });
      return count === 1;
    },
    async forgetBefore(cutoff) {
      const { count } = await prisma.processedRequest.deleteMany({ where: { createdAt: { lt: cutoff } } });
      return count;
    },
  };
}
