import type { Logger } from "@slack/bolt";
import { type LagMeter, startLagMeter } from "../ops/event-loop-lag.js";
import { createLimiter } from "../ops/limiter.js";
import { type Answer, errorMessage, message } from "./answers/answer.js";
import type { Message } from "./blocks/limits.js";
import { logFailure } from "./log.js";

/** The answer, or the error as the user should read it (logged without its data). */
export async function answerSafely(
  logger: Logger,
  what: string,
  work: () => Promise<Answer>,
): Promise<Answer> {
  try {
    return await work();
  } catch (error) {
    logFailure(logger, what, error);
    return message(errorMessage(error));
  }
}

/**
 * Answers worked out after their acknowledgement (an assessment, a match) run a few at a time in a
 * process, fewer when its event loop falls behind; the others wait their turn. Under a burst, the
 * acknowledgements, which Slack needs within three seconds, then do not queue behind hundreds of
 * assessments for the CPU and the database connections; the answers come through the response_url in
 * order, which Slack accepts for 30 minutes.
 */
export const CONCURRENT_ANSWERS = { usual: 8, whenBehind: 1 };
/** Event-loop lag past which the process counts as behind. */
const BEHIND_MS = 30;
let lag: LagMeter | undefined;
const answerSlots = createLimiter(() => {
  lag ??= startLagMeter();
  return lag.lagMs() > BEHIND_MS ? CONCURRENT_ANSWERS.whenBehind : CONCURRENT_ANSWERS.usual;
});

/** Inside deferred work: frees its turn while waiting on another service (OpenAI), so others can go on. */
export function awayFromAnswerSlot<T>(wait: () => Promise<T>): Promise<T> {
  return answerSlots.stepAside(wait);
}

/** The answer of deferred work (taking its turn, see CONCURRENT_ANSWERS), or the error as the user should read it. */
export async function finishSafely(
  logger: Logger,
  what: string,
  work: () => Promise<Message>,
): Promise<Message> {
  try {
    return await answerSlots.run(work);
  } catch (error) {
    logFailure(logger, what, error);
    return errorMessage(error);
  }
}

/** Slack waits three seconds for an acknowledgement; an answer not ready by then is sent afterwards. */
export const ACK_BUDGET_MS = 2_000;

/** The answer if it is ready within `budgetMs`, else undefined (and it keeps going: await `work`). */
export async function readyWithin<T>(
  work: Promise<T>,
  budgetMs: number = ACK_BUDGET_MS,
): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
