/**
 * The matcher: an index over a library of profiles, built once, that finds the profiles a summary fits
 * best (match) and orders candidates for one profile (rank).
 *
 * Match order (docs/decisions/003-fit-scoring.md): text relevance — BM25 and TF-IDF cosine over each
 * profile's weighted fields, plus the job titles the summary names — picks a short list, the
 * competency fit of each is scored, and the list is ordered by the two combined. The score shown stays
 * the competency fit.
 */

import type { JobProfile } from "../library.js";
import { openingSentences, readContext } from "./cues.js";
import {
  type CompetencyCues,
  compileCompetency,
  compileCompetencyBase,
  evidenceFromContext,
  type SummaryContext,
  summaryContext,
} from "./evidence.js";
import { type Reading, read, type TermKind } from "./reading.js";
import { scoreFit } from "./scoring.js";
import { stem } from "./stem.js";
import { type FitResult, type MatchResult, type RankedCandidate, validateSummary } from "./types.js";
import { GENERIC_TITLE_NOUNS, STOPWORDS } from "./words.js";

const GENERIC_TITLE_STEMS: ReadonlySet<string> = new Set([...GENERIC_TITLE_NOUNS].map(stem));

const K1 = 1.2;
const B = 0.75;
/** Share of text relevance from TF-IDF cosine, the rest from BM25: cosine is steadier when one rare word dominates BM25. */
const COSINE_SHARE = 0.5;
const POSTING_WIDTH = 3;
/** Field weights of a profile's text. */
const FIELD_WEIGHTS = {
  title: 3,
  alternateTitles: 1,
  description: 1.5,
  tasks: 1,
  competencyName: 1,
  competencyDefinition: 0.5,
  competencyIndicators: 0.3,
  competencyKeywords: 0.2,
  examples: 1,
} as const;
/** Weight of a term the vocabulary added, relative to one written. */
const TERM_KIND_WEIGHT = { word: 1, equivalent: 1, broader: 0.4 } as const;
/** Summary terms in its opening (where a résumé names the candidate's role) count this much more. */
const OPENING_BOOST = 2;
const ALTERNATE_TITLE_FACTOR = 0.8;
/** A title's ending alone ("nurse" of "Staff Nurse", "developer" of "Software Developer"). */
const TITLE_HEAD_FACTOR = 0.5;
const SINGLE_WORD_TITLE = 0.75;
/** The ending alone when it is a job noun of every function ("engineer" of "Civil Engineer"). */
const GENERIC_TITLE_HEAD_FACTOR = 0.3;
/** A title named outside the places a résumé names roles ("worked with the finance director"). */
const OUT_OF_CONTEXT_TITLE = 0.4;
const SHORT_LINE_TOKENS = 8;
/** How much a title mention adds to text relevance (1: the best profile's text score). */
const TITLE_SHARE = 0.8;
/** Share of the match order taken by the competency fit; the rest is text relevance. */
const FIT_SHARE = 0.4;
const SHORTLIST_MIN = 15;
const SHORTLIST_PER_RESULT = 4;

/** `head`: only the ending of a title, which counts only where the summary names a role. */
type TitleNode = { next: Map<string, TitleNode>; titles: { doc: number; weight: number; head: boolean }[] };

type FrameworkIndex = {
  name: string;
  docs: number[];
  /**
   * Per term, for each profile holding it: [profile, BM25 weight (idf × saturated tf), cosine weight
   * (idf² × tf / ‖profile‖)], interleaved.
   */
  postings: Map<string, number[]>;
  titles: TitleNode;
  /** Weight of a title phrase only one profile has: title scores are measured against it. */
  maxTitleWeight: number;
};

/**
 * The units text relevance counts: each written word's stem, and each concept the vocabulary
 * recognised as one unit ("#person train"), so that a concept's generic words ("train") do not match
 * every text that uses them.
 */
