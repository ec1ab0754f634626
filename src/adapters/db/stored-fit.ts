import { type CompetencyFit, type FitResult, gapQuestion } from "../../domain/fit/index.js";

/**
 * How a fit result is kept in `Assessment.details`: the result without what can be worked out again.
 * `strengths` and `gaps` list entries of `competencies` (kept as ids, in their order), and each gap's
 * interview question is written from the profile. Whole, the result was about 34 KB for an O*NET
 * profile; above about 8 KB PostgreSQL compresses a value and moves it out of the row, which on the
 * embedded store cost more than everything else in storing an assessment. The scores, every
 * competency's level, status, evidence and rationale are kept as shown.
 */
export type StoredFit = Omit<FitResult, "strengths" | "gaps"> & { strengthIds: number[]; gapIds: number[] };

export function toStoredFit(fit: FitResult): StoredFit {
  const { strengths, gaps, ...rest } = fit;
  return {
    ...rest,
    strengthIds: strengths.map((strength) => strength.competencyId),
    gapIds: gaps.map((gap) => gap.competency.competencyId),
  };
}

/**
 * The fit result a stored one was made from, its gap questions written from each competency's name and
 * level (`withGapQuestions` writes them from the profile). Results stored whole (before this form) pass
 * through.
 */
export function fromStoredFit(stored: unknown): FitResult {
  const value = stored as StoredFit | FitResult;
  if (!("strengthIds" in value)) return value;
  const { strengthIds, gapIds, ...rest } = value;
  const byId = new Map(rest.competencies.map((competency) => [competency.competencyId, competency]));
  const competency = (id: number): CompetencyFit => {
    const found = byId.get(id);
    if (!found) throw new Error(`Stored fit names competency ${id}, which it does not hold.`);
    return found;
  };
  return {
    ...rest,
    strengths: strengthIds.map(competency),
    gaps: gapIds.map((id) => ({
      competency: competency(id),
      question: gapQuestion(competency(id)),
    })),
  };
}
