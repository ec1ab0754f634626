import { AppError } from "../../domain/errors.js";
import {
  type KeptRatings,
  keepAssessmentAsRatings,
  ownAssessmentLevels,
} from "../../services/keep-assessment-as-ratings.js";
import type { KeepRatingsModalState } from "../action-values.js";
import { notice, plural } from "../blocks/common.js";
import { composeMessage, context, literal, type Message, packLines, section } from "../blocks/limits.js";
import { INPUTS, keepRatingsModal } from "../blocks/modals.js";
import type { SlackDeps } from "../deps.js";
import { type Answer, ensureAllowed, message } from "./answer.js";

/**
 * "Keep as ratings of a person…" under a fit: the form to choose the person, for the recruiter who ran
 * the assessment (the button travels with the message, so whoever presses it is checked again).
 */
export async function keepRatingsForm(
  deps: SlackDeps,
  userId: string,
  state: KeepRatingsModalState,
): Promise<Answer> {
  await ensureAllowed(deps, userId, "keep_assessment_ratings");
  const { fit, levels } = await ownAssessmentLevels(deps.assessments, userId, state.aid);
  if (levels.length === 0) {
    return message(
      notice(
        "This assessment shows no evidence of any competency, so there is nothing to keep as ratings.",
        "⚠️",
      ),
    );
  }
  return { kind: "modal", view: keepRatingsModal({ state, profileTitle: fit.title, levels }) };
}

export type KeepRatingsSubmission = { userId: string; assessmentId: string; personSlackId?: string };

/** The form's answer: a problem to show at the person field (nothing saved), or the ratings kept. */
export type KeepRatingsAnswer =
  | { kind: "errors"; errors: Record<string, string> }
  | { kind: "kept"; message: Message };

export async function submitKeepRatings(
  deps: SlackDeps,
  submission: KeepRatingsSubmission,
): Promise<KeepRatingsAnswer> {
  await ensureAllowed(deps, submission.userId, "keep_assessment_ratings");
  if (!submission.personSlackId) {
    return { kind: "errors", errors: { [INPUTS.person]: "Choose the person this assessment was of." } };
  }
  try {
    const kept = await keepAssessmentAsRatings(
      {
        assessments: deps.assessments,
        people: deps.people,
        audit: deps.audit,
        library: await deps.library(),
        clock: deps.clock,
      },
      {
        actor: submission.userId,
        assessmentId: submission.assessmentId,
        slackUserId: submission.personSlackId,
      },
    );
    return { kind: "kept", message: keptMessage(kept) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) {
      return { kind: "errors", errors: { [INPUTS.person]: error.message } };
    }
    throw error;
  }
}

function keptMessage(kept: KeptRatings): Message {
  const who = kept.person.slackUserId
    ? `*${literal(kept.person.name, 100)}* (<@${kept.person.slackUserId}>)`
    : `*${literal(kept.person.name, 100)}*`;
  const lead = `✅ Kept ${plural(kept.ratings.length, "rating")} of ${who} from the assessment for *${literal(kept.profileTitle, 300)}*: source ASSESSMENT, dated ${kept.ratings[0]?.ratedAt.toISOString().slice(0, 10) ?? "today"}.`;
  const lines = kept.ratings.map((rating) => `• ${literal(rating.competency, 100)}: level ${rating.level}`);
  return composeMessage(`Kept ${kept.ratings.length} ratings of ${kept.person.name}`, {
    head: [section(lead)],
    body: packLines(lines).map((text) => section(text)),
    tail: [
      context(
        "Earlier assessment ratings of these competencies were replaced; manager and self ratings stay.",
      ),
    ],
  });
}
