import type { ServerResponse } from "node:http";
import { App, type Logger, type webApi } from "@slack/bolt";
import type { SlackConfig } from "../config.js";
import { ACTIONS, COMMAND, SHORTCUTS, VIEWS } from "./action-values.js";
import { chooseProfile } from "./actions/choose-profile.js";
import { keepAsRatings } from "./actions/keep-as-ratings.js";
import { openFitForm, openMatchForm } from "./actions/open-forms.js";
import { seeAll } from "./actions/see-all.js";
import { shareAnswer } from "./actions/share-answer.js";
import { showEvidence } from "./actions/show-evidence.js";
import { profileCommand } from "./commands/profile.js";
import type { SlackDeps } from "./deps.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { appMention } from "./events/app-mention.js";
import { profileOptions } from "./options/profile-options.js";
import { assessCandidateShortcut } from "./shortcuts/assess-candidate.js";
import { fitSubmission } from "./views/fit-submission.js";
import { keepRatingsSubmission } from "./views/keep-ratings-submission.js";
import { matchSubmission } from "./views/match-submission.js";

export type SlackAppOptions = {
  slack: SlackConfig;
  deps: SlackDeps;
  /** Whether the database answers: GET /healthz says 200 or 503. */
  healthy: () => Promise<boolean>;
  /** The HTTP port: Slack's endpoint /slack/events (HTTP mode) and /healthz (both modes). */
  port: number;
  logger: Logger;
  /** How Web API calls are retried and timed out; WEB_API_POLICY unless a test asks for a shorter one. */
  webApiPolicy?: WebApiPolicy;
};

export type WebApiPolicy = Required<Pick<webApi.WebClientOptions, "retryConfig" | "timeout">>;

/**
 * Each attempt is given up after 10 s; a 5xx, a timeout or a network failure is tried again up to five
 * times, 1, 2, 4, 8, 16 s apart (each doubled at random, none over 30 s: 31–60 s of waiting in all), so a
 * Web API that never answers is given up on within about two minutes rather than @slack/web-api's
 * default of ten retries over about 30 minutes with no timeout. A 429 waits its Retry-After first.
 */
export const WEB_API_POLICY: WebApiPolicy = {
  retryConfig: { retries: 5, factor: 2, minTimeout: 1_000, maxTimeout: 30_000, randomize: true },
  timeout: 10_000,
};

/**
 * The Bolt app: Socket Mode when an app-level token is configured, otherwise Slack's requests on
 * POST /slack/events, each verified against the signing secret (missing, wrong or older than five
 * minutes: 401, and nothing runs). Only routing lives here; each listener is in its own file.
 */
export function createSlackApp({
  slack,
  deps,
  healthy,
  port,
  logger,
  webApiPolicy = WEB_API_POLICY,
}: SlackAppOptions): App {
  const connection =
    slack.connection.mode === "socket"
      ? { socketMode: true, appToken: slack.connection.appToken }
      : { signingSecret: slack.connection.signingSecret };
  const app = new App({
    token: slack.botToken,
    ...connection,
    port,
    // A 429 is waited out (its Retry-After) and retried, as Slack advises, rather than failed at once.
    clientOptions: { slackApiUrl: slack.apiUrl, ...webApiPolicy, rejectRateLimitedCalls: false },
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_request, response) => void answerHealth(response, healthy),
      },
    ],
    logger,
  });

  app.command(COMMAND, profileCommand(deps));
  app.action(ACTIONS.chooseProfile, chooseProfile(deps));
  app.action(ACTIONS.assessMatch, chooseProfile(deps));
  app.action(ACTIONS.share, shareAnswer(deps));
  app.action(ACTIONS.seeAll, seeAll(deps));
  app.action(ACTIONS.showEvidence, showEvidence(deps));
  app.action(ACTIONS.openFitModal, openFitForm(deps));
  app.action(ACTIONS.openMatchModal, openMatchForm(deps));
  app.action(ACTIONS.keepAsRatings, keepAsRatings(deps));
  app.options(ACTIONS.profileSelect, profileOptions(deps));
  app.view(VIEWS.fit, fitSubmission(deps));
  app.view(VIEWS.match, matchSubmission(deps));
  app.view(VIEWS.keepRatings, keepRatingsSubmission(deps));
  app.shortcut(SHORTCUTS.assessCandidate, assessCandidateShortcut(deps));
  app.event("app_mention", appMention(deps));
  app.event("app_home_opened", appHomeOpened(deps));
  if (deps.accessNotice) logger.warn(deps.accessNotice);
  app.error(async (error) => {
    logger.error(`Unhandled error in a listener: ${error.code ?? error.name}`);
  });
  return app;
}

async function answerHealth(response: ServerResponse, healthy: () => Promise<boolean>): Promise<void> {
  const ok = await healthy().catch(() => false);
  response.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
  response.end(JSON.stringify(ok ? { ok: true } : { ok: false, error: "database unreachable" }));
}
