import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { appHome } from "../answers/home.js";
import type { SlackDeps } from "../deps.js";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/** The Home tab, published afresh each time it is opened (publishing the same view twice is harmless). */
export function appHomeOpened(deps: SlackDeps) {
  return async function handleAppHomeOpened({ event, client }: Args): Promise<void> {
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: await appHome(deps, event.user) });
  };
}
