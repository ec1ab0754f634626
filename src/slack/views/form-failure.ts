import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { errorMessage, isRefusal } from "../answers/answer.js";
import { type PrivateTarget, postPrivately } from "../deliver.js";
import { logFailure } from "../log.js";

type Args = Pick<SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs, "ack" | "client" | "logger">;

/**
 * A submitted form that could not be answered. A refusal closes the form and is said privately, as
 * every refusal is; any other failure shows at `field`, so nothing typed is lost.
 */
export async function answerFormFailure(
  { ack, client, logger }: Args,
  what: string,
  error: unknown,
  field: string,
  target: PrivateTarget,
): Promise<void> {
  logFailure(logger, what, error);
  if (!isRefusal(error)) {
    await ack({ response_action: "errors", errors: { [field]: errorMessage(error).text } });
    return;
  }
  await ack();
  await postPrivately(client, logger, target, errorMessage(error));
}
