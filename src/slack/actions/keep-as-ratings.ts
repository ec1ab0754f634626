import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { AppError } from "../../domain/errors.js";
import { decode, Subject } from "../action-values.js";
import { keepRatingsForm } from "../answers/keep-ratings.js";
import type { SlackDeps } from "../deps.js";
import { answerSafely } from "../run-answer.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Keep as ratings of a person…" under a fit: the form to choose the person, or why not, privately. */
export function keepAsRatings(deps: SlackDeps) {
  return async function handleKeepAsRatings({
    ack,
    action,
    body,
    respond,
    client,
    logger,
  }: Args): Promise<void> {
    await ack();
    const subject = decode(Subject, action.value);
    const answer = await answerSafely(logger, action.action_id, () => {
      if (subject?.k !== "fit")
        throw new AppError("INVALID_INPUT", "This button no longer works; please ask again.");
      return keepRatingsForm(deps, body.user.id, {
        aid: subject.aid,
        ...(body.channel?.id ? { channel: body.channel.id } : {}),
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
      });
    });
    if (answer.kind === "modal") {
      await client.views.open({ trigger_id: body.trigger_id, view: answer.view });
      return;
    }
    if (answer.kind === "message")
      await respond({ response_type: "ephemeral", replace_original: false, ...answer.message });
  };
}
