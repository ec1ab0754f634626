/**
 * The fit scoring rule (docs/decisions/003-fit-scoring.md): from per-competency evidence to a
 * deterministic fit. Any extractor's evidence (the local engine's or a model's) goes through this rule.
 */

import type { JobProfile, RequiredCompetency } from "../library.js";
import { behaviouralQuestion } from "./questions.js";
import type { CompetencyEvidence, CompetencyFit, CompetencyStatus, FitBand, FitResult } from "./types.js";

export const STRONG_FIT = 70;
export const PARTIAL_FIT = 40;
/** Essential competencies weigh this much more than others of the same importance. */
export const ESSENTIAL_WEIGHT = 2;
/** Share of the overall fit that technical competencies carry when a profile has both kinds. */
export const TECHNICAL_SHARE = 0.6;
/** The highest overall fit while an essential competency has no evidence: it cannot be "strong". */
export const CAP_WITH_ESSENTIAL_UNKNOWN = STRONG_FIT - 1;

export function bandFor(overall: number): FitBand {
  if (overall >= STRONG_FIT) return "strong";
  if (overall >= PARTIAL_FIT) return "partial";
  return "weak";
}

export function statusFor(demonstrated: number, required: number, hasEvidence: boolean): CompetencyStatus {
  if (!hasEvidence || demonstrated <= 0) return "no_evidence";
  if (demonstrated >= required) return "meets";
  if (demonstrated >= required - 1) return "partial";
  return "gap";
}

/** Credit for one competency, 0–1: full at or above the required level, proportional below it. */
export function creditFor(demonstrated: number, required: number): number {
  if (demonstrated <= 0) return 0;
  return Math.min(1, demonstrated / Math.max(1, required));
}

function weightOf(requirement: Pick<RequiredCompetency, "importance" | "essential">): number {
  return Math.max(1, requirement.importance) * (requirement.essential ? ESSENTIAL_WEIGHT : 1);
}

/** What the scoring rule reads of each competency's fit. */
type ScoredCompetency = Pick<
  CompetencyFit,
  "name" | "kind" | "importance" | "essential" | "requiredLevel" | "demonstratedLevel" | "status"
>;

function groupScore(fits: readonly ScoredCompetency[]): number | null {
  if (fits.length === 0) return null;
  let weighted = 0;
  let total = 0;
  for (const fit of fits) {
    const weight = weightOf(fit);
    weighted += weight * creditFor(fit.demonstratedLevel, fit.requiredLevel);
    total += weight;
  }
  return Math.round((100 * weighted) / total);
}

function clampLevel(level: number): number {
  if (!Number.isFinite(level)) return 0;
  return Math.max(0, Math.min(5, Math.round(level)));
}

/** A required competency as scored, given the level an extractor read and whether it quoted evidence. */
function scoredCompetency(
  requirement: RequiredCompetency,
  level: number,
  hasEvidence: boolean,
): ScoredCompetency {
  const demonstratedLevel = hasEvidence ? Math.max(1, clampLevel(level)) : 0;
  return {
    name: requirement.name,
    kind: requirement.kind,
    importance: requirement.importance,
    essential: requirement.essential,
    requiredLevel: requirement.level,
    demonstratedLevel,
    status: statusFor(demonstratedLevel, requirement.level, hasEvidence),
  };
}

function competencyFit(
  requirement: RequiredCompetency,
  evidence: CompetencyEvidence | undefined,
): CompetencyFit {
  const spans = evidence?.evidence ?? [];
  const hasEvidence = spans.length > 0;
  const { demonstratedLevel, status } = scoredCompetency(
    requirement,
    evidence?.demonstratedLevel ?? 0,
    hasEvidence,
  );
  return {
    competencyId: requirement.competencyId,
    name: requirement.name,
    kind: requirement.kind,
    category: requirement.category,
    requiredLevel: requirement.level,
    importance: requirement.importance,
    essential: requirement.essential,
    demonstratedLevel,
    status,
    evidence: spans,
    rationale: evidence?.rationale ?? (hasEvidence ? "" : "No evidence found."),
  };
}

function byPriority(a: CompetencyFit, b: CompetencyFit): number {
  return (
    Number(b.essential) - Number(a.essential) ||
    b.importance - a.importance ||
    b.requiredLevel - b.demonstratedLevel - (a.requiredLevel - a.demonstratedLevel) ||
    a.name.localeCompare(b.name) ||
    a.competencyId - b.competencyId
  );
}

