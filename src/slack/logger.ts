import { type Logger, LogLevel } from "@slack/bolt";
import type { Config } from "../config.js";
import { currentRequestId } from "../ops/request-scope.js";
import { describeFailure } from "./log.js";

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/** Named values beside a line's message: ours (counts, durations, kinds, ids), never what a user typed. */
export type LogFields = Record<string, string | number | boolean | null>;

/** Bolt's logger, plus lines with named fields. */
export type AppLogger = Logger & {
  log(level: "info" | "warn" | "error", message: string, fields?: LogFields): void;
};

/** Longest message kept; a line is for an operator, not a data dump. */
const MAX_MESSAGE_CHARS = 1_000;

/** Slack bot, user and app tokens, OpenAI keys and bearer credentials: never written, whatever the caller. */
const SECRETS = /\bxox[a-z]-[\w-]+|\bxapp-[\w-]+|\bsk-[\w-]{8,}|\bBearer\s+[\w.~+/=-]+/gi;

function scrub(text: string): string {
  const clean = text.replace(SECRETS, "[redacted]");
  return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS - 1)}…` : clean;
}

/**
 * The app's one logger: a JSON object per line on stderr, with the time, level, message and the id of
 * the Slack request (or job) being handled, taken from the request scope. Never below INFO: Bolt's debug
 * output includes request bodies, which hold candidate text; for the same reason objects are logged by
 * kind, not content, and anything shaped like a token is redacted. LOG_LEVEL=silent logs nothing.
 */
export function createLogger(
  level: Config["logLevel"],
  write: (line: string) => void = (line) => process.stderr.write(line),
): AppLogger {
  const silent = level === "silent";
  let threshold = silent
    ? Number.POSITIVE_INFINITY
    : Math.max(SEVERITY[level as LogLevel], SEVERITY[LogLevel.INFO]);
  let name = "competency-bot";
  const emit = (at: LogLevel, message: string, fields: LogFields = {}) => {
    if (SEVERITY[at] < threshold) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level: at, logger: name };
    const requestId = currentRequestId();
    if (requestId) line.requestId = requestId;
    line.msg = scrub(message);
    for (const [key, value] of Object.entries(fields)) {
      if (!(key in line)) line[key] = typeof value === "string" ? scrub(value) : value;
    }
    write(`${JSON.stringify(line)}\n`);
  };
  const bolt =
    (at: LogLevel) =>
    (...parts: unknown[]) =>
      emit(at, parts.map((part) => (typeof part === "string" ? part : describeFailure(part))).join(" "));
  return {
    debug: bolt(LogLevel.DEBUG),
    info: bolt(LogLevel.INFO),
    warn: bolt(LogLevel.WARN),
    error: bolt(LogLevel.ERROR),
    log: (at, message, fields) => emit(at as LogLevel, message, fields),
    setLevel: (next) => {
      if (!silent) threshold = Math.max(SEVERITY[next], SEVERITY[LogLevel.INFO]);
    },
    getLevel: () =>
      (Object.entries(SEVERITY).find(([, value]) => value === threshold)?.[0] as LogLevel) ?? LogLevel.ERROR,
    setName: (next) => {
      name = next;
    },
  };
}
