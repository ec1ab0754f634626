/**
 * Reads a candidate text with an OpenAI chat model (or any server speaking the same API), asking for
 * a strict-schema JSON answer. Every failure, including an answer that does not parse or does not fit
 * the schema, becomes a ModelUnavailableError with a reason, within one overall time budget.
 */
import OpenAI from "openai";
import type { OpenAiConfig } from "../../config.js";
import {
  type ModelCompetencyReading,
  type ModelEvidenceReader,
  type ModelFailureReason,
  type ModelReadingRequest,
  ModelUnavailableError,
} from "../../services/model-evidence-ports.js";
import {
  answerJsonSchema,
  buildMessages,
  maxCompletionTokens,
  PROMPT_VERSION,
  parseAnswer,
} from "./evidence-prompt.js";

export type OpenAiEvidenceReaderOptions = {
  client: OpenAI;
  model: string;
  /** The whole time one reading may take, retries and their back-off included. */
  timeoutMs: number;
  /** Retries of a timeout, 408/409/429 or 5xx answer or dropped connection, as the openai client does them. */
  maxRetries: number;
};

/** The openai client for these settings; its log level is pinned so that no request body is ever logged. */
export function createOpenAiClient(
  config: Pick<OpenAiConfig, "apiKey" | "baseUrl" | "timeoutMs" | "maxRetries">,
) {
  return new OpenAI({
    apiKey: config.apiKey ?? undefined,
    baseURL: config.baseUrl ?? undefined,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    logLevel: "warn",
  });
}

export function createOpenAiEvidenceReader(options: OpenAiEvidenceReaderOptions): ModelEvidenceReader {
  return {
    model: options.model,
    promptVersion: PROMPT_VERSION,
    read: (request) => read(options, request),
  };
}

async function read(
  options: OpenAiEvidenceReaderOptions,
  { profile, text }: ModelReadingRequest,
): Promise<ModelCompetencyReading[]> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  try {
    const request = options.client.chat.completions.create(
      {
        model: options.model,
        messages: buildMessages(profile, text),
        temperature: 0,
        max_completion_tokens: maxCompletionTokens(profile.competencies.length),
        store: false,
        response_format: {
          type: "json_schema",
          json_schema: { name: "competency_evidence", strict: true, schema: answerJsonSchema(profile) },
        },
      },
      { signal: deadline.signal, timeout: options.timeoutMs, maxRetries: options.maxRetries },
    );
    const completion = await withinDeadline(request, deadline.signal);
    return readCompletion(profile, completion);
  } catch (error) {
    throw toUnavailable(error, deadline.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The client waits out a server's Retry-After before retrying even after the signal fired; the race makes
 * the budget hold anyway. The abandoned request sees the aborted signal at its next attempt and ends.
 */
function withinDeadline<T>(request: Promise<T>, signal: AbortSignal): Promise<T> {
  request.catch(() => {});
  return Promise.race([
    request,
    new Promise<never>((_, reject) => {
      const onAbort = () => reject(new ModelUnavailableError("timeout", "no answer within the time budget"));
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    }),
  ]);
}

function readCompletion(
  profile: ModelReadingRequest["profile"],
  completion: OpenAI.Chat.Completions.ChatCompletion,
): ModelCompetencyReading[] {
  // A server answering 200 with something else than a completion object gets here too (a string, null).
  const choice = typeof completion === "object" && completion !== null ? completion.choices?.[0] : undefined;
  if (!choice?.message) throw new ModelUnavailableError("malformed answer", "the answer has no message");
  if (choice.message.refusal) throw new ModelUnavailableError("refused", "the model refused to answer");
  if (choice.finish_reason === "content_filter") throw new ModelUnavailableError("refused", "content filter");
  if (choice.finish_reason === "length") {
    throw new ModelUnavailableError("answer cut short", "the answer reached the output token limit");
  }
  let answer: unknown;
  try {
    answer = JSON.parse(choice.message.content ?? "");
  } catch {
    throw new ModelUnavailableError("malformed answer", "the answer is not JSON");
  }
  const readings = parseAnswer(profile, answer);
  if (readings instanceof Error) {
    const where = readings.issues.map((issue) => issue.path.join(".") || "answer").join(", ");
    throw new ModelUnavailableError(
      "answer outside the schema",
      `the answer does not fit the schema at ${where}`,
    );
  }
  return readings;
}

/** Errors of the exchange become reasons; anything else is a defect here and is rethrown as it is. */
function toUnavailable(error: unknown, pastDeadline: boolean): ModelUnavailableError {
  if (error instanceof ModelUnavailableError) return error;
  const fail = (reason: ModelFailureReason) =>
    new ModelUnavailableError(reason, error instanceof Error ? error.message : String(error));
  if (
    pastDeadline ||
    error instanceof OpenAI.APIConnectionTimeoutError ||
    error instanceof OpenAI.APIUserAbortError
  ) {
    return fail("timeout");
  }
  if (error instanceof OpenAI.APIConnectionError) return fail("connection failed");
  if (error instanceof OpenAI.RateLimitError) return fail("rate limited");
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return fail("not authorised");
  }
  if (error instanceof OpenAI.APIError) {
    return fail(
      typeof error.status === "number" && error.status >= 500 ? "server error" : "request rejected",
    );
  }
  if (error instanceof OpenAI.OpenAIError || error instanceof SyntaxError) return fail("malformed answer");
  throw error;
}
