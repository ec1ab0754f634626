/**
 * The baseline the matcher is measured against: plain TF-IDF cosine between the summary and each
 * profile's whole text (lower-case words, no stemming, no vocabulary, no field weights).
 */

import type { JobProfile } from "../library.js";

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function profileText(profile: JobProfile): string {
  return [
    profile.title,
    profile.description,
    ...profile.alternateTitles,
    ...profile.tasks,
    ...profile.competencies.flatMap((requirement) => [
      requirement.name,
      requirement.definition,
      ...Object.values(requirement.indicators).filter((text): text is string => !!text),
      ...requirement.keywords,
      ...requirement.examples,
    ]),
  ].join("\n");
}

type Vector = Map<string, number>;

function counts(tokens: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const token of tokens) result.set(token, (result.get(token) ?? 0) + 1);
  return result;
}

function normalize(vector: Vector): Vector {
  const length = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  if (length > 0) for (const [key, value] of vector) vector.set(key, value / length);
  return vector;
}

export class TfidfBaseline {
  private readonly profiles: readonly JobProfile[];
  private readonly idf = new Map<string, number>();
  private readonly vectors: Vector[];

  constructor(profiles: readonly JobProfile[]) {
    this.profiles = profiles;
    const documents = profiles.map((profile) => counts(words(profileText(profile))));
    const frequency = new Map<string, number>();
    for (const document of documents)
      for (const term of document.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    for (const [term, df] of frequency) this.idf.set(term, Math.log((1 + profiles.length) / (1 + df)) + 1);
    this.vectors = documents.map((document) => this.weigh(document));
  }

  /** Profile ids by cosine similarity, best first. */
  match(
    summary: string,
    options: { top?: number; framework?: string } = {},
  ): { profileId: number; title: string; score: number }[] {
    const query = this.weigh(counts(words(summary)));
    return this.profiles
      .map((profile, index) => {
        let score = 0;
        const vector = this.vectors[index] as Vector;
        for (const [term, weight] of query) score += weight * (vector.get(term) ?? 0);
        return { profile, index, score };
      })
      .filter(({ profile }) => options.framework === undefined || profile.frameworkName === options.framework)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, options.top ?? 5)
      .map(({ profile, score }) => ({ profileId: profile.id, title: profile.title, score }));
  }

  private weigh(document: Map<string, number>): Vector {
    const vector: Vector = new Map();
    for (const [term, count] of document) {
      const idf = this.idf.get(term);
      if (idf !== undefined) vector.set(term, count * idf);
    }
    return normalize(vector);
  }
}
