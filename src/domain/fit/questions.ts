/**
 * Behavioural interview questions for the competencies a candidate's summary leaves open, written from
 * the competency's own definition and the indicator of the level the role requires.
 */

import type { Indicators } from "../library.js";

export type QuestionSubject = {
  name: string;
  definition: string;
  indicators: Indicators;
  requiredLevel: number;
};

function sentenceCase(text: string): string {
  const trimmed = text.trim().replace(/[.;:\s]+$/, "");
  return trimmed.length === 0 ? trimmed : trimmed[0]?.toLowerCase() + trimmed.slice(1);
}

/** The indicator at the required level, or the nearest one below it, or above it. */
export function indicatorFor(indicators: Indicators, level: number): string | undefined {
  const keys = ["1", "2", "3", "4", "5"] as const;
  const at = (value: number): string | undefined =>
    keys[value - 1] && indicators[keys[value - 1] as (typeof keys)[number]];
  for (let value = level; value >= 1; value--) {
    const text = at(value)?.trim();
    if (text) return text;
  }
  for (let value = level + 1; value <= 5; value++) {
    const text = at(value)?.trim();
    if (text) return text;
  }
  return undefined;
}

/** "Tell me about a time…" for one competency, asking for the situation, the action and the result. */
export function behaviouralQuestion(subject: QuestionSubject): string {
  const indicator = indicatorFor(subject.indicators, subject.requiredLevel);
  const definition = sentenceCase(subject.definition);
  const opening = definition.length > 0 ? `${subject.name}: ${definition}. ` : "";
  const expectation = indicator
    ? ` The level the role needs looks like this: "${indicator.replace(/[.;\s]+$/, "")}".`
    : "";
  return `${opening}Tell me about a recent time your work called for ${subject.name.toLowerCase()}.${expectation} What was the situation, what exactly did you do, and what was the result?`;
}