function byStrength(a: CompetencyFit, b: CompetencyFit): number {
  return (
    b.importance - a.importance ||
    b.demonstratedLevel - b.requiredLevel - (a.demonstratedLevel - a.requiredLevel) ||
    a.name.localeCompare(b.name) ||
    a.competencyId - b.competencyId
  );
}

export type FitTotals = Pick<FitResult, "overall" | "general" | "technical" | "essentialWithoutEvidence">;

function totals(competencies: readonly ScoredCompetency[]): FitTotals {
  const general = groupScore(competencies.filter((fit) => fit.kind === "GENERAL"));
  const technical = groupScore(competencies.filter((fit) => fit.kind === "TECHNICAL"));
  const essentialWithoutEvidence = competencies
    .filter((fit) => fit.essential && fit.status === "no_evidence")
    .map((fit) => fit.name);
  let overall =
    general !== null && technical !== null
      ? Math.round((1 - TECHNICAL_SHARE) * general + TECHNICAL_SHARE * technical)
      : (technical ?? general ?? 0);
  if (essentialWithoutEvidence.length > 0) overall = Math.min(overall, CAP_WITH_ESSENTIAL_UNKNOWN);
  return { overall, general, technical, essentialWithoutEvidence };
}

/**
 * The totals of a fit from the level shown of each competency (by id; 0 or none: no evidence): what a
 * list of matches or a ranking shows, without the quotes and interview questions of `scoreFit`, which
 * gives the same totals for evidence of those levels.
 */
export function fitTotals(profile: JobProfile, levels: ReadonlyMap<number, number>): FitTotals {
  return totals(
    profile.competencies.map((requirement) => {
      const level = levels.get(requirement.competencyId) ?? 0;
      return scoredCompetency(requirement, level, level > 0);
    }),
  );
}

/**
 * The interview question for a competency the summary leaves open: from the requirement's definition and
 * the indicator of the required level when the requirement is at hand, from the name and level alone
 * otherwise.
 */
export function gapQuestion(
  fit: CompetencyFit,
  requirement?: Pick<RequiredCompetency, "definition" | "indicators">,
): string {
  return behaviouralQuestion({
    name: fit.name,
    definition: requirement?.definition ?? "",
    indicators: requirement?.indicators ?? {},
    requiredLevel: fit.requiredLevel,
  });
}

/** The fit with its gaps' questions written from `profile`, when it is the profile and version assessed. */
export function withGapQuestions(fit: FitResult, profile: JobProfile): FitResult {
  if (profile.id !== fit.profileId || profile.version !== fit.profileVersion) return fit;
  const requirements = new Map(
    profile.competencies.map((requirement) => [requirement.competencyId, requirement]),
  );
  return {
    ...fit,
    gaps: fit.gaps.map(({ competency }) => ({
      competency,
      question: gapQuestion(competency, requirements.get(competency.competencyId)),
    })),
  };
}

/** The deterministic scoring rule: same profile and evidence, same result. */
export function scoreFit(
  profile: JobProfile,
  evidence: readonly CompetencyEvidence[],
  engine: string,
): FitResult {
  const byId = new Map(evidence.map((item) => [item.competencyId, item]));
  const competencies = profile.competencies.map((requirement) =>
    competencyFit(requirement, byId.get(requirement.competencyId)),
  );
  const { overall, general, technical, essentialWithoutEvidence } = totals(competencies);
  const strengths = competencies.filter((fit) => fit.status === "meets").sort(byStrength);
  const requirements = new Map(
    profile.competencies.map((requirement) => [requirement.competencyId, requirement]),
  );
  const gaps = competencies
    .filter((fit) => fit.status !== "meets")
    .sort(byPriority)
    .map((fit) => ({ competency: fit, question: gapQuestion(fit, requirements.get(fit.competencyId)) }));
  return {
    profileId: profile.id,
    title: profile.title,
    frameworkName: profile.frameworkName,
    profileVersion: profile.version,
    overall,
    general,
    technical,
    band: bandFor(overall),
    competencies,
    essentialWithoutEvidence,
    strengths,
    gaps,
    engine,
  };
}
