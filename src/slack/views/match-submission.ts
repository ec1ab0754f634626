import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decode, MatchModalState } from "../action-values.js";
import { submitMatch } from "../answers/match.js";
import type { SlackDeps } from "../deps.js";
import { answerSummaryForm } from "./answer-summary-form.js";
import { readFormValues } from "./read-state.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The match form submitted: the best-fitting profiles come back privately. */
export function matchSubmission(deps: SlackDeps) {
  return async function handleMatchSubmission(args: Args): Promise<void> {
    const { body, view } = args;
    const state = decode(MatchModalState, view.private_metadata) ?? {};
    const { summary, framework, family } = readFormValues(view);
    await answerSummaryForm(args, { form: "Match form", work: "Matching a candidate" }, state, () =>
      submitMatch(deps, {
        userId: body.user.id,
        summary,
        ...(framework ? { framework } : {}),
        ...(family ? { family } : {}),
      }),
    );
  };
}