function relevanceTerms(reading: Reading): { key: string; weight: number; first: number; last: number }[] {
  const units: { key: string; weight: number; first: number; last: number }[] = [];
  let concept: { stems: string[]; kind: TermKind; first: number; last: number } | undefined;
  const flush = (): void => {
    if (concept && concept.stems.length > 0) {
      units.push({
        key: `#${concept.stems.join(" ")}`,
        weight: TERM_KIND_WEIGHT[concept.kind],
        first: concept.first,
        last: concept.last,
      });
    }
    concept = undefined;
  };
  for (const term of reading.terms) {
    if (term.kind === "word") {
      units.push({ key: term.stem, weight: 1, first: term.first, last: term.last });
    } else if (term.stem === "") {
      flush();
    } else {
      concept ??= { stems: [], kind: term.kind, first: term.first, last: term.last };
      concept.stems.push(term.stem);
    }
  }
  flush();
  return units;
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const unit of relevanceTerms(read(text)))
    counts.set(unit.key, (counts.get(unit.key) ?? 0) + unit.weight);
  return counts;
}

/** Builds profile term vectors; texts shared by many profiles (competency definitions) are read once. */
class ProfileTermReader {
  private readonly fields = new Map<string, Map<string, number>>();
  private readonly competencies = new Map<number, Map<string, number>>();

  termsOf(profile: JobProfile): Map<string, number> {
    const terms = new Map<string, number>();
    addScaled(terms, this.field([profile.title]), FIELD_WEIGHTS.title);
    addScaled(terms, this.field(profile.alternateTitles), FIELD_WEIGHTS.alternateTitles);
    addScaled(terms, this.field([profile.description]), FIELD_WEIGHTS.description);
    addScaled(terms, this.field(profile.tasks), FIELD_WEIGHTS.tasks);
    for (const requirement of profile.competencies) {
      const importance = Math.max(1, requirement.importance) / 5;
      addScaled(terms, this.competency(requirement), importance);
      addScaled(terms, this.field(requirement.examples), FIELD_WEIGHTS.examples * importance);
    }
    return terms;
  }

  /** A competency's own text, weighted by field, shared by every profile that requires it. */
  private competency(requirement: JobProfile["competencies"][number]): Map<string, number> {
    let vector = this.competencies.get(requirement.competencyId);
    if (!vector) {
      vector = new Map();
      const indicators = Object.values(requirement.indicators).filter((text): text is string => !!text);
      addScaled(vector, this.field([requirement.name]), FIELD_WEIGHTS.competencyName);
      addScaled(vector, this.field([requirement.definition]), FIELD_WEIGHTS.competencyDefinition);
      addScaled(vector, this.field(indicators), FIELD_WEIGHTS.competencyIndicators);
      addScaled(vector, this.field(requirement.keywords), FIELD_WEIGHTS.competencyKeywords);
      this.competencies.set(requirement.competencyId, vector);
    }
    return vector;
  }

  /** A field's terms, each saturating with its count in the field: 1 + ln count. */
  private field(texts: readonly string[]): Map<string, number> {
    const joined = texts.filter((text) => text.trim().length > 0).join("\n");
    let vector = this.fields.get(joined);
    if (!vector) {
      vector = new Map();
      for (const [key, count] of termCounts(joined)) vector.set(key, 1 + Math.log(count));
      this.fields.set(joined, vector);
    }
    return vector;
  }
}

function addScaled(target: Map<string, number>, source: ReadonlyMap<string, number>, weight: number): void {
  if (weight <= 0) return;
  for (const [key, value] of source) target.set(key, (target.get(key) ?? 0) + weight * value);
}

/**
 * Stem sequences of a title as written and, when the vocabulary reads the whole title as one term, as
 * that term ("RN" → "registered nurse"; not "Lead Engineer" → "leadership").
 * Protected words stay in the written form ("Drop Board Man"), so such a title is never matched by its
 * remaining words: a summary's terms never contain them.
 */
