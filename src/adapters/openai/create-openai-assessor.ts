/**
 * Puts the OpenAI-backed assessor together from configuration: the client, the evidence reader over it,
 * and the assessment service with its cache. main.ts and the evaluation script both start here.
 */
import type { OpenAiConfig } from "../../config.js";
import {
  createModelAssessor,
  type ModelAssessor,
  type ModelAssessorOptions,
} from "../../services/model-assessor.js";
import type { ExtractionCache } from "../../services/model-evidence-ports.js";
import { createOpenAiClient, createOpenAiEvidenceReader } from "./openai-evidence-reader.js";

export type OpenAiAssessorDeps = {
  /** The shared cache (adapters/db/extraction-cache-repository.ts); without one nothing is cached. */
  cache?: ExtractionCache;
  onCacheError?: (error: unknown) => void;
  onModelFailure?: ModelAssessorOptions["onModelFailure"];
};

/** Null when no API key is configured: the local engine then answers on its own. */
export function createOpenAiAssessor(
  config: OpenAiConfig,
  deps: OpenAiAssessorDeps = {},
): ModelAssessor | null {
  if (!config.apiKey) return null;
  const reader = createOpenAiEvidenceReader({
    client: createOpenAiClient(config),
    model: config.model,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
  });
  return createModelAssessor({
    reader,
    cache: deps.cache,
    sendCandidateText: config.sendCandidateText,
    maskNames: config.maskNames,
    onCacheError: deps.onCacheError,
    onModelFailure: deps.onModelFailure,
  });
}
