import type { PrismaClient } from "../../generated/prisma/client.js";

/** Claims of recurring jobs queue on this lock; an instance that finds it taken skips instead of waiting. */
const RECURRING_JOB_LOCK_KEY = 72707371;

/** A job claimed for this period; `previous` is when it last ran before, to give the period back on failure. */
export type JobClaim = { name: string; claimedAt: Date; previous: Date | null };

/** When each recurring job last ran, shared by every instance, so a job runs once a period. */
export type RecurringJobRepository = {
  /**
   * Claims `name` for the period starting `now`, unless another instance holds the claim lock right now
   * or the job already ran less than `periodMs` ago; null means skip.
   */
  claim(name: string, now: Date, periodMs: number): Promise<JobClaim | null>;
  /** A claimed run failed: the job is due again, unless it was claimed anew since. */
  release(claim: JobClaim): Promise<void>;
};

export function createRecurringJobRepository(prisma: PrismaClient): RecurringJobRepository {
  return {
    claim: (name, now, periodMs) =>
      prisma.$transaction(async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          "SELECT pg_try_advisory_xact_lock($1) AS locked",
          RECURRING_JOB_LOCK_KEY,
        );
        if (!lock?.locked) return null;
        const job = await tx.recurringJob.findUnique({ where: { name }, select: { lastRunAt: true } });
        if (job && now.getTime() - job.lastRunAt.getTime() < periodMs) return null;
        await tx.recurringJob.upsert({
          where: { name },
          create: { name, lastRunAt: now },
          update: { lastRunAt: now },
          select: { name: true },
        });
        return { name, claimedAt: now, previous: job?.lastRunAt ?? null };
      }),
    async release({ name, claimedAt, previous }) {
      if (previous) {
        await prisma.recurringJob.updateMany({
          where: { name, lastRunAt: claimedAt },
          data: { lastRunAt: previous },
        });
      } else {
        await prisma.recurringJob.deleteMany({ where: { name, lastRunAt: claimedAt } });
      }
    },
  };
}
