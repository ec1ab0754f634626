/**
 * Assesses a candidate with a language model reading the summary and the deterministic rule scoring it.
 * The model only proposes levels with verbatim quotes; quotes not found in the summary are dropped, and a
 * competency left without a quote keeps the local engine's reading. When the model cannot answer, or
 * sending candidate text is switched off, the local engine answers alone and the result says so.
 * The decisions are in docs/decisions/005-openai-evidence.md.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { type CompetencyEvidence, extractEvidence, type FitResult, scoreFit } from "../domain/fit/index.js";
import type { JobProfile } from "../domain/library.js";
import { countMasked, cutMasked, type MaskedText, maskPii, originalRangeOf } from "../domain/pii-mask.js";
import {
  type ExtractionCache,
  type ModelCompetencyReading,
  type ModelEvidenceReader,
  ModelUnavailableError,
} from "./model-evidence-ports.js";

/** Characters of candidate text sent per request, which bounds the tokens one assessment can use. */
export const MODEL_TEXT_MAX_CHARS = 12_000;

/** Quotes shorter than this ("a", "in") prove nothing, wherever they occur. */
const MIN_QUOTE_CHARS = 3;
const MAX_RATIONALE_CHARS = 300;

export type ModelAssessorOptions = {
  reader: ModelEvidenceReader;
  /** Shared answers; without one every assessment asks the model. */
  cache?: ExtractionCache;
  /** False: nothing is sent, the local engine answers. */
  sendCandidateText: boolean;
  maskNames: boolean;
  /** Told when the cache cannot be read or written; the assessment goes on without it. */
  onCacheError?: (error: unknown) => void;
  /** Told when the model gave no usable answer (for logs: a wrong key would otherwise go unnoticed). */
  onModelFailure?: (error: ModelUnavailableError) => void;
};

export type ModelAssessment = {
  fit: FitResult;
  /** What the user should know about how this result was reached (text cut, quotes dropped, fallback). */
  notices: string[];
};

export type ModelAssessor = (summary: string, profile: JobProfile) => Promise<ModelAssessment>;

const LOCAL_ENGINE = "local";

export function createModelAssessor(options: ModelAssessorOptions): ModelAssessor {
  return (summary, profile) => assessWithModel(options, summary, profile);
}

async function assessWithModel(
  options: ModelAssessorOptions,
  summary: string,
  profile: JobProfile,
): Promise<ModelAssessment> {
  const local = extractEvidence(summary, profile);
  if (!options.sendCandidateText) {
    return {
      fit: scoreFit(profile, local, `${LOCAL_ENGINE} (candidate text is not sent to OpenAI)`),
      notices: ["Sending candidate text to OpenAI is switched off here; the local engine read this summary."],
    };
  }
  const masked = maskPii(summary, { names: options.maskNames });
  const sent = cutMasked(masked, MODEL_TEXT_MAX_CHARS);
  const key = cacheKey(options, summary, profile);
  let grounded = await findCached(options, key);
  if (!grounded) {
    try {
      grounded = groundReadings(await options.reader.read({ text: sent, profile }), masked, sent);
    } catch (error) {
      if (!(error instanceof ModelUnavailableError)) throw error;
      options.onModelFailure?.(error);
      return {
        fit: scoreFit(profile, local, `${LOCAL_ENGINE} (OpenAI unavailable: ${error.reason})`),
        notices: [
          `OpenAI gave no usable answer (${error.reason}); the local engine read this summary instead.`,
        ],
      };
    }
    await saveCached(options, key, grounded);
  }
  const evidence = mergeEvidence(profile, local, grounded, summary);
  return {
    fit: scoreFit(profile, evidence, `openai (${options.reader.model})`),
    notices: modelNotices(summary, masked, sent, grounded),
  };
}

/** A model reading whose quotes were found in the summary, as offsets into it: what the cache keeps. */
type GroundedReading = z.infer<typeof GroundedReadingSchema>;

const GroundedReadingSchema = z.object({
  competencies: z.array(
    z.object({
      competencyId: z.number().int(),
      level: z.number().int().min(0).max(5),
      spans: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])),
      rationale: z.string(),
    }),
  ),
  /** Quotes not found verbatim in the text sent, or cutting a placeholder in two. */
  droppedQuotes: z.number().int().min(0),
  /** Levels above 0 left without any quote found. */
  unsupportedLevels: z.number().int().min(0),
});

/**
 * Every quote must be an exact substring of the text that was sent; its offsets are then mapped back to
 * the summary as given. A quote holding whole placeholders maps to the personal data they stand for; one
 * that cuts a placeholder in two cannot be mapped and is dropped.
 */
function groundReadings(
  readings: ModelCompetencyReading[],
  masked: MaskedText,
  sent: string,
): GroundedReading {
  let droppedQuotes = 0;
  let unsupportedLevels = 0;
  const competencies = readings.map((reading) => {
    const spans: [number, number][] = [];
    for (const quote of reading.quotes) {
      const span = locateQuote(quote.trim(), masked, sent);
      if (!span) droppedQuotes += 1;
      else if (!spans.some(([start, end]) => start === span[0] && end === span[1])) spans.push(span);
    }
    if (reading.level > 0 && spans.length === 0) unsupportedLevels += 1;
    const rationale = reading.rationale.trim();
    return {
      competencyId: reading.competencyId,
      level: reading.level,
      spans,
      rationale:
        rationale.length > MAX_RATIONALE_CHARS
          ? `${rationale.slice(0, MAX_RATIONALE_CHARS - 1)}…`
          : rationale,
    };
  });
  return { competencies, droppedQuotes, unsupportedLevels };
}

