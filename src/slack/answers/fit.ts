import { type FitResult, MAX_SUMMARY_CHARS } from "../../domain/fit/index.js";
import { assessCandidate } from "../../services/assess-candidate.js";
import { findProfile } from "../../services/find-profile.js";
import type { FitModalState } from "../action-values.js";
import { notice } from "../blocks/common.js";
import { type FitAudience, fitMessage } from "../blocks/fit.js";
import { helpMessage } from "../blocks/help.js";
import type { Message } from "../blocks/limits.js";
import { fitModal } from "../blocks/modals.js";
import { pickerMessage, unresolvedIntro } from "../blocks/picker.js";
import type { SlackDeps } from "../deps.js";
import { MIN_SUMMARY_CHARS } from "../parse-profile-command.js";
import { type Answer, ensureAllowed, isAllowed, message, type Requester } from "./answer.js";

export type AssessRequest = { userId: string; profileId: number; summary: string; requestKey: string };

/** Why a summary cannot be assessed, in words for the user; undefined when it can. */
export function summaryProblem(summary: string): string | undefined {
  const length = summary.trim().length;
  if (length < MIN_SUMMARY_CHARS) {
    return `The candidate summary is too short to assess (${length} characters): paste a few sentences about their experience.`;
  }
  if (summary.length > MAX_SUMMARY_CHARS) {
    return `The summary is ${summary.length.toLocaleString("en-US")} characters; the limit is ${MAX_SUMMARY_CHARS.toLocaleString("en-US")}. Keep the parts about experience and skills.`;
  }
  return undefined;
}

/** `/profile fit <title>[: summary]`: the assessment, a picker for the title, or the form for the summary. */
export async function fitCommand(
  deps: SlackDeps,
  requester: Requester,
  title: string,
  summary: string | null,
): Promise<Answer> {
  await ensureAllowed(deps, requester.userId, "assess_fit");
  const library = await deps.library();
  const resolution = findProfile({ library, title });
  const candidates =
    resolution.kind === "ambiguous"
      ? resolution.candidates
      : resolution.kind === "not_found"
        ? resolution.suggestions
        : [];

  if (summary === null) {
    const state: FitModalState = {
      source: "command",
      ...(requester.channelId ? { channel: requester.channelId } : {}),
      ...(requester.responseUrl ? { responseUrl: requester.responseUrl } : {}),
      ...(resolution.kind === "found" ? { profileId: resolution.profile.id } : {}),
    };
    const view =
      resolution.kind === "found"
        ? fitModal({ state, retentionDays: deps.retentionDays, profile: resolution.profile })
        : fitModal({
            state,
            retentionDays: deps.retentionDays,
            note: `${unresolvedIntro(title, resolution.kind, candidates.length)} Choose the profile below.`,
          });
    return { kind: "modal", view };
  }

  const problem = summaryProblem(summary);
  if (problem) return message(helpMessage({ topic: "fit", problem }));
  if (resolution.kind === "found") {
    return assessLater(deps, {
      userId: requester.userId,
      profileId: resolution.profile.id,
      summary,
      requestKey: requester.requestKey,
    });
  }
  // The summary waits here; the picker's buttons carry only its key.
  const pending = await deps.pending.put(requester.userId, summary);
  return message(
    pickerMessage({
      intro: unresolvedIntro(title, resolution.kind, candidates.length, "to assess the candidate against"),
      candidates,
      continuation: { op: "fit", pending },
    }),
  );
}

/** A profile was chosen for a summary waiting under `pending` (from a picker or a list of matches). */
export async function continueFit(
  deps: SlackDeps,
  userId: string,
  choice: { id: number; pending: string },
): Promise<Answer> {
  await ensureAllowed(deps, userId, "assess_fit");
  const summary = await deps.pending.get(userId, choice.pending);
  if (summary === undefined) {
    return message(
      notice(
        "That choice is no longer open: it has expired, or it belongs to whoever asked. Run the request again, e.g. `/profile fit <title>: <summary>`.",
        "⌛",
      ),
    );
  }
  // One assessment per summary and profile, however often the button is pressed.
  return assessLater(deps, {
    userId,
    profileId: choice.id,
    summary,
    requestKey: `choice:${choice.pending}:${choice.id}`,
  });
}

function assessLater(deps: SlackDeps, request: AssessRequest): Answer {
  return {
    kind: "deferred",
    interim: notice("Assessing the candidate…", "⏳"),
    finish: () => assessAndRender(deps, request, "requester"),
  };
}

/** Runs and stores the assessment, then renders it for `audience`. */
export async function assessAndRender(
  deps: SlackDeps,
  request: AssessRequest,
  audience: FitAudience,
): Promise<Message> {
  const { assessmentId, fit } = await assess(deps, request);
  const keepAsRatings =
    audience === "requester" && (await isAllowed(deps, request.userId, "keep_assessment_ratings"));
  return fitMessage({ assessmentId, fit, audience, keepAsRatings });
}

export async function assess(
  deps: SlackDeps,
  request: AssessRequest,
): Promise<{ assessmentId: string; fit: FitResult }> {
  const library = await deps.library();
  return assessCandidate(
    {
      library,
      assessments: deps.assessments,
      clock: deps.clock,
      retentionDays: deps.retentionDays,
      ...(deps.assessor ? { assessor: deps.assessor } : {}),
    },
    {
      actor: request.userId,
      profileId: request.profileId,
      summary: request.summary,
      requestKey: request.requestKey,
    },
  );
}

export type FitSubmission = {
  userId: string;
  state: FitModalState;
  /** Chosen in the form when the state does not fix it. */
  profileId?: number;
  summary: string;
  requestKey: string;
};

/** A form's answer: its fields' problems, or accepted with the work that produces the result. */
export type SubmissionAnswer =
  | { kind: "errors"; errors: Record<string, string> }
  | { kind: "accepted"; finish: () => Promise<Message> };

export async function submitFit(deps: SlackDeps, submission: FitSubmission): Promise<SubmissionAnswer> {
  await ensureAllowed(deps, submission.userId, "assess_fit");
  const errors: Record<string, string> = {};
  const profileId = submission.state.profileId ?? submission.profileId;
  if (profileId === undefined) errors.profile = "Choose the job profile to assess against.";
  const problem = summaryProblem(submission.summary);
  if (problem) errors.summary = problem;
  if (profileId === undefined || Object.keys(errors).length > 0) return { kind: "errors", errors };
  const request = {
    userId: submission.userId,
    profileId,
    summary: submission.summary,
    requestKey: submission.requestKey,
  };
  return { kind: "accepted", finish: () => assessAndRender(deps, request, "requester") };
}
