import { compareProfiles as compareDomain } from "../../domain/compare.js";
import { AppError } from "../../domain/errors.js";
import { type FitResult, withGapQuestions } from "../../domain/fit/index.js";
import type { AssessmentRecord } from "../../services/assessment-ports.js";
import { getProfileById } from "../../services/find-profile.js";
import type { Library } from "../../services/library.js";
import type { Subject } from "../action-values.js";
import { sharedBy } from "../blocks/common.js";
import { comparisonMessage, comparisonModal } from "../blocks/compare.js";
import { fitCompetenciesModal, fitMessage } from "../blocks/fit.js";
import type { Message, ModalView } from "../blocks/limits.js";
import { matchMessage } from "../blocks/match.js";
import { profileMessage, profileModal } from "../blocks/profile.js";
import { searchMessage } from "../blocks/search.js";
import type { SlackDeps } from "../deps.js";
import { ensureAllowed, isAllowed, sourceOf } from "./answer.js";
import { allSuccessors } from "./succession.js";

const SEARCH_LIMIT = 10;

/**
 * An answer as it is posted to the channel when its requester shares it: rebuilt from ids, so what is
 * shared is exactly what the value names. An assessment shares its scores and statuses; its quotes only
 * when the sharer chose "Share with evidence".
 */
export async function sharedMessage(deps: SlackDeps, userId: string, subject: Subject): Promise<Message> {
  const library = await deps.library();
  const shared = sharedBy(userId);
  switch (subject.k) {
    case "profile": {
      await ensureAllowed(deps, userId, "show_profile");
      const profile = getProfileById(library, subject.id);
      return profileMessage(profile, await sourceOf(deps, library, profile.frameworkName), { shared });
    }
    case "compare":
      await ensureAllowed(deps, userId, "compare_profiles");
      return comparisonMessage(
        compareDomain(getProfileById(library, subject.a), getProfileById(library, subject.b)),
        { shared },
      );
    case "search":
      await ensureAllowed(deps, userId, "search_profiles");
      return searchMessage(subject.q, library.search(subject.q, { limit: SEARCH_LIMIT }), { shared });
    case "fit": {
      const record = await ownAssessment(deps, userId, subject.aid);
      return fitMessage({
        assessmentId: record.id,
        fit: fitOf(record, library),
        audience: "channel",
        includeEvidence: subject.ev === 1,
        sharedBy: userId,
      });
    }
    case "match": {
      await ensureAllowed(deps, userId, "match_candidate");
      const results = subject.r.flatMap(([profileId, score, general, technical]) => {
        const profile = library.getProfile(profileId);
        if (!profile) return [];
        const { title, frameworkName, family } = profile;
        return [
          { profileId, title, frameworkName, family, score, general, technical, relevance: 0, matchScore: 0 },
        ];
      });
      return matchMessage({
        results,
        sharedBy: userId,
        ...(subject.fw ? { framework: subject.fw } : {}),
        ...(subject.fa ? { family: subject.fa } : {}),
      });
    }
    case "successors":
    case "person_successors":
      // Succession ranks colleagues by name: it is seen in private, never posted to a channel.
      throw new AppError("INVALID_INPUT", "Successor lists are not shared in channels.");
  }
}

/** All of an answer that was shortened to fit a message, in a modal. */
export async function fullView(deps: SlackDeps, userId: string, subject: Subject): Promise<ModalView> {
  const library = await deps.library();
  switch (subject.k) {
    case "profile": {
      await ensureAllowed(deps, userId, "show_profile");
      const profile = getProfileById(library, subject.id);
      return profileModal(profile, await sourceOf(deps, library, profile.frameworkName));
    }
    case "compare":
      await ensureAllowed(deps, userId, "compare_profiles");
      return comparisonModal(
        compareDomain(getProfileById(library, subject.a), getProfileById(library, subject.b)),
      );
    case "fit": {
      const record = await ownAssessment(deps, userId, subject.aid);
      return fitCompetenciesModal({ assessmentId: record.id, fit: fitOf(record, library) });
    }
    case "successors":
    case "person_successors":
      return allSuccessors(deps, userId, subject);
    default:
      throw new AppError("INVALID_INPUT", "There is nothing more to show for this answer.");
  }
}

/** An assessment in full (quotes included), privately, for the person who ran it. */
export async function evidenceMessage(
  deps: SlackDeps,
  userId: string,
  assessmentId: string,
): Promise<Message> {
  const record = await ownAssessment(deps, userId, assessmentId);
  return fitMessage({
    assessmentId: record.id,
    fit: fitOf(record, await deps.library()),
    audience: "requester",
    keepAsRatings: await isAllowed(deps, userId, "keep_assessment_ratings"),
  });
}

/**
 * The assessment, if this user ran it: quotes from a candidate's text are shown and shared by the person
 * who pasted it, not by whoever can see a button.
 */
async function ownAssessment(
  deps: SlackDeps,
  userId: string,
  assessmentId: string,
): Promise<AssessmentRecord> {
  await ensureAllowed(deps, userId, "view_assessment");
  const record = await deps.assessments.findById(assessmentId);
  if (!record) throw new AppError("NOT_FOUND", "That assessment no longer exists (it may have been erased).");
  if (record.actor !== userId) {
    throw new AppError(
      "FORBIDDEN",
      `Only <@${record.actor}>, who ran this assessment, can open or share it.`,
    );
  }
  return record;
}

/**
 * The stored result as it was shown, interview questions written again from the profile when it has not
 * changed since; quotes are gone once the candidate's text was purged.
 */
function fitOf(record: AssessmentRecord, library: Library): FitResult {
  const fit = record.details as FitResult;
  const profile = record.profileId === null ? undefined : library.getProfile(record.profileId);
  return profile ? withGapQuestions(fit, profile) : fit;
}