function titlePhrases(title: string): string[][] {
  const reading = read(title);
  const content = reading.tokens
    .map((token, index) => ({ token, index, stem: reading.tokenStems[index] ?? "" }))
    .filter(({ token }) => token.norm.length >= 2 && !STOPWORDS.has(token.norm) && !/^\d+$/.test(token.norm));
  const phrases: string[][] = [];
  if (content.length > 0) phrases.push(content.map(({ stem }) => stem));
  const first = content[0]?.index ?? 0;
  const last = content.at(-1)?.index ?? 0;
  let group: { stems: string[]; first: number; last: number } | undefined;
  const flush = (): void => {
    if (group && group.stems.length > 0 && group.first <= first && group.last >= last)
      phrases.push(group.stems);
    group = undefined;
  };
  for (const term of reading.terms) {
    if (term.kind === "word") continue;
    if (term.stem === "") flush();
    else if (term.kind === "equivalent") {
      group ??= { stems: [], first: term.first, last: term.last };
      group.stems.push(term.stem);
    }
  }
  flush();
  return phrases;
}

function buildFrameworkIndex(name: string, profiles: readonly JobProfile[], docs: number[]): FrameworkIndex {
  const postings = new Map<string, number[]>();
  const lengths = new Float64Array(profiles.length);
  const termReader = new ProfileTermReader();
  for (const doc of docs) {
    const profile = profiles[doc];
    if (!profile) continue;
    let length = 0;
    for (const [stem, tf] of termReader.termsOf(profile)) {
      length += tf;
      const list = postings.get(stem);
      if (list) list.push(doc, tf, tf);
      else postings.set(stem, [doc, tf, tf]);
    }
    lengths[doc] = length;
  }
  const count = docs.length;
  const averageLength = docs.reduce((sum, doc) => sum + (lengths[doc] ?? 0), 0) / Math.max(1, count);
  const norms = new Float64Array(profiles.length);
  for (const list of postings.values()) {
    const df = list.length / POSTING_WIDTH;
    const bm25Idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
    const cosineIdf = Math.log(1 + count / df);
    for (let at = 0; at < list.length; at += POSTING_WIDTH) {
      const doc = list[at] ?? 0;
      const tf = list[at + 1] ?? 0;
      const norm = K1 * (1 - B + (B * (lengths[doc] ?? 0)) / Math.max(1e-9, averageLength));
      list[at + 1] = (bm25Idf * tf * (K1 + 1)) / (tf + norm);
      const weight = tf * cosineIdf;
      list[at + 2] = weight * cosineIdf;
      norms[doc] = (norms[doc] ?? 0) + weight * weight;
    }
  }
  for (const list of postings.values()) {
    for (let at = 0; at < list.length; at += POSTING_WIDTH) {
      const doc = list[at] ?? 0;
      list[at + 2] = (list[at + 2] ?? 0) / Math.sqrt(Math.max(1e-9, norms[doc] ?? 0));
    }
  }

  const titles: TitleNode = { next: new Map(), titles: [] };
  const holdersOf = new Map<string, number>();
  const entries: { doc: number; phrase: string[]; key: string; factor: number; head: boolean }[] = [];
  for (const doc of docs) {
    const profile = profiles[doc];
    if (!profile) continue;
    const seen = new Set<string>();
    const add = (phrase: string[], factor: number, head = false): void => {
      const key = phrase.join(" ");
      if (seen.has(key)) return;
      seen.add(key);
      entries.push({ doc, phrase, key, factor, head });
      holdersOf.set(key, (holdersOf.get(key) ?? 0) + 1);
    };
    const titleList = [profile.title, ...profile.alternateTitles].map(titlePhrases);
    titleList.forEach((phrases, index) => {
      for (const phrase of phrases) add(phrase, index === 0 ? 1 : ALTERNATE_TITLE_FACTOR);
    });
    for (const phrases of titleList) {
      for (const phrase of phrases) {
        for (let start = 1; start < phrase.length; start++) {
          const ending = phrase.slice(start);
          const generic = ending.length === 1 && GENERIC_TITLE_STEMS.has(ending[0] ?? "");
          add(ending, generic ? GENERIC_TITLE_HEAD_FACTOR : TITLE_HEAD_FACTOR, true);
        }
      }
    }
  }
  for (const { doc, phrase, key, factor, head } of entries) {
    const holders = holdersOf.get(key) ?? 1;
    const weight = Math.log(1 + count / holders) * (phrase.length > 1 ? 1 : SINGLE_WORD_TITLE) * factor;
    let node = titles;
    for (const stem of phrase) {
      let child = node.next.get(stem);
      if (!child) {
        child = { next: new Map(), titles: [] };
        node.next.set(stem, child);
      }
      node = child;
    }
    node.titles.push({ doc, weight, head });
  }
  return { name, docs, postings, titles, maxTitleWeight: Math.log(1 + count) };
}

