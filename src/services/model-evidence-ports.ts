import type { JobProfile } from "../domain/library.js";

/** What a model says about one competency, in its own words: its quotes are not checked yet. */
export type ModelCompetencyReading = {
  competencyId: number;
  /** 0–5; 0 means the text shows nothing of it. */
  level: number;
  /** Meant to be verbatim passages of the text the model was given. */
  quotes: string[];
  rationale: string;
};

export type ModelReadingRequest = {
  /** The candidate text exactly as it may leave the process: masked and cut to length. */
  text: string;
  profile: JobProfile;
};

/** Why a model gave no usable answer; shown to users in the engine label ("OpenAI unavailable: timeout"). */
export type ModelFailureReason =
  | "timeout"
  | "rate limited"
  | "server error"
  | "connection failed"
  | "not authorised"
  | "request rejected"
  | "answer cut short"
  | "refused"
  | "malformed answer"
  | "answer outside the schema";

export class ModelUnavailableError extends Error {
  readonly code = "UNAVAILABLE";
  constructor(
    readonly reason: ModelFailureReason,
    message: string,
  ) {
    super(message);
    this.name = "ModelUnavailableError";
  }
}

/** Reads a candidate text against a profile with a language model. Implemented in adapters/openai/. */
export interface ModelEvidenceReader {
  /** The model's name: part of the cache key and of the engine label. */
  readonly model: string;
  /** Changes whenever the prompt or the answer schema change, so cached answers of the old one are not reused. */
  readonly promptVersion: string;
  /** Rejects with ModelUnavailableError when no valid answer came within the time budget. */
  read(request: ModelReadingRequest): Promise<ModelCompetencyReading[]>;
}

/** Model answers shared by every instance. Implemented in adapters/db/extraction-cache-repository.ts. */
export interface ExtractionCache {
  find(key: string): Promise<unknown | null>;
  /** Keeps the first answer saved under a key: instances racing on one key end up showing the same one. */
  save(key: string, result: unknown): Promise<void>;
}
