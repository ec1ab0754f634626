import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decode, FitModalState } from "../action-values.js";
import { submitFit } from "../answers/fit.js";
import { INPUTS } from "../blocks/modals.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { finishSafely } from "../run-answer.js";
import { answerFormFailure } from "./form-failure.js";
import { readFormValues } from "./read-state.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The fit form submitted (from the command, the message shortcut or the Home tab): field problems go
 * back into the form; otherwise it closes and the result comes privately to the recruiter.
 */
export function fitSubmission(deps: SlackDeps) {
  return async function handleFitSubmission({ ack, body, view, client, logger }: Args): Promise<void> {
    const state = decode(FitModalState, view.private_metadata) ?? { source: "home" as const };
    const values = readFormValues(view);
    let answer: Awaited<ReturnType<typeof submitFit>>;
    try {
      answer = await submitFit(deps, {
        userId: body.user.id,
        state,
        summary: values.summary,
        requestKey: `view:${view.id}`,
        ...(values.profileId ? { profileId: values.profileId } : {}),
      });
    } catch (error) {
      await answerFormFailure({ ack, client, logger }, "Fit form", error, INPUTS.summary, {
        userId: body.user.id,
        channel: state.channel,
        responseUrl: state.responseUrl,
      });
      return;
    }
    if (answer.kind === "errors") {
      await ack({ response_action: "errors", errors: answer.errors });
      return;
    }
    await ack();
    const result = await finishSafely(logger, "Fit assessment", answer.finish);
    await postPrivately(
      client,
      logger,
      { userId: body.user.id, channel: state.channel, responseUrl: state.responseUrl },
      result,
    );
  };
}
