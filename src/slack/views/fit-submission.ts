import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decode, FitModalState } from "../action-values.js";
import { submitFit } from "../answers/fit.js";
import type { SlackDeps } from "../deps.js";
import { answerSummaryForm } from "./answer-summary-form.js";
import { readFormValues } from "./read-state.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The fit form submitted (from the command, the message shortcut or the Home tab): field problems go
 * back into the form; otherwise it closes and the result comes privately to the recruiter.
 */
export function fitSubmission(deps: SlackDeps) {
  return async function handleFitSubmission(args: Args): Promise<void> {
    const { body, view } = args;
    const state = decode(FitModalState, view.private_metadata) ?? { source: "home" as const };
    const values = readFormValues(view);
    await answerSummaryForm(args, { form: "Fit form", work: "Fit assessment" }, state, () =>
      submitFit(deps, {
        userId: body.user.id,
        state,
        summary: values.summary,
        requestKey: `view:${view.id}`,
        ...(values.profileId ? { profileId: values.profileId } : {}),
      }),
    );
  };
}
