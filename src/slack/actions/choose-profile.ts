import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ACTIONS, Choice, decode } from "../action-values.js";
import { continueChoice } from "../answers/choice.js";
import { notice } from "../blocks/common.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";
import { answerSafely, finishSafely } from "../run-answer.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * A profile chosen in a picker, or "Assess" on one of the best matches: the request goes on with it.
 * A private picker is replaced by the answer; a choice made on a public message (a thread) is answered
 * privately instead, so quotes from a candidate's text never land in the thread.
 */
export function chooseProfile(deps: SlackDeps) {
  return async function handleChooseProfile({
    ack,
    action,
    body,
    respond,
    client,
    logger,
  }: Args): Promise<void> {
    await ack();
    const choice = decode(Choice, action.value);
    if (!choice) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...notice("This button no longer works; please ask again.", "⌛"),
      });
      return;
    }
    const userId = body.user.id;
    const answer = await answerSafely(logger, action.action_id, () => continueChoice(deps, userId, choice));
    const inPlace = body.container?.is_ephemeral === true && action.action_id === ACTIONS.chooseProfile;
    if (answer.kind === "modal") {
      await client.views.open({ trigger_id: body.trigger_id, view: answer.view });
      return;
    }
    if (answer.kind === "deferred" && inPlace) {
      // Only a notice: if the response_url refuses it, the answer below still goes another way.
      await respond({ response_type: "ephemeral", replace_original: true, ...answer.interim }).catch(
        (error: unknown) => logFailure(logger, "Posting to response_url", error),
      );
    }
    const result =
      answer.kind === "message"
        ? answer.message
        : await finishSafely(logger, action.action_id, answer.finish);
    // An assessment is stored by now: if the response_url refuses its answer, it goes another way.
    await postPrivately(
      client,
      logger,
      {
        userId,
        ...(body.channel?.id ? { channel: body.channel.id } : {}),
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
      },
      result,
      { replaceOriginal: inPlace },
    );
  };
}
