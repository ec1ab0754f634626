import { randomUUID } from "node:crypto";
import { assessFit, type FitResult, withGapQuestions } from "../domain/fit/index.js";
import { storableText } from "../domain/storable-text.js";
import type { AssessmentRepository } from "./assessment-ports.js";
import { getProfileById } from "./find-profile.js";
import type { Library } from "./library.js";

/** Reads a summary against a profile: the local engine, or a model-backed one that falls back to it. */
export type FitAssessor = (summary: string, profileId: number) => Promise<FitResult>;

export type AssessCandidateDeps = {
  library: Library;
  assessments: AssessmentRepository;
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
const CLEANED_NOTICE =
  "The summary held characters that cannot be stored (NUL, or half of a character); they were removed or replaced before it was read.";

/** Assesses a candidate's fit for one profile and stores the assessment with its audit record. */
export async function assessCandidate(
  deps: AssessCandidateDeps,
  request: AssessCandidateRequest,
): Promise<AssessCandidateResult> {
  const profile = getProfileById(deps.library, request.profileId);
  // A model's reading costs a call and money: a repeated request gets the first assessment without one.
  // (The local engine reads in about a millisecond; the insert below catches its repeats.)
  if (deps.assessor && request.requestKey) {
    const first = await deps.assessments.findByRequestKey(request.requestKey);
    if (first)
      return {
        assessmentId: first.id,
        fit: withGapQuestions(first.details as FitResult, profile),
        duplicate: true,
      };
  }
  // Read as it will be stored, so every quote's offsets point into the stored text.
  const summary = storableText(request.summary);
  const read = deps.assessor ? await deps.assessor(summary, profile.id) : assessFit(summary, profile);
  const fit =
    summary === request.summary ? read : { ...read, notices: [...(read.notices ?? []), CLEANED_NOTICE] };
  const now = deps.clock();
  const keepText = deps.retentionDays > 0;
  const assessmentId = randomUUID();
  const { record, duplicate } = await deps.assessments.create(
    {
      id: assessmentId,
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
      summaryText: keepText ? summary : null,
      purgeAfter: keepText ? new Date(now.getTime() + deps.retentionDays * DAY_MS) : null,
      requestKey: request.requestKey ?? null,
    },
    {
      actor: request.actor,
      action: "assess_fit",
      target: `${profile.frameworkName}/${profile.title}`,
      outcome: "ok",
      engine: fit.engine,
      detail: { assessmentId, profileVersion: profile.version, overall: fit.overall },
    },
  );
  // A repeated request gets the first assessment, as it was shown.
  const shown = duplicate ? withGapQuestions(record.details as FitResult, profile) : fit;
  return { assessmentId: record.id, fit: shown, duplicate };
}
