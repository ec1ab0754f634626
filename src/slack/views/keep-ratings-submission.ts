import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decode, KeepRatingsModalState } from "../action-values.js";
import { submitKeepRatings } from "../answers/keep-ratings.js";
import { INPUTS } from "../blocks/modals.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { answerFormFailure } from "./form-failure.js";
import { readFormValues } from "./read-state.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The "keep as ratings" form submitted. A person not in the people store stays in the form with the
 * reason, nothing saved; otherwise the form closes and the ratings kept are confirmed privately.
 */
export function keepRatingsSubmission(deps: SlackDeps) {
  return async function handleKeepRatingsSubmission({
    ack,
    body,
    view,
    client,
    logger,
  }: Args): Promise<void> {
    const state = decode(KeepRatingsModalState, view.private_metadata);
    const target = { userId: body.user.id, channel: state?.channel, responseUrl: state?.responseUrl };
    let answer: Awaited<ReturnType<typeof submitKeepRatings>>;
    try {
      if (!state) throw new Error("unknown keep-ratings state");
      const { personSlackId } = readFormValues(view);
      answer = await submitKeepRatings(deps, {
        userId: body.user.id,
        assessmentId: state.aid,
        ...(personSlackId ? { personSlackId } : {}),
      });
    } catch (error) {
      await answerFormFailure({ ack, client, logger }, "Keeping ratings", error, INPUTS.person, target);
      return;
    }
    if (answer.kind === "errors") {
      await ack({ response_action: "errors", errors: answer.errors });
      return;
    }
    await ack();
    await postPrivately(client, logger, target, answer.message);
  };
}