type QueryTerms = Map<string, number>;

/** Terms of the summary, less those it negates ("no experience with SAP", "not a data scientist"). */
function queryTerms(reading: Reading): QueryTerms {
  const weights = new Map<string, number>();
  const negated = new Map<number, boolean>();
  const isNegated = (first: number, last: number): boolean => {
    let known = negated.get(first);
    if (known === undefined) {
      const context = readContext(reading, first, last);
      known = context.negated || context.learning;
      negated.set(first, known);
    }
    return known;
  };
  const openings = openingSentences(reading);
  for (const unit of relevanceTerms(reading)) {
    if (isNegated(unit.first, unit.last)) continue;
    const opening = openings.has(reading.tokens[unit.first]?.sentence ?? -1) ? OPENING_BOOST : 1;
    weights.set(unit.key, (weights.get(unit.key) ?? 0) + unit.weight * opening);
  }
  for (const [stem, weight] of weights) weights.set(stem, 1 + Math.log(weight));
  return weights;
}

/** The stem sequences in which a summary may name a job title: its words, and each canonical group. */
function titleSequences(reading: Reading): { stems: string[]; tokens: number[] }[] {
  const sequences: { stems: string[]; tokens: number[] }[] = [{ stems: [], tokens: [] }];
  let group: { stems: string[]; tokens: number[] } | undefined;
  for (const term of reading.terms) {
    if (term.kind === "word") {
      sequences[0]?.stems.push(term.stem);
      sequences[0]?.tokens.push(term.first);
    } else if (term.stem === "") {
      group = undefined;
    } else if (term.kind === "equivalent") {
      if (!group) {
        group = { stems: [], tokens: [] };
        sequences.push(group);
      }
      group.stems.push(term.stem);
      group.tokens.push(term.first);
    }
  }
  return sequences;
}

/**
 * Where a summary names a role: its opening, short lines (headings such as "Staff Nurse – ICU") and
 * the first words of a sentence.
 */
function titleContexts(reading: Reading): boolean[] {
  const lineLengths = new Map<number, number>();
  for (const token of reading.tokens) lineLengths.set(token.line, (lineLengths.get(token.line) ?? 0) + 1);
  const openings = openingSentences(reading);
  let sentence = -1;
  let position = 0;
  return reading.tokens.map((token) => {
    position = token.sentence === sentence ? position + 1 : 0;
    sentence = token.sentence;
    return (
      openings.has(token.sentence) || (lineLengths.get(token.line) ?? 0) <= SHORT_LINE_TOKENS || position <= 2
    );
  });
}

