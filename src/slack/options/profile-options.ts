import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { profileChoices } from "../answers/profiles.js";
import { option } from "../blocks/limits.js";
import type { SlackDeps } from "../deps.js";

type Args = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

/** The profile picker in the fit form, filled as the user types a title. */
export function profileOptions(deps: SlackDeps) {
  return async function handleProfileOptions({ ack, options }: Args): Promise<void> {
    const choices = await profileChoices(deps, options.value ?? "");
    await ack({ options: choices.map((choice) => option(choice.label, String(choice.profileId))) });
  };
}
