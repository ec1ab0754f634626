import type { AckFn, AllMiddlewareArgs, AnyMiddlewareArgs, Middleware, RespondFn } from "@slack/bolt";
import { MAX_SUMMARY_CHARS } from "../domain/fit/index.js";
import { errorMessage } from "../slack/answers/answer.js";
import { notice } from "../slack/blocks/common.js";
import { describeFailure, logFailure } from "../slack/log.js";
import type { AppLogger } from "../slack/logger.js";
import { readyWithin } from "../slack/run-answer.js";
import type { InFlight } from "./in-flight.js";
import { inRequestScope, isDeliveryId, requestIdOf } from "./request-scope.js";

/** Room for a subcommand and a title in front of the longest summary that can be assessed. */
export const MAX_COMMAND_TEXT_CHARS = MAX_SUMMARY_CHARS + 1_000;

/**
 * How long a request waits for the database to record its delivery. Past that (the database is slow
 * or restarting) it goes on unchecked: lookups need no database, and every write an answer makes
 * carries an idempotency key of its own, so a replay slipping through then still writes nothing twice.
 */
export const DELIVERY_CHECK_BUDGET_MS = 750;

export type SlackGuardOptions = {
  logger: AppLogger;
  /** Records a delivery; false when it was recorded before, by this instance or another. */
  deliveries: { claim(key: string): Promise<boolean> };
  inFlight: InFlight;
};

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;
type Outcome = "ok" | "duplicate" | "refused" | "failed";

/**
 * Bolt global middleware in front of every listener:
 * - everything logged while the request is handled names its request id (see request-scope.ts), and one
 *   line per request says what it was, how it ended and how long it took;
 * - a second delivery of an interaction or an event (a Slack retry reaching any instance, or a signed
 *   request replayed within the five minutes its signature is valid) is acknowledged and does nothing.
 *   Slash commands are left to their listener, which claims the request before any answer that writes
 *   or posts (a lookup replayed is only answered to whoever replayed it): that saves a write on every
 *   command, the busiest kind of request;
 * - a command longer than any request the bot serves is refused with a clear message;
 * - a failure no listener handled is logged by kind and answered with "please try again" rather than
 *   Slack's own error; and the work is counted in flight until it ends, so a shutdown can wait for it.
 */
export function slackGuard(options: SlackGuardOptions): Middleware<AnyMiddlewareArgs> {
  return (args) => {
    const requestId = requestIdOf(args.body);
    return inRequestScope({ requestId }, () => options.inFlight.track(() => guard(args, requestId, options)));
  };
}

async function guard(
  args: Args,
  requestId: string,
  { logger, deliveries }: SlackGuardOptions,
): Promise<void> {
  const started = performance.now();
  let outcome: Outcome = "ok";
  try {
    if (
      !isCommand(args.body) &&
      isDeliveryId(requestId) &&
      !(await firstDelivery(deliveries, requestId, logger))
    ) {
      outcome = "duplicate";
      await ackOf(args)?.();
      return;
    }
    const tooLong = commandTextProblem(args.body);
    if (tooLong) {
      outcome = "refused";
      await ackOf(args)?.({ response_type: "ephemeral", ...notice(tooLong, "⚠️") });
      return;
    }
    await args.next();
  } catch (error) {
    outcome = "failed";
    logFailure(logger, kindOf(args.body), error);
    await answerFailure(args, error);
  } finally {
    logger.log("info", "request", {
      kind: kindOf(args.body),
      outcome,
      ms: Math.round(performance.now() - started),
      ...(args.context.retryNum ? { retry: args.context.retryNum } : {}),
    });
  }
}

async function firstDelivery(
  deliveries: SlackGuardOptions["deliveries"],
  requestId: string,
  logger: AppLogger,
): Promise<boolean> {
  const claim = deliveries.claim(`delivery:${requestId}`).catch((error: unknown) => {
    logger.warn(`Could not check for a repeated delivery (${describeFailure(error)}); handling it`);
    return true;
  });
  const first = await readyWithin(claim, DELIVERY_CHECK_BUDGET_MS);
  if (first === undefined) logger.warn("The check for a repeated delivery is slow; handling the request");
  return first ?? true;
}

function commandTextProblem(body: unknown): string | undefined {
  const { command, text } = body as { command?: unknown; text?: unknown };
  if (typeof command !== "string" || typeof text !== "string" || text.length <= MAX_COMMAND_TEXT_CHARS) {
    return undefined;
  }
  const count = (n: number) => n.toLocaleString("en-US");
  return `That command is ${count(text.length)} characters long; the limit is ${count(MAX_COMMAND_TEXT_CHARS)}. A candidate summary can be up to ${count(MAX_SUMMARY_CHARS)} characters: keep the parts about experience and skills.`;
}

/** Before the acknowledgement, the apology goes in it; after, through the response_url when there is one. */
async function answerFailure(args: Args, error: unknown): Promise<void> {
  const apology = errorMessage(error);
  const ack = ackOf(args);
  if (ack) {
    try {
      await ack(isCommand(args.body) ? { response_type: "ephemeral", ...apology } : undefined);
      return;
    } catch {
      // Already acknowledged: the answer was under way when it failed.
    }
  }
  const respond = (args as { respond?: RespondFn }).respond;
  await respond?.({ response_type: "ephemeral", replace_original: false, ...apology }).catch(() => {});
}

function ackOf(args: Args): AckFn<unknown> | undefined {
  return (args as { ack?: AckFn<unknown> }).ack;
}

function isCommand(body: unknown): boolean {
  return typeof (body as { command?: unknown }).command === "string";
}

/** What a request was, in our own identifiers only (never what the user typed), for the request line. */
function kindOf(body: unknown): string {
  const b = body as {
    command?: unknown;
    type?: unknown;
    event?: { type?: unknown };
    actions?: { action_id?: unknown }[];
    action_id?: unknown;
    callback_id?: unknown;
    view?: { callback_id?: unknown };
  };
  const name = (value: unknown) => (typeof value === "string" ? value.slice(0, 80) : "?");
  if (typeof b.command === "string") return `command:${name(b.command)}`;
  switch (b.type) {
    case "event_callback":
      return `event:${name(b.event?.type)}`;
    case "block_actions":
      return `action:${name(b.actions?.[0]?.action_id)}`;
    case "block_suggestion":
      return `options:${name(b.action_id)}`;
    case "view_submission":
    case "view_closed":
      return `${b.type}:${name(b.view?.callback_id)}`;
    case "shortcut":
    case "message_action":
      return `${b.type}:${name(b.callback_id)}`;
    default:
      return name(b.type);
  }
}
