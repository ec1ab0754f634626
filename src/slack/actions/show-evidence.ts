import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decode, Subject } from "../action-values.js";
import { errorMessage } from "../answers/answer.js";
import { evidenceMessage } from "../answers/subjects.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Under an answer in a thread: the assessment in full, quotes included, for the person who ran it only. */
export function showEvidence(deps: SlackDeps) {
  return async function handleShowEvidence({ ack, action, body, respond, logger }: Args): Promise<void> {
    await ack();
    const subject = decode(Subject, action.value);
    try {
      if (subject?.k !== "fit") throw new Error("unknown value");
      const message = await evidenceMessage(deps, body.user.id, subject.aid);
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    } catch (error) {
      logFailure(logger, "Showing evidence", error);
      await respond({ response_type: "ephemeral", replace_original: false, ...errorMessage(error) });
    }
  };
}
