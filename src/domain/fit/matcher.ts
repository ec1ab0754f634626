/**
 * The matcher: an index over a library of profiles, built once, that finds the profiles a summary fits
 * best (match) and orders candidates for one profile (rank).
 *
 * Match order (docs/decisions/003-fit-scoring.md): text relevance — BM25 and TF-IDF cosine over each
 * profile's weighted fields, plus the job titles the summary names as the candidate's own (not a past
 * or wanted job, nor the writer's: "former teacher", "Recruiter note") — picks a short list, the
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
  levelFor,
  type SummaryContext,
  summaryContext,
} from "./evidence.js";
import { type Reading, read } from "./reading.js";
import { bandFor, type FitTotals, fitTotals, scoreFit } from "./scoring.js";
import { TermIds } from "./term-ids.js";
import { forEachRelevanceTerm, TextIndex } from "./text-relevance.js";
import { TitlePhraseIndex } from "./title-phrases.js";
import { type FitResult, type MatchResult, type RankedCandidate, validateSummary } from "./types.js";

/** Share of text relevance from TF-IDF cosine, the rest from BM25: cosine is steadier when one rare word dominates BM25. */
const COSINE_SHARE = 0.5;
/** Summary terms in its opening (where a résumé names the candidate's role) count this much more. */
const OPENING_BOOST = 2;
/** How much a title mention adds to text relevance (1: the best profile's text score). */
const TITLE_SHARE = 0.8;
/** Share of the match order taken by the competency fit; the rest is text relevance. */
const FIT_SHARE = 0.4;
const SHORTLIST_MIN = 15;
const SHORTLIST_PER_RESULT = 4;

type FrameworkIndex = {
  name: string;
  docs: number[];
  text: TextIndex;
  titles: TitlePhraseIndex;
};

type QueryTerms = Map<string, number>;

/**
 * Terms of the summary, less those it negates ("no experience with SAP", "not a data scientist") and
 * the job titles that are not the candidate's own ("former teacher", "Recruiter note").
 */
function queryTerms(reading: Reading, otherRoleTokens: ReadonlySet<number>): QueryTerms {
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
  forEachRelevanceTerm(reading, (key, weight, first, last) => {
    if (otherRoleTokens.has(first) || otherRoleTokens.has(last) || isNegated(first, last)) return;
    const opening = openings.has(reading.tokens[first]?.sentence ?? -1) ? OPENING_BOOST : 1;
    weights.set(key, (weights.get(key) ?? 0) + weight * opening);
  });
  for (const [stem, weight] of weights) weights.set(stem, 1 + Math.log(weight));
  return weights;
}

export type MatchOptions = { top?: number; framework?: string; family?: string };

export class FitEngine {
  private readonly profiles: readonly JobProfile[];
  private readonly frameworks = new Map<string, FrameworkIndex>();
  private readonly byId = new Map<number, number>();
  private readonly cues = new Map<number, CompetencyCues[]>();
  private readonly competencyBases = new Map<string, CompetencyCues>();
  private readonly terms = new TermIds();

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
      this.frameworks.set(name, {
        name,
        docs,
        text: TextIndex.build(this.profiles, docs, this.terms),
        titles: TitlePhraseIndex.build(this.profiles, docs, this.terms),
      });
  }

  /** The profiles this summary fits best, best first. */
  match(summary: string, options: MatchOptions = {}): MatchResult[] {
    validateSummary(summary);
    const top = Math.max(1, options.top ?? 5);
    const reading = read(summary);
    const context = summaryContext(reading);
    const shortlist = new Shortlist(Math.max(SHORTLIST_MIN, top * SHORTLIST_PER_RESULT));
    for (const index of this.frameworks.values()) {
      if (options.framework !== undefined && index.name !== options.framework) continue;
      const allowed =
        options.family === undefined
          ? undefined
          : new Set(index.docs.filter((doc) => this.profiles[doc]?.family === options.family));
      this.relevance(index, reading, allowed, shortlist);
    }
    const results = shortlist.candidates.map(({ doc, relevance }) => {
      const profile = this.profiles[doc] as JobProfile;
      const fit = this.totalsFor(doc, context);
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
      return { id: candidate.id, fit: this.totalsFor(doc, summaryContext(read(candidate.text))) };
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
        band: bandFor(fit.overall),
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

  /** Offers each profile of the framework to the shortlist, with its text relevance (1: the best here). */
  private relevance(
    index: FrameworkIndex,
    reading: Reading,
    allowed: ReadonlySet<number> | undefined,
    shortlist: Shortlist,
  ): void {
    const { scores: titles, otherRoleTokens } = index.titles.scores(reading, this.profiles.length);
    const query = queryTerms(reading, otherRoleTokens);
    const { bm25, cosine } = index.text.scores(query, this.profiles.length);
    const docs = allowed ? [...allowed] : index.docs;
    let bestBm25 = 1e-9;
    let bestCosine = 1e-9;
    for (const doc of docs) {
      bestBm25 = Math.max(bestBm25, bm25[doc] ?? 0);
      bestCosine = Math.max(bestCosine, cosine[doc] ?? 0);
    }
    const combined = new Float64Array(docs.length);
    let best = 1e-9;
    docs.forEach((doc, at) => {
      const relevance =
        (1 - COSINE_SHARE) * ((bm25[doc] ?? 0) / bestBm25) +
        COSINE_SHARE * ((cosine[doc] ?? 0) / bestCosine) +
        TITLE_SHARE * (titles[doc] ?? 0);
      combined[at] = relevance;
      best = Math.max(best, relevance);
    });
    docs.forEach((doc, at) => {
      shortlist.offer(doc, (combined[at] ?? 0) / best);
    });
  }

  private fitFor(doc: number, context: SummaryContext): FitResult {
    const profile = this.profiles[doc] as JobProfile;
    return scoreFit(profile, evidenceFromContext(context, this.cuesOf(doc)), "local");
  }

  private totalsFor(doc: number, context: SummaryContext): FitTotals {
    const profile = this.profiles[doc] as JobProfile;
    const levels = new Map<number, number>();
    for (const cues of this.cuesOf(doc)) levels.set(cues.competencyId, levelFor(context, cues));
    return fitTotals(profile, levels);
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

type Candidate = { doc: number; relevance: number };

/** The most relevant candidates offered, best first (ties: the lower document number). */
class Shortlist {
  readonly candidates: Candidate[] = [];

  constructor(private readonly size: number) {}

  offer(doc: number, relevance: number): void {
    const { candidates } = this;
    const last = candidates.at(-1);
    if (candidates.length === this.size && (!last || !ranksBefore(doc, relevance, last))) return;
    if (candidates.length === this.size) candidates.pop();
    let at = candidates.length;
    while (at > 0 && ranksBefore(doc, relevance, candidates[at - 1] as Candidate)) at--;
    candidates.splice(at, 0, { doc, relevance });
  }
}

function ranksBefore(doc: number, relevance: number, other: Candidate): boolean {
  return (other.relevance - relevance || doc - other.doc) < 0;
}
