import type { AssessmentRepository, AuditLog } from "./assessment-ports.js";

export type PurgeCandidateTextDeps = {
  assessments: AssessmentRepository;
  audit: AuditLog;
  clock: () => Date;
  /** Also forgets model answers about candidates older than the retention period, when OpenAI is used. */
  purgeModelCache?: (before: Date) => Promise<number>;
  /** Also deletes expired summaries that waited for a profile to be chosen (the app's housekeeping does too). */
  pendingSummaries?: { deleteExpired(now: Date): Promise<number> };
  retentionDays: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export type PurgedCandidateText = { assessments: number; cachedAnswers: number; pendingSummaries: number };

/**
 * Drops candidate text (and the evidence quoted from it) from assessments past their retention date.
 * Run by the app on a timer and by `competency-bot purge`; safe to run on several instances at once.
 */
export async function purgeCandidateText(
  deps: PurgeCandidateTextDeps,
  actor: string,
): Promise<PurgedCandidateText> {
  const now = deps.clock();
  const assessments = await deps.assessments.purgeTextOlderThan(now);
  const cachedAnswers = deps.purgeModelCache
    ? await deps.purgeModelCache(new Date(now.getTime() - deps.retentionDays * DAY_MS))
    : 0;
  const pendingSummaries = deps.pendingSummaries ? await deps.pendingSummaries.deleteExpired(now) : 0;
  const purged = { assessments, cachedAnswers, pendingSummaries };
  if (Object.values(purged).some((count) => count > 0) || actor !== "retention-job") {
    await deps.audit.record({ actor, action: "purge_candidate_text", outcome: "ok", detail: purged });
  }
  return purged;
}
