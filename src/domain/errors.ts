/** Why a request could not be served; interfaces turn the code into their own form (exit code, Slack text). */
export type ErrorCode = "INVALID_INPUT" | "NOT_FOUND" | "FORBIDDEN" | "UNAVAILABLE" | "CONFLICT";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Every individual problem, each with where it is and what was found, when there are several. */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalidInput = (message: string, problems: string[] = []) =>
  new AppError("INVALID_INPUT", message, problems);
