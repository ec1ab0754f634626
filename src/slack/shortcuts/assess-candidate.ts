import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { ensureAllowed, errorMessage } from "../answers/answer.js";
import { fitModal } from "../blocks/modals.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";
import { unescapeSlack } from "../parse-mention.js";

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Assess candidate fit" on a message: the fit form with the message's text filled in, for those who
 * may assess; anyone else is told privately, and the message's text goes nowhere.
 */
export function assessCandidateShortcut(deps: SlackDeps) {
  return async function handleAssessCandidateShortcut({
    ack,
    shortcut,
    client,
    logger,
  }: Args): Promise<void> {
    await ack();
    try {
      await ensureAllowed(deps, shortcut.user.id, "assess_fit");
    } catch (error) {
      logFailure(logger, "Assess candidate fit", error);
      await postPrivately(
        client,
        logger,
        { userId: shortcut.user.id, channel: shortcut.channel.id, responseUrl: shortcut.response_url },
        errorMessage(error),
      );
      return;
    }
    const text = unescapeSlack(shortcut.message.text ?? "").trim();
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: fitModal({
        state: { source: "shortcut", channel: shortcut.channel.id },
        retentionDays: deps.retentionDays,
        ...(text ? { summary: text } : {}),
      }),
    });
  };
}
