import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { ExtractionCache } from "../../services/model-evidence-ports.js";

export interface ExtractionCacheRepository extends ExtractionCache {
  /** Deletes entries created before `cutoff` (they hold model rationales about candidates); returns how many. */
  purgeCreatedBefore(cutoff: Date): Promise<number>;
}

export function createExtractionCacheRepository(prisma: PrismaClient): ExtractionCacheRepository {
  return {
    async find(key) {
      const row = await prisma.extractionCache.findUnique({ where: { key }, select: { result: true } });
      return row ? row.result : null;
    },
    async save(key, result) {
      // INSERT … ON CONFLICT DO NOTHING: the first answer stored under a key stays.
      await prisma.extractionCache.createMany({
        data: [{ key, result: result as Prisma.InputJsonValue }],
        skipDuplicates: true,
      });
    },
    async purgeCreatedBefore(cutoff) {
      const { count } = await prisma.extractionCache.deleteMany({ where: { createdAt: { lt: cutoff } } });
      return count;
    },
  };
}
