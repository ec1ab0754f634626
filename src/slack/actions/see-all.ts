import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decode, Subject } from "../action-values.js";
import { errorMessage } from "../answers/answer.js";
import { fullView } from "../answers/subjects.js";
import { modal, section } from "../blocks/limits.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "See all …" / "Open": the whole answer in a modal (also from the Home tab, which has no response_url). */
export function seeAll(deps: SlackDeps) {
  return async function handleSeeAll({ ack, action, body, client, logger }: Args): Promise<void> {
    await ack();
    const subject = decode(Subject, action.value);
    let view: Awaited<ReturnType<typeof fullView>>;
    try {
      if (!subject) throw new Error("unknown value");
      view = await fullView(deps, body.user.id, subject);
    } catch (error) {
      logFailure(logger, "Opening the full answer", error);
      const text = subject ? errorMessage(error).text : "This button no longer works; please ask again.";
      view = modal({ title: "Not available", blocks: [section(text)] });
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
}
