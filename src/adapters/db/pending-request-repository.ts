import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

export type PendingRequest = { id: string; actor: string; payload: unknown; expiresAt: Date };

/** Requests waiting for the user's next step, shared by every instance through the database. */
export type PendingRequestRepository = {
  save(request: PendingRequest): Promise<void>;
  /** The request under `id` unless it expired by `now`. */
  findUnexpired(id: string, now: Date): Promise<{ actor: string; payload: unknown } | null>;
  /** Deletes the requests expired by `now` (their payload is candidate text); returns how many. */
  deleteExpired(now: Date): Promise<number>;
};

export function createPendingRequestRepository(prisma: PrismaClient): PendingRequestRepository {
  return {
    async save({ id, actor, payload, expiresAt }) {
      await prisma.pendingRequest.create({
        data: { id, actor, payload: payload as Prisma.InputJsonValue, expiresAt },
        select: { id: true },
      });
    },
    async findUnexpired(id, now) {
      return prisma.pendingRequest.findFirst({
        where: { id, expiresAt: { gt: now } },
        select: { actor: true, payload: true },
      });
    },
    async deleteExpired(now) {
      const { count } = await prisma.pendingRequest.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}
