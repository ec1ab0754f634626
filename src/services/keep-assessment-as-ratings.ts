import { AppError, invalidInput } from "../domain/errors.js";
import type { FitResult } from "../domain/fit/index.js";
import type { Person, Rating } from "../domain/people.js";
import type { AssessmentRepository, AuditLog } from "./assessment-ports.js";
import type { Library } from "./library.js";
import type { PeopleRepository } from "./people-ports.js";

export type KeepAssessmentAsRatingsDeps = {
  assessments: AssessmentRepository;
  people: PeopleRepository;
  audit: AuditLog;
  library: Library;
  clock: () => Date;
};

export type KeepAssessmentAsRatingsRequest = {
  /** Who asks: only the person who ran the assessment may keep it. */
  actor: string;
  assessmentId: string;
  /** The person the assessment was of, by their Slack account. */
  slackUserId: string;
};

/** A level the assessment found, with evidence, for one competency of its profile. */
export type EvidencedLevel = { competencyId: number; competency: string; level: number };

export type KeptRatings = {
  person: Person;
  profileTitle: string;
  frameworkName: string;
  ratings: (Rating & { competency: string })[];
};

/**
 * What an assessment can give as ratings: each competency it found evidence of, at the level shown.
 * Competencies without evidence say nothing about the person, so they are not rated at all.
 */
export function evidencedLevels(fit: FitResult): EvidencedLevel[] {
  return fit.competencies
    .filter((c) => c.status !== "no_evidence" && c.demonstratedLevel > 0)
    .map((c) => ({ competencyId: c.competencyId, competency: c.name, level: c.demonstratedLevel }));
}

/** The stored assessment, if `actor` ran it. */
export async function ownAssessmentLevels(
  assessments: AssessmentRepository,
  actor: string,
  assessmentId: string,
): Promise<{ fit: FitResult; levels: EvidencedLevel[] }> {
  const record = await assessments.findById(assessmentId);
  if (!record) throw new AppError("NOT_FOUND", "That assessment no longer exists (it may have been erased).");
  if (record.actor !== actor) {
    throw new AppError("FORBIDDEN", "Only the person who ran this assessment can keep it as ratings.");
  }
  const fit = record.details as FitResult;
  return { fit, levels: evidencedLevels(fit) };
}

/**
 * Keeps a candidate's assessment as evidence-derived ratings of a person in the people store: each
 * competency shown with evidence, at the level shown, source ASSESSMENT, dated now. They replace earlier
 * ASSESSMENT ratings of the same competencies and leave every other rating. Nothing is saved when the
 * person is not in the store (NOT_FOUND) or the assessment found no evidence (INVALID_INPUT).
 */
export async function keepAssessmentAsRatings(
  deps: KeepAssessmentAsRatingsDeps,
  request: KeepAssessmentAsRatingsRequest,
): Promise<KeptRatings> {
  const { fit, levels } = await ownAssessmentLevels(deps.assessments, request.actor, request.assessmentId);
  // Competencies are stored per framework; one the library no longer holds cannot be rated.
  const current = new Set(
    deps.library.getProfile(fit.profileId)?.competencies.map((requirement) => requirement.competencyId),
  );
  const kept = levels.filter((level) => current.has(level.competencyId));
  if (kept.length === 0) {
    throw invalidInput(
      "This assessment shows no evidence of any competency its profile still asks for, so there is nothing to keep.",
    );
  }
  const found = await deps.people.findPersonBySlackUserId(request.slackUserId);
  if (!found) {
    throw new AppError(
      "NOT_FOUND",
      "That person is not in the people store (people are loaded with `competency-bot import people`), so nothing was saved.",
    );
  }
  const { ratings: _earlier, ...person } = found;
  const ratedAt = deps.clock();
  const ratings = kept.map(({ competencyId, competency, level }) => ({
    competencyId,
    competency,
    level,
    source: "ASSESSMENT" as const,
    ratedAt,
  }));
  await deps.people.savePersonRatings(
    person.id,
    ratings.map(({ competency: _name, ...rating }) => rating),
  );
  await deps.audit.record({
    actor: request.actor,
    action: "keep_assessment_ratings",
    target: `person:${person.id}`,
    outcome: "ok",
    detail: { assessmentId: request.assessmentId, ratings: ratings.length },
  });
  return { person, profileTitle: fit.title, frameworkName: fit.frameworkName, ratings };
}
