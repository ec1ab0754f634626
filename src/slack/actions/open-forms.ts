import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ensureAllowed, errorMessage } from "../answers/answer.js";
import { matchForm } from "../answers/match.js";
import type { SlackAction } from "../authorize.js";
import type { ModalView } from "../blocks/limits.js";
import { fitModal } from "../blocks/modals.js";
import { postPrivately } from "../deliver.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A Home tab button that opens a form, for those who may use it; anyone else is told in a DM. */
function openForm(deps: SlackDeps, action: SlackAction, form: () => Promise<ModalView>) {
  return async function handleOpenForm({ ack, body, client, logger }: Args): Promise<void> {
    await ack();
    let view: ModalView;
    try {
      await ensureAllowed(deps, body.user.id, action);
      view = await form();
    } catch (error) {
      logFailure(logger, "Opening a form", error);
      await postPrivately(client, logger, { userId: body.user.id }, errorMessage(error));
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
}

/** "Assess a candidate" on the Home tab: the fit form with a profile picker; the result comes as a DM. */
export function openFitForm(deps: SlackDeps) {
  return openForm(deps, "assess_fit", async () =>
    fitModal({ state: { source: "home" }, retentionDays: deps.retentionDays }),
  );
}

/** "Match a candidate" on the Home tab. */
export function openMatchForm(deps: SlackDeps) {
  return openForm(deps, "match_candidate", () => matchForm(deps, {}));
}