/** How strongly the summary names each profile's titles, 0 to about 1.5 (1: a title only that profile has, where a role is named). */
function titleScores(index: FrameworkIndex, reading: Reading): Map<number, number> {
  const contexts = titleContexts(reading);
  const best = new Map<number, number>();
  const total = new Map<number, number>();
  for (const sequence of titleSequences(reading)) {
    for (let start = 0; start < sequence.stems.length; start++) {
      let node: TitleNode | undefined = index.titles;
      const firstToken = sequence.tokens[start] ?? 0;
      const sentence = reading.tokens[firstToken]?.sentence;
      const inContext = contexts[firstToken] ?? false;
      for (let offset = start; offset < sequence.stems.length; offset++) {
        const token = reading.tokens[sequence.tokens[offset] ?? 0];
        if (token?.sentence !== sentence) break;
        node = node.next.get(sequence.stems[offset] ?? "");
        if (!node) break;
        for (const { doc, weight, head } of node.titles) {
          if (head && !inContext) continue;
          const score = weight * (inContext ? 1 : OUT_OF_CONTEXT_TITLE);
          best.set(doc, Math.max(best.get(doc) ?? 0, score));
          total.set(doc, (total.get(doc) ?? 0) + score);
        }
      }
    }
  }
  const scores = new Map<number, number>();
  for (const [doc, top] of best) {
    const others = (total.get(doc) ?? top) - top;
    scores.set(doc, (top + 0.25 * Math.log(1 + others)) / index.maxTitleWeight);
  }
  return scores;
}

/** BM25 and TF-IDF cosine scores by document index (other frameworks' profiles stay 0). */
function textScores(
  index: FrameworkIndex,
  query: QueryTerms,
  size: number,
): { bm25: Float64Array; cosine: Float64Array } {
  const bm25 = new Float64Array(size);
  const cosine = new Float64Array(size);
  for (const [stem, queryWeight] of query) {
    const list = index.postings.get(stem);
    if (!list) continue;
    for (let at = 0; at < list.length; at += POSTING_WIDTH) {
      const doc = list[at] ?? 0;
      bm25[doc] = (bm25[doc] ?? 0) + queryWeight * (list[at + 1] ?? 0);
      cosine[doc] = (cosine[doc] ?? 0) + queryWeight * (list[at + 2] ?? 0);
    }
  }
  return { bm25, cosine };
}

export type MatchOptions = { top?: number; framework?: string; family?: string };

export class FitEngine {
  private readonly profiles: readonly JobProfile[];
  private readonly frameworks = new Map<string, FrameworkIndex>();
  private readonly byId = new Map<number, number>();
  private readonly cues = new Map<number, CompetencyCues[]>();
  private readonly competencyBases = new Map<string, CompetencyCues>();

  constructor(profiles: readonly JobProfile[]) {
    this.profiles = [...profiles];
    const docsByFramework = new Map<string, number[]>();
    this.profiles.forEach((profile, doc) => {
      this.byId.set(profile.id, doc);
      const docs = docsByFramework.get(profile.frameworkName) ?? [];
      docs.push(doc);
      docsByFramework.set(profile.frameworkName, docs);
    });
    for (const [name, docs] of docsByFramework)
      this.frameworks.set(name, buildFrameworkIndex(name, this.profiles, docs));
  }

  /** The profiles this summary fits best, best first. */
  match(summary: string, options: MatchOptions = {}): MatchResult[] {
    validateSummary(summary);
    const top = Math.max(1, options.top ?? 5);
    const reading = read(summary);
    const context = summaryContext(reading);
    const query = queryTerms(reading);
    const candidates: { doc: number; relevance: number }[] = [];
    for (const index of this.frameworks.values()) {
      if (options.framework !== undefined && index.name !== options.framework) continue;
      const allowed =
        options.family === undefined
          ? undefined
          : new Set(index.docs.filter((doc) => this.profiles[doc]?.family === options.family));
      candidates.push(...this.relevance(index, reading, query, allowed));
    }
    const shortlist = candidates
      .sort((a, b) => b.relevance - a.relevance || a.doc - b.doc)
      .slice(0, Math.max(SHORTLIST_MIN, top * SHORTLIST_PER_RESULT));
    const results = shortlist.map(({ doc, relevance }) => {
      const profile = this.profiles[doc] as JobProfile;
      const fit = this.fitFor(doc, context);
      const matchScore = (1 - FIT_SHARE) * relevance + (FIT_SHARE * fit.overall) / 100;
      return {
        doc,
        result: {
          profileId: profile.id,
          title: profile.title,
          frameworkName: profile.frameworkName,
          family: profile.family,
          score: fit.overall,
          general: fit.general,
          technical: fit.technical,
          relevance: round(relevance),
          matchScore: round(matchScore),
        },
        matchScore,
      };
    });
    return results
      .sort((a, b) => b.matchScore - a.matchScore || a.doc - b.doc)
      .slice(0, top)
      .map(({ result }) => result);
  }

