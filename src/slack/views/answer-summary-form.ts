import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SubmissionAnswer } from "../answers/fit.js";
import { INPUTS } from "../blocks/modals.js";
import { postPrivately } from "../deliver.js";
import { finishSafely } from "../run-answer.js";
import { answerFormFailure } from "./form-failure.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A submitted form that carries a candidate summary (fit, match): field problems go back into the
 * form; otherwise it closes and the result comes privately to the person who submitted it.
 */
export async function answerSummaryForm(
  { ack, body, client, logger }: Args,
  names: { form: string; work: string },
  target: { channel?: string; responseUrl?: string },
  submit: () => Promise<SubmissionAnswer>,
): Promise<void> {
  const recipient = { userId: body.user.id, channel: target.channel, responseUrl: target.responseUrl };
  let answer: SubmissionAnswer;
  try {
    answer = await submit();
  } catch (error) {
    await answerFormFailure({ ack, client, logger }, names.form, error, INPUTS.summary, recipient);
    return;
  }
  if (answer.kind === "errors") {
    await ack({ response_action: "errors", errors: answer.errors });
    return;
  }
  await ack();
  const result = await finishSafely(logger, names.work, answer.finish);
  await postPrivately(client, logger, recipient, result);
}
