import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { errorMessage, isRefusal } from "../answers/answer.js";
import { answerMention } from "../answers/mention.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";

type Args = SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs;

/**
 * A mention with a candidate summary, answered in its thread. Slack redelivers an event it thinks was
 * missed (X-Slack-Retry-Num); the event id is claimed in the database first, so a retry, even one that
 * reaches another instance, neither assesses nor posts a second time. A refusal is said only to the
 * person who mentioned the bot.
 */
export function appMention(deps: SlackDeps) {
  return async function handleAppMention({ event, body, client, logger }: Args): Promise<void> {
    if (!(await deps.processed.claim(`event:${body.event_id}`))) return;
    const userId = event.user ?? "";
    const thread = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
    let message: Awaited<ReturnType<typeof answerMention>>;
    try {
      message = await answerMention(deps, { userId, text: event.text, eventId: body.event_id });
    } catch (error) {
      logFailure(logger, "Answering a mention", error);
      // A refusal is for the person who asked, not for the thread.
      if (isRefusal(error)) {
        await client.chat.postEphemeral({ ...thread, user: userId, ...errorMessage(error) });
        return;
      }
      message = errorMessage(error);
    }
    await client.chat.postMessage({ ...thread, ...message });
  };
}
