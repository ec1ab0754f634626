import { randomUUID } from "node:crypto";
import { assessFit, type FitResult } from "../domain/fit/index.js";
import type { AssessmentRepository, AuditLog } from "./assessment-ports.js";
import { getProfileById } from "./find-profile.js";
import type { Library } from "./library.js";

/** Reads a summary against a profile: the local engine, or a model-backed one that falls back to it. */
export type FitAssessor = (summary: string, profileId: number) => Promise<FitResult>;

export type AssessCandidateDeps = {
  library: Library;
  assessments: AssessmentRepository;
  audit: AuditLog;
  clock: () => Date;
  /** Days the candidate's text is kept; 0 keeps none. */
  retentionDays: number;
  assessor?: FitAssessor;
};

export type AssessCandidateRequest = {
  actor: string;
  profileId: number;
  summary: string;
  /** Identifies the request, so a retried delivery returns the first result instead of assessing again. */
  requestKey?: string;
};

export type AssessCandidateResult = { assessmentId: string; fit: FitResult; duplicate: boolean };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Assesses a candidate's fit for one profile, stores the assessment and writes its audit record. */
export async function assessCandidate(
  deps: AssessCandidateDeps,
  request: AssessCandidateRequest,
): Promise<AssessCandidateResult> {
  if (request.requestKey) {
    const earlier = await deps.assessments.findByRequestKey(request.requestKey);
    if (earlier) return { assessmentId: earlier.id, fit: earlier.details as FitResult, duplicate: true };
  }
  const profile = getProfileById(deps.library, request.profileId);
  const fit = deps.assessor
    ? await deps.assessor(request.summary, profile.id)
    : assessFit(request.summary, profile);
  const now = deps.clock();
  const keepText = deps.retentionDays > 0;
  const { record, duplicate } = await deps.assessments.create({
    id: randomUUID(),
    actor: request.actor,
    createdAt: now,
    profileId: profile.id,
    profileTitle: profile.title,
    frameworkName: profile.frameworkName,
    profileVersion: profile.version,
    engine: fit.engine,
    overall: fit.overall,
    general: fit.general,
    technical: fit.technical,
    band: fit.band,
    details: fit,
    summaryText: keepText ? request.summary : null,
    purgeAfter: keepText ? new Date(now.getTime() + deps.retentionDays * DAY_MS) : null,
    requestKey: request.requestKey ?? null,
  });
  if (!duplicate) {
    await deps.audit.record({
      actor: request.actor,
      action: "assess_fit",
      target: `${profile.frameworkName}/${profile.title}`,
      outcome: "ok",
      engine: fit.engine,
      detail: { assessmentId: record.id, profileVersion: profile.version, overall: fit.overall },
    });
  }
  return { assessmentId: record.id, fit: duplicate ? (record.details as FitResult) : fit, duplicate };
}
