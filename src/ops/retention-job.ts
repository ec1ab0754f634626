import type { JobClaim } from "../adapters/db/recurring-job-repository.js";
import {
  type PurgeCandidateTextDeps,
  type PurgedCandidateText,
  purgeCandidateText,
} from "../services/purge-candidate-text.js";

export const RETENTION_JOB = "retention";

/** How often candidate text past its retention is dropped, across all instances together. */
export const RETENTION_PERIOD_MS = 60 * 60 * 1000;

/** Slack stops retrying a request within the hour; its key is kept a day. */
const REQUEST_KEYS_KEPT_MS = 24 * 60 * 60 * 1000;

export type RetentionJobDeps = Omit<PurgeCandidateTextDeps, "clock"> & {
  jobs: {
    claim(name: string, now: Date, periodMs: number): Promise<JobClaim | null>;
    release(claim: JobClaim): Promise<void>;
  };
  processedRequests: { forgetBefore(cutoff: Date): Promise<number> };
  clock: () => Date;
  periodMs?: number;
};

export type RetentionRun = { ran: false } | ({ ran: true; requestKeys: number } & PurgedCandidateText);

/**
 * The retention purge, at most once a period whichever instance gets there first: candidate text past
 * its retention (and model answers about it) is dropped, and request keys past Slack's retries are
 * forgotten. A run that fails gives its period back, so the next attempt, on any instance, runs it.
 */
export async function runRetentionJob(deps: RetentionJobDeps): Promise<RetentionRun> {
  const now = deps.clock();
  const claim = await deps.jobs.claim(RETENTION_JOB, now, deps.periodMs ?? RETENTION_PERIOD_MS);
  if (!claim) return { ran: false };
  try {
    const purged = await purgeCandidateText({ ...deps, clock: () => now }, "retention-job");
    const requestKeys = await deps.processedRequests.forgetBefore(
      new Date(now.getTime() - REQUEST_KEYS_KEPT_MS),
    );
    return { ran: true, ...purged, requestKeys };
  } catch (error) {
    await deps.jobs.release(claim).catch(() => {});
    throw error;
  }
}
