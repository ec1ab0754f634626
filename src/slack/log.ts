import type { Logger } from "@slack/bolt";
import { AppError } from "../domain/errors.js";

/**
 * What may be logged about a failure: its kind and code, never its message. Messages of database or
 * HTTP errors can echo the data they were given, and ours quote what the user typed (a title, a name,
 * an email), any of which may be a candidate's text; the user reads the message, the log gets the code.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `AppError ${error.code}`;
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; code?: unknown; data?: { error?: unknown } };
    const parts = [typeof e.name === "string" ? e.name : "Error"];
    if (typeof e.code === "string" || typeof e.code === "number") parts.push(String(e.code));
    if (typeof e.data?.error === "string") parts.push(e.data.error);
    return parts.join(" ").slice(0, 200);
  }
  return typeof error;
}

/**
 * A failure worth an operator's attention at error level; an AppError is the user's request refused for
 * a reason they are told (not found, not allowed, invalid), so it is noted at info level.
 */
export function logFailure(logger: Logger, what: string, error: unknown): void {
  if (error instanceof AppError) logger.info(`${what} refused: ${describeFailure(error)}`);
  else logger.error(`${what} failed: ${describeFailure(error)}`);
}
