import type { Library } from "../../services/library.js";
import { matchCandidate } from "../../services/match-candidate.js";
import type { MatchModalState } from "../action-values.js";
import { notice } from "../blocks/common.js";
import { helpMessage } from "../blocks/help.js";
import type { Message } from "../blocks/limits.js";
import { matchMessage } from "../blocks/match.js";
import { matchModal } from "../blocks/modals.js";
import type { SlackDeps } from "../deps.js";
import { type Answer, ensureAllowed, frameworksOf, message, type Requester } from "./answer.js";
import { type SubmissionAnswer, summaryProblem } from "./fit.js";

const TOP = 5;

export type MatchRequest = {
  userId: string;
  summary: string;
  framework?: string;
  family?: string;
  lead?: string;
};

/** `/profile match [summary]`: the best-fitting profiles, or the form to paste the summary. */
export async function matchCommand(
  deps: SlackDeps,
  requester: Requester,
  summary: string | null,
): Promise<Answer> {
  await ensureAllowed(deps, requester.userId, "match_candidate");
  if (summary === null) {
    const state: MatchModalState = {
      ...(requester.channelId ? { channel: requester.channelId } : {}),
      ...(requester.responseUrl ? { responseUrl: requester.responseUrl } : {}),
    };
    return { kind: "modal", view: await matchForm(deps, state) };
  }
  const problem = summaryProblem(summary);
  if (problem) return message(helpMessage({ topic: "match", problem }));
  return {
    kind: "deferred",
    interim: notice("Finding the profiles this candidate fits best…", "⏳"),
    finish: () => matchAndRender(deps, { userId: requester.userId, summary }),
  };
}

export async function matchForm(deps: SlackDeps, state: MatchModalState) {
  const library = await deps.library();
  const frameworks = (await frameworksOf(deps, library)).map((framework) => framework.name);
  return matchModal({ state, frameworks, families: familiesOf(library) });
}

export function familiesOf(library: Library): string[] {
  const families = new Set(
    library.profiles.map((profile) => profile.family).filter((family) => family.trim() !== ""),
  );
  return [...families].sort((a, b) => a.localeCompare(b));
}

/** Ranks the profiles for a summary; the summary is kept (30 minutes) for the Assess buttons only. */
export async function matchAndRender(deps: SlackDeps, request: MatchRequest): Promise<Message> {
  const library = await deps.library();
  const results = await matchCandidate(
    { library, audit: deps.audit },
    {
      actor: request.userId,
      summary: request.summary,
      top: TOP,
      ...(request.framework ? { framework: request.framework } : {}),
      ...(request.family ? { family: request.family } : {}),
    },
  );
  const pending = await deps.pending.put(request.userId, request.summary);
  return matchMessage({
    results,
    pending,
    ...(request.framework ? { framework: request.framework } : {}),
    ...(request.family ? { family: request.family } : {}),
    ...(request.lead ? { lead: request.lead } : {}),
  });
}

export type MatchSubmission = { userId: string; summary: string; framework?: string; family?: string };

export async function submitMatch(deps: SlackDeps, submission: MatchSubmission): Promise<SubmissionAnswer> {
  await ensureAllowed(deps, submission.userId, "match_candidate");
  const problem = summaryProblem(submission.summary);
  if (problem) return { kind: "errors", errors: { summary: problem } };
  return { kind: "accepted", finish: () => matchAndRender(deps, submission) };
}
