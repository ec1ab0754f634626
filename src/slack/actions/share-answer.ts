import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decode, Subject } from "../action-values.js";
import { errorMessage } from "../answers/answer.js";
import { sharedMessage } from "../answers/subjects.js";
import { notice } from "../blocks/common.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Share in channel": the answer, rebuilt from the ids in the button, posted for everyone to see. */
export function shareAnswer(deps: SlackDeps) {
  return async function handleShareAnswer({ ack, action, body, respond, logger }: Args): Promise<void> {
    await ack();
    const subject = decode(Subject, action.value);
    try {
      if (!subject) throw new Error("unknown share value");
      const message = await sharedMessage(deps, body.user.id, subject);
      await respond({ response_type: "in_channel", replace_original: false, ...message });
    } catch (error) {
      logFailure(logger, "Sharing an answer", error);
      const reply = subject
        ? errorMessage(error)
        : notice("This button no longer works; please ask again.", "⌛");
      await respond({ response_type: "ephemeral", replace_original: false, ...reply });
    }
  };
}
