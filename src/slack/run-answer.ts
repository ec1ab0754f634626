import type { Logger } from "@slack/bolt";
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

export async function finishSafely(
  logger: Logger,
  what: string,
  work: () => Promise<Message>,
): Promise<Message> {
  try {
    return await work();
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
