import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decode, MatchModalState } from "../action-values.js";
import { submitMatch } from "../answers/match.js";
import { INPUTS } from "../blocks/modals.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { finishSafely } from "../run-answer.js";
import { answerFormFailure } from "./form-failure.js";
import { readFormValues } from "./read-state.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The match form submitted: the best-fitting profiles come back privately. */
export function matchSubmission(deps: SlackDeps) {
  return async function handleMatchSubmission({ ack, body, view, client, logger }: Args): Promise<void> {
    const state = decode(MatchModalState, view.private_metadata) ?? {};
    const { summary, framework, family } = readFormValues(view);
    let answer: Awaited<ReturnType<typeof submitMatch>>;
    try {
      answer = await submitMatch(deps, {
        userId: body.user.id,
        summary,
        ...(framework ? { framework } : {}),
        ...(family ? { family } : {}),
      });
    } catch (error) {
      await answerFormFailure({ ack, client, logger }, "Match form", error, INPUTS.summary, {
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
    const result = await finishSafely(logger, "Matching a candidate", answer.finish);
    await postPrivately(
      client,
      logger,
      { userId: body.user.id, channel: state.channel, responseUrl: state.responseUrl },
      result,
    );
  };
}
