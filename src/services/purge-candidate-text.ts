import type { AssessmentRepository, AuditLog } from "./assessment-ports.js";

export type PurgeCandidateTextDeps = {
  assessments: AssessmentRepository;
  audit: AuditLog;
  clock: () => Date;
  /** Also forgets model answers about candidates older than the retention period, when OpenAI is used. */
  purgeModelCache?: (before: Date) => Promise<number>;
  retentionDays: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Drops candidate text (and the evidence quoted from it) from assessments past their retention date.
 * Run by the app on a timer and by `competency-bot purge`; safe to run on several instances at once.
 */
export async function purgeCandidateText(
  deps: PurgeCandidateTextDeps,
  actor: string,
): Promise<{ assessments: number; cachedAnswers: number }> {
  const now = deps.clock();
  const assessments = await deps.assessments.purgeTextOlderThan(now);
  const cachedAnswers = deps.purgeModelCache
    ? await deps.purgeModelCache(new Date(now.getTime() - deps.retentionDays * DAY_MS))
    : 0;
  if (assessments > 0 || cachedAnswers > 0 || actor !== "retention-job") {
    await deps.audit.record({
      actor,
      action: "purge_candidate_text",
      outcome: "ok",
      detail: { assessments, cachedAnswers },
    });
  }
  return { assessments, cachedAnswers };
}
