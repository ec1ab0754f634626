/**
 * The candidate-fit engine: pure, deterministic and local. Reads a candidate summary against job
 * profiles' required competencies, scores the fit, and matches or ranks across a library.
 */

import type { JobProfile } from "../library.js";
import { extractEvidence } from "./evidence.js";
import { scoreFit } from "./scoring.js";
import type { FitResult } from "./types.js";

export { extractEvidence } from "./evidence.js";
export { FitEngine, type MatchOptions } from "./matcher.js";
export { behaviouralQuestion } from "./questions.js";
export { bandFor, gapQuestion, PARTIAL_FIT, STRONG_FIT, scoreFit, withGapQuestions } from "./scoring.js";
export {
  type CompetencyEvidence,
  type CompetencyFit,
  type CompetencyStatus,
  type EvidenceSpan,
  type FitBand,
  FitInputError,
  type FitResult,
  MAX_SUMMARY_CHARS,
  type MatchResult,
  type RankedCandidate,
  validateSummary,
} from "./types.js";

/** The local engine's fit of a summary against one profile. */
export function assessFit(summary: string, profile: JobProfile): FitResult {
  return scoreFit(profile, extractEvidence(summary, profile), "local");
}
