import type { AllMiddlewareArgs, Logger, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { errorMessage, type Requester } from "../answers/answer.js";
import { answerProfileCommand } from "../answers/profile-command.js";
import { notice } from "../blocks/common.js";
import type { Message } from "../blocks/limits.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";
import { parseProfileCommand } from "../parse-profile-command.js";
import { answerSafely, finishSafely, readyWithin } from "../run-answer.js";

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/profile …`. Lookups, searches and comparisons answer in the acknowledgement itself (the library is
 * in memory); a form opens after it; an assessment acknowledges with "working on it" and replaces that
 * through the response_url. Anything not ready within the ack budget is sent the same way. An answer
 * sent later that the response_url refuses goes privately another way (see postPrivately): an
 * assessment is stored, so its answer must not be lost.
 */
export function profileCommand(deps: SlackDeps) {
  return async function handleProfileCommand({ command, ack, client, logger }: Args): Promise<void> {
    const requester: Requester = {
      userId: command.user_id,
      requestKey: `command:${command.trigger_id}`,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    const answerLater = (message: Message) =>
      postPrivately(
        client,
        logger,
        { userId: command.user_id, channel: command.channel_id, responseUrl: command.response_url },
        message,
        { replaceOriginal: true },
      );
    const work = answerSafely(logger, "/profile", () =>
      answerProfileCommand(deps, parseProfileCommand(command.text), requester),
    );
    const answer = await readyWithin(work);
    if (answer === undefined) {
      await ack({ response_type: "ephemeral", ...notice("Working on it…", "⏳") });
      const late = await work;
      if (late.kind === "modal") {
        await answerLater(notice("That took too long to open the form; please run the command again.", "⌛"));
        return;
      }
      const result =
        late.kind === "message" ? late.message : await finishSafely(logger, "/profile", late.finish);
      await answerLater(result);
      return;
    }
    switch (answer.kind) {
      case "message":
        await ack({ response_type: "ephemeral", ...answer.message });
        return;
      case "modal":
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: answer.view });
        return;
      case "deferred": {
        // Acknowledged before anything is written, so acknowledgements never wait on the store.
        await ack({ response_type: "ephemeral", ...answer.interim });
        // A repeated delivery of the same command (Slack does not retry commands: a replay) must not
        // assess or post twice; its acknowledgement went back to whoever sent it, and that is all.
        const first = await claimOnce(deps, requester.requestKey, logger);
        if (first === "repeat") return;
        const result = first === "claimed" ? await finishSafely(logger, "/profile", answer.finish) : first;
        await answerLater(result);
        return;
      }
    }
  };
}

/** Claims the request for this delivery: "repeat" when another delivery has it, or the error to show. */
async function claimOnce(
  deps: SlackDeps,
  requestKey: string,
  logger: Logger,
): Promise<"claimed" | "repeat" | Message> {
  try {
    return (await deps.processed.claim(requestKey)) ? "claimed" : "repeat";
  } catch (error) {
    logFailure(logger, "/profile", error);
    return errorMessage(error);
  }
}
