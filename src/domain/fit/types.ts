/**
 * What the fit engine says about a candidate: per-competency evidence quoted from the summary, the
 * scored fit against one profile, and matches across profiles.
 */

import type { CompetencyKind } from "../library.js";

/** Longest candidate summary the engine reads, in characters. */
export const MAX_SUMMARY_CHARS = 20_000;

/** A quoted piece of the summary: always `summary.slice(start, end) === text`. */
export type EvidenceSpan = { start: number; end: number; text: string };

export type CompetencyStatus = "meets" | "partial" | "gap" | "no_evidence";

/** One extractor's reading of the summary for one required competency. */
export type CompetencyEvidence = {
  competencyId: number;
  /** 0 (none shown) to 5. */
  demonstratedLevel: number;
  evidence: EvidenceSpan[];
  rationale?: string;
};

export type CompetencyFit = {
  competencyId: number;
  name: string;
  kind: CompetencyKind;
  category: string;
  requiredLevel: number;
  importance: number;
  essential: boolean;
  demonstratedLevel: number;
  status: CompetencyStatus;
  evidence: EvidenceSpan[];
  rationale: string;
};

export type FitBand = "strong" | "partial" | "weak";

export type FitResult = {
  profileId: number;
  title: string;
  frameworkName: string;
  profileVersion: number;
  /** 0–100, from competencies only. */
  overall: number;
  /** 0–100 over general competencies; null when the profile has none. */
  general: number | null;
  /** 0–100 over technical competencies; null when the profile has none. */
  technical: number | null;
  band: FitBand;
  competencies: CompetencyFit[];
  /** Names of essential competencies the summary shows no evidence of. */
  essentialWithoutEvidence: string[];
  strengths: CompetencyFit[];
  gaps: { competency: CompetencyFit; question: string }[];
  /** Which extractor read the summary ("local", or a model's name). */
  engine: string;
  /** What the reader must know about how it was read (text cut to a length, quotes dropped, masking). */
  notices?: string[];
};

export type MatchResult = {
  profileId: number;
  title: string;
  frameworkName: string;
  family: string;
  /** The overall fit, 0–100. */
  score: number;
  general: number | null;
  technical: number | null;
  /** How closely the summary's text matches the profile's, 0–1 relative to the best match. */
  relevance: number;
  /** The key results are ordered by, 0–1: text relevance and fit combined (see docs/decisions/003). */
  matchScore: number;
};

export type RankedCandidate = {
  id: string;
  rank: number;
  overall: number;
  general: number | null;
  technical: number | null;
  band: FitBand;
  essentialWithoutEvidence: string[];
};

/** A summary the engine will not read; `code` is the error code the edges report. */
export class FitInputError extends Error {
  readonly code = "INVALID_INPUT";
  override readonly name = "FitInputError";
}

const numberFormat = new Intl.NumberFormat("en-US");

/** Throws FitInputError for an empty or over-long summary. */
export function validateSummary(summary: string): void {
  if (summary.trim().length === 0) {
    throw new FitInputError("The summary is empty; paste the candidate's résumé or notes.");
  }
  if (summary.length > MAX_SUMMARY_CHARS) {
    throw new FitInputError(
      `The summary is ${numberFormat.format(summary.length)} characters; the limit is ${numberFormat.format(MAX_SUMMARY_CHARS)}.`,
    );
  }
}