function locateQuote(quote: string, masked: MaskedText, sent: string): [number, number] | null {
  if (quote.replace(/\s/g, "").length < MIN_QUOTE_CHARS) return null;
  const at = sent.indexOf(quote);
  if (at < 0) return null;
  const range = originalRangeOf(masked, at, at + quote.length);
  return range ? [range.start, range.end] : null;
}

/** The model's reading where it rests on a quote, the local engine's everywhere else. */
function mergeEvidence(
  profile: JobProfile,
  local: CompetencyEvidence[],
  grounded: GroundedReading,
  summary: string,
): CompetencyEvidence[] {
  const localById = new Map(local.map((evidence) => [evidence.competencyId, evidence]));
  const modelById = new Map(
    grounded.competencies
      .map((reading) => ({
        ...reading,
        spans: reading.spans.filter(([start, end]) => start < end && end <= summary.length),
      }))
      .filter((reading) => reading.spans.length > 0)
      .map((reading) => [reading.competencyId, reading]),
  );
  return profile.competencies.flatMap((competency): CompetencyEvidence[] => {
    const reading = modelById.get(competency.competencyId);
    if (!reading) {
      const fallback = localById.get(competency.competencyId);
      return fallback ? [fallback] : [];
    }
    return [
      {
        competencyId: competency.competencyId,
        demonstratedLevel: reading.level,
        evidence: reading.spans.map(([start, end]) => ({ start, end, text: summary.slice(start, end) })),
        rationale: reading.rationale,
      },
    ];
  });
}

function modelNotices(
  summary: string,
  masked: MaskedText,
  sent: string,
  grounded: GroundedReading,
): string[] {
  const notices: string[] = [];
  const maskedPieces = describeMasked(masked);
  if (maskedPieces)
    notices.push(`Before the summary went to OpenAI, ${maskedPieces} replaced by placeholders.`);
  if (sent.length < masked.text.length) {
    const limit = MODEL_TEXT_MAX_CHARS.toLocaleString("en-US");
    notices.push(
      `The summary is longer than ${limit} characters: OpenAI read only its beginning (the first ${sent.length.toLocaleString("en-US")} of ${summary.length.toLocaleString("en-US")} characters).`,
    );
  }
  if (grounded.droppedQuotes > 0) {
    notices.push(
      `${plural(grounded.droppedQuotes, "quote", "quotes")} from OpenAI ${grounded.droppedQuotes === 1 ? "is" : "are"} not in the summary word for word and ${grounded.droppedQuotes === 1 ? "was" : "were"} dropped.`,
    );
  }
  if (grounded.unsupportedLevels > 0) {
    notices.push(
      `For ${plural(grounded.unsupportedLevels, "competency", "competencies")} OpenAI gave a level without a quote found in the summary; the local engine's reading is used there.`,
    );
  }
  return notices;
}

function describeMasked(masked: MaskedText): string | null {
  const counts = countMasked(masked);
  const pieces = [
    counts.EMAIL > 0 ? plural(counts.EMAIL, "e-mail address", "e-mail addresses") : null,
    counts.PHONE > 0 ? plural(counts.PHONE, "phone number", "phone numbers") : null,
    counts.ADDRESS > 0 ? plural(counts.ADDRESS, "street address", "street addresses") : null,
    counts.NAME > 0 ? plural(counts.NAME, "name", "names") : null,
  ].filter((piece): piece is string => piece !== null);
  if (pieces.length === 0) return null;
  const list = pieces.length === 1 ? pieces[0] : `${pieces.slice(0, -1).join(", ")} and ${pieces.at(-1)}`;
  return `${list} ${masked.spans.length === 1 ? "was" : "were"}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The same summary, profile version, model, prompt and masking give the same answer. The key is a hash:
 * the cache holds no candidate text, only offsets into it, levels and rationales.
 */
function cacheKey(options: ModelAssessorOptions, summary: string, profile: JobProfile): string {
  const parts = [
    summary,
    profile.id,
    profile.version,
    options.reader.model,
    options.reader.promptVersion,
    options.maskNames ? "mask-names" : "keep-names",
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

async function findCached(options: ModelAssessorOptions, key: string): Promise<GroundedReading | null> {
  if (!options.cache) return null;
  try {
    const parsed = GroundedReadingSchema.safeParse(await options.cache.find(key));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    options.onCacheError?.(error);
    return null;
  }
}

async function saveCached(
  options: ModelAssessorOptions,
  key: string,
  grounded: GroundedReading,
): Promise<void> {
  if (!options.cache) return;
  try {
    await options.cache.save(key, grounded);
  } catch (error) {
    options.onCacheError?.(error);
  }
}

/** A fit result with what the user should be told about it (see ModelAssessment). */
export type FitWithNotices = FitResult & { notices: string[] };

/**
 * The assessor in the shape assessCandidate's `assessor` port takes (summary, profile id): the profile is
 * looked up first, and the notices travel on the result, so they are stored and rendered with it.
 */
export function byProfileId(
  assess: ModelAssessor,
  getProfile: (profileId: number) => JobProfile,
): (summary: string, profileId: number) => Promise<FitWithNotices> {
  return async (summary, profileId) => {
    const { fit, notices } = await assess(summary, getProfile(profileId));
    return { ...fit, notices };
  };
}