  /** Candidates for one profile, best fit first (ties: technical fit, then id). */
  rank(candidates: readonly { id: string; text: string }[], profileId: number): RankedCandidate[] {
    const doc = this.docOf(profileId);
    const fits = candidates.map((candidate) => {
      validateSummary(candidate.text);
      return { id: candidate.id, fit: this.fitFor(doc, summaryContext(read(candidate.text))) };
    });
    return fits
      .sort(
        (a, b) =>
          b.fit.overall - a.fit.overall ||
          (b.fit.technical ?? 0) - (a.fit.technical ?? 0) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      )
      .map(({ id, fit }, position) => ({
        id,
        rank: position + 1,
        overall: fit.overall,
        general: fit.general,
        technical: fit.technical,
        band: fit.band,
        essentialWithoutEvidence: fit.essentialWithoutEvidence,
      }));
  }

  /** The full fit of a summary against one profile of the library (same result as assessFit). */
  assess(summary: string, profileId: number): FitResult {
    validateSummary(summary);
    return this.fitFor(this.docOf(profileId), summaryContext(read(summary)));
  }

  /** The id of the profile with this title (case-insensitive), in one framework or any. */
  profileIdOf(title: string, framework?: string): number | undefined {
    const wanted = title.trim().toLowerCase();
    return this.profiles.find(
      (profile) =>
        profile.title.trim().toLowerCase() === wanted &&
        (framework === undefined || profile.frameworkName === framework),
    )?.id;
  }

  private docOf(profileId: number): number {
    const doc = this.byId.get(profileId);
    if (doc === undefined) throw new RangeError(`No profile with id ${profileId} in this library.`);
    return doc;
  }

  private relevance(
    index: FrameworkIndex,
    reading: Reading,
    query: QueryTerms,
    allowed: ReadonlySet<number> | undefined,
  ): { doc: number; relevance: number }[] {
    const { bm25, cosine } = textScores(index, query, this.profiles.length);
    const titles = titleScores(index, reading);
    const docs = allowed ? [...allowed] : index.docs;
    const bestBm25 = Math.max(1e-9, ...docs.map((doc) => bm25[doc] ?? 0));
    const bestCosine = Math.max(1e-9, ...docs.map((doc) => cosine[doc] ?? 0));
    const combined = docs.map((doc) => ({
      doc,
      relevance:
        (1 - COSINE_SHARE) * ((bm25[doc] ?? 0) / bestBm25) +
        COSINE_SHARE * ((cosine[doc] ?? 0) / bestCosine) +
        TITLE_SHARE * (titles.get(doc) ?? 0),
    }));
    const best = Math.max(1e-9, ...combined.map((item) => item.relevance));
    return combined.map((item) => ({ doc: item.doc, relevance: item.relevance / best }));
  }

  private fitFor(doc: number, context: SummaryContext): FitResult {
    const profile = this.profiles[doc] as JobProfile;
    return scoreFit(profile, evidenceFromContext(context, this.cuesOf(doc)), "local");
  }

  private cuesOf(doc: number): CompetencyCues[] {
    const cached = this.cues.get(doc);
    if (cached) return cached;
    const profile = this.profiles[doc] as JobProfile;
    const compiled = profile.competencies.map((requirement) => {
      const key = `${profile.frameworkName}\u0000${requirement.competencyId}`;
      let base = this.competencyBases.get(key);
      if (!base) {
        base = compileCompetencyBase(requirement);
        this.competencyBases.set(key, base);
      }
      return compileCompetency(requirement, base);
    });
    this.cues.set(doc, compiled);
    return compiled;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
