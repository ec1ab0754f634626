/**
 * Measuring the matcher: top-k accuracy and macro-F1 of labelled summaries against a framework, and the
 * precision of the evidence the engine quotes, against competencies annotated by hand.
 */

import { FitEngine } from "./matcher.js";
import type { FitResult } from "./types.js";

export type LabelledSummary = {
  id: string;
  text: string;
  /** The profile title the summary fits best, or every acceptable title. */
  label: string | string[];
  /** For evidence precision: the competencies of the label profile the summary really shows. */
  competencies?: string[];
};

/** Anything that ranks profiles for a summary: the FitEngine, or the TF-IDF baseline. */
export type ProfileRanker = {
  match(summary: string, options: { top?: number; framework?: string }): { title: string }[];
};

export type EvidenceScore = { predicted: number; correct: number; expected: number };

export type EvaluationReport = {
  count: number;
  top1: number;
  top3: number;
  top5: number;
  /** Over single-label items' top-1 predictions; null when the labels are lists. */
  macroF1: number | null;
  /** Share of competencies the engine found evidence of that the annotation confirms; null without annotations. */
  evidencePrecision: number | null;
  evidenceRecall: number | null;
  evidenceByCompetency: Record<string, EvidenceScore>;
  misses: { id: string; label: string; predicted: string[] }[];
};

function normalizeTitle(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, " ");
}

function labelsOf(item: LabelledSummary): string[] {
  return (Array.isArray(item.label) ? item.label : [item.label]).map(normalizeTitle);
}

function macroF1(pairs: readonly { gold: string; predicted: string }[]): number {
  const classes = [...new Set(pairs.map((pair) => pair.gold))];
  const scores = classes.map((label) => {
    const truePositives = pairs.filter((pair) => pair.gold === label && pair.predicted === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const actual = pairs.filter((pair) => pair.gold === label).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = actual === 0 ? 0 : truePositives / actual;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return scores.reduce((sum, value) => sum + value, 0) / Math.max(1, scores.length);
}

type EvidenceTally = {
  predicted: number;
  correct: number;
  expected: number;
  byCompetency: Record<string, EvidenceScore>;
};

/** Adds one assessment's evidence to the tally, judged against the competencies annotated by hand. */
function tallyEvidence(tally: EvidenceTally, fit: FitResult, annotated: readonly string[]): void {
  const truth = new Set(annotated.map(normalizeTitle));
  for (const competency of fit.competencies) {
    const score = tally.byCompetency[competency.name] ?? { predicted: 0, correct: 0, expected: 0 };
    tally.byCompetency[competency.name] = score;
    const found = competency.status !== "no_evidence";
    const expected = truth.has(normalizeTitle(competency.name));
    if (found) {
      tally.predicted++;
      score.predicted++;
    }
    if (expected) {
      tally.expected++;
      score.expected++;
    }
    if (found && expected) {
      tally.correct++;
      score.correct++;
    }
  }
}

function evidenceReport(tally: EvidenceTally) {
  return {
    precision: tally.predicted === 0 ? null : tally.correct / tally.predicted,
    recall: tally.expected === 0 ? null : tally.correct / tally.expected,
    byCompetency: tally.byCompetency,
  };
}

/** The annotated items, each with the id of its label profile. */
function annotatedItems(engine: FitEngine, items: readonly LabelledSummary[], framework: string | undefined) {
  return items.flatMap((item) => {
    if (!item.competencies || Array.isArray(item.label)) return [];
    const profileId = engine.profileIdOf(item.label, framework);
    return profileId === undefined ? [] : [{ item, profileId, competencies: item.competencies }];
  });
}

function evidenceScores(engine: FitEngine, items: readonly LabelledSummary[], framework: string | undefined) {
  const tally: EvidenceTally = { predicted: 0, correct: 0, expected: 0, byCompetency: {} };
  for (const { item, profileId, competencies } of annotatedItems(engine, items, framework)) {
    tallyEvidence(tally, engine.assess(item.text, profileId), competencies);
  }
  return evidenceReport(tally);
}

/**
 * Evidence precision and recall of any assessor (the OpenAI one, say) on the annotated items, so two
 * engines can be compared on the same data. `engines` counts which engine answered each item.
 */
export async function evaluateEvidenceWith(
  assess: (summary: string, profileId: number) => Promise<FitResult>,
  engine: FitEngine,
  items: readonly LabelledSummary[],
  options: { framework?: string } = {},
): Promise<ReturnType<typeof evidenceReport> & { engines: Record<string, number> }> {
  const tally: EvidenceTally = { predicted: 0, correct: 0, expected: 0, byCompetency: {} };
  const engines: Record<string, number> = {};
  for (const { item, profileId, competencies } of annotatedItems(engine, items, options.framework)) {
    const fit = await assess(item.text, profileId);
    engines[fit.engine] = (engines[fit.engine] ?? 0) + 1;
    tallyEvidence(tally, fit, competencies);
  }
  return { ...evidenceReport(tally), engines };
}

/** Ranks every labelled summary against the framework and scores the rankings. */
export function evaluateRanking(
  engine: ProfileRanker,
  labelled: readonly LabelledSummary[],
  options: { framework?: string } = {},
): EvaluationReport {
  let top1 = 0;
  let top3 = 0;
  let top5 = 0;
  const pairs: { gold: string; predicted: string }[] = [];
  const misses: EvaluationReport["misses"] = [];
  for (const item of labelled) {
    const titles = engine
      .match(item.text, { top: 5, framework: options.framework })
      .map((result) => result.title);
    const predicted = titles.map(normalizeTitle);
    const gold = labelsOf(item);
    const rank = predicted.findIndex((title) => gold.includes(title));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0 && rank < 5) top5++;
    if (rank !== 0) misses.push({ id: item.id, label: gold.join(" | "), predicted: titles });
    if (!Array.isArray(item.label)) pairs.push({ gold: gold[0] ?? "", predicted: predicted[0] ?? "" });
  }
  const count = Math.max(1, labelled.length);
  const evidence =
    engine instanceof FitEngine
      ? evidenceScores(engine, labelled, options.framework)
      : { precision: null, recall: null, byCompetency: {} };
  return {
    count: labelled.length,
    top1: top1 / count,
    top3: top3 / count,
    top5: top5 / count,
    macroF1: pairs.length === labelled.length && pairs.length > 0 ? macroF1(pairs) : null,
    evidencePrecision: evidence.precision,
    evidenceRecall: evidence.recall,
    evidenceByCompetency: evidence.byCompetency,
    misses,
  };
}
