/**
 * The local engine's reading of a summary against a profile's required competencies: which sentences
 * are evidence of each competency, quoted exactly, and the level they demonstrate.
 *
 * A competency's cues come from its own text: its name and keywords and the profile's examples (strong
 * cues: one mention is evidence), and the words and word pairs of its definition and indicators (weak
 * cues: a sentence needs several). The built-in vocabulary lets "k8s" meet "Kubernetes" and "Kubernetes"
 * meet "container orchestration". Negated or only-being-learned mentions are not evidence.
 */

import type { JobProfile, RequiredCompetency } from "../library.js";
import { type ContextReading, careerCues, readContext, readSentences, type SentenceCues } from "./cues.js";
import { contentStems, findPhrase, type Reading, read } from "./reading.js";
import { stem } from "./stem.js";
import { originalRange } from "./text.js";
import { type CompetencyEvidence, type EvidenceSpan, validateSummary } from "./types.js";
import { GENERIC_WORDS } from "./words.js";

/** A competency's cues, compiled once per profile. */
export type CompetencyCues = {
  competencyId: number;
  /** Stem sequences one mention of which is evidence. */
  strong: string[][];
  /** Strong phrases from the profile's examples for this competency (kept apart: the rest is shared). */
  examples: string[][];
  /** Word pairs from the definition and indicators. */
  pairs: string[][];
  /** Single stems from the name, definition and indicators, with their weight. */
  words: Map<string, number>;
};

const STRONG_HIT = 1;
const BROADER_HIT = 0.75;
const PAIR_HIT = 0.6;
const NAME_WORD = 0.5;
const DEFINITION_WORD = 0.4;
const INDICATOR_WORD = 0.3;
/** Score a sentence needs to be evidence. */
const EVIDENCE_THRESHOLD = 1;
const MAX_SPANS = 3;
const MAX_SPAN_CHARS = 220;
const WINDOW_TOKENS = 12;

const GENERIC_STEMS: ReadonlySet<string> = new Set([...GENERIC_WORDS].map(stem));

/** Trailing words of competency names that say what kind of thing it is, not what it is about. */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(
  [
    "software",
    "skills",
    "skill",
    "tools",
    "tool",
    "systems",
    "system",
    "applications",
    "application",
    "techniques",
    "knowledge",
    "proficiency",
    "abilities",
    "ability",
  ].map(stem),
);

/** Vendor names that prefix product names in technology examples ("Microsoft Excel", "Adobe Systems Adobe Photoshop"). */
const VENDORS: ReadonlySet<string> = new Set(
  [
    "microsoft",
    "adobe",
    "systems",
    "oracle",
    "ibm",
    "sap",
    "google",
    "apple",
    "autodesk",
    "intuit",
    "the",
    "mathworks",
    "amazon",
    "web",
    "services",
    "salesforce",
    "corel",
    "sage",
    "siemens",
    "dassault",
    "systemes",
    "bentley",
    "esri",
    "cisco",
    "vmware",
    "red",
    "hat",
    "epic",
    "cerner",
    "atlassian",
    "apache",
    "software",
    "foundation",
    "inc",
    "corporation",
  ].map(stem),
);

/** Product names that are ordinary words once the vendor is dropped ("Microsoft Word" → "word"). */
const AMBIGUOUS_PRODUCT_WORDS: ReadonlySet<string> = new Set(
  [
    "office",
    "word",
    "access",
    "project",
    "teams",
    "outlook",
    "publisher",
    "paint",
    "notes",
    "works",
    "money",
    "sheets",
    "docs",
    "drive",
    "forms",
    "sites",
    "analytics",
    "search",
    "maps",
    "dynamics",
    "server",
    "database",
    "cloud",
    "windows",
    "mail",
    "calendar",
    "chat",
    "photos",
    "keynote",
    "pages",
    "numbers",
    "connect",
    "edge",
    "explorer",
    "live",
    "planner",
    "stream",
    "flow",
    "automate",
    "apps",
    "excel",
    "visio",
    "media",
    "player",
    "reader",
    "studio",
    "design",
    "suite",
    "express",
    "professional",
    "enterprise",
    "standard",
    "manager",
    "center",
    "central",
    "one",
    "go",
    "java",
    "script",
    "net",
    "data",
    "business",
    "financials",
  ].map(stem),
);

function isSpecific(stems: readonly string[]): boolean {
  if (stems.length === 0) return false;
  if (stems.length > 1) return stems.some((part) => !GENERIC_STEMS.has(part));
  const only = stems[0] ?? "";
  return only.length >= 2 && !GENERIC_STEMS.has(only);
}

function phraseKey(stems: readonly string[]): string {
  return stems.join(" ");
}

/** The phrases of a name, keyword or example: as written, its canonical form, and its parts. */
function strongPhrasesOf(text: string, splitParts: boolean): string[][] {
  const phrases: string[][] = [];
  const pieces = splitParts ? [text, ...text.split(/\s+(?:and|or)\s+|[,/&()]|\s+-\s+/i)] : [text];
  for (const piece of pieces) {
    const stems = contentStems(piece);
    addPhraseVariants(phrases, stems);
    for (const canonical of canonicalPhrases(piece)) phrases.push(canonical);
  }
  return phrases.filter(isSpecific);
}

function addPhraseVariants(phrases: string[][], stems: string[]): void {
  if (stems.length === 0) return;
  phrases.push(stems);
  let trimmed = stems;
  while (trimmed.length > 1 && NAME_SUFFIXES.has(trimmed.at(-1) ?? "")) trimmed = trimmed.slice(0, -1);
  if (trimmed !== stems) phrases.push(trimmed);
  let withoutVendor = trimmed;
  while (withoutVendor.length > 1 && VENDORS.has(withoutVendor[0] ?? ""))
    withoutVendor = withoutVendor.slice(1);
  if (withoutVendor !== trimmed) {
    const single = withoutVendor.length === 1 ? (withoutVendor[0] ?? "") : "";
    if (withoutVendor.length > 1 || !AMBIGUOUS_PRODUCT_WORDS.has(single)) phrases.push(withoutVendor);
  }
}

/** Canonical terms the vocabulary reads in a phrase ("MS Excel" → "excel"). */
function canonicalPhrases(text: string): string[][] {
  const reading = read(text);
  const groups: string[][] = [];
  let current: string[] | undefined;
  for (const term of reading.terms) {
    if (term.kind === "word") continue;
    if (term.stem === "") {
      current = undefined;
      continue;
    }
    if (term.kind !== "equivalent") continue;
    if (!current) {
      current = [];
      groups.push(current);
    }
    current.push(term.stem);
  }
  return groups;
}

function pairsOf(text: string): string[][] {
  const reading = read(text);
  const pairs: string[][] = [];
  const words = reading.terms.filter((term) => term.kind === "word");
  for (let index = 0; index + 1 < words.length; index++) {
    const left = words[index];
    const right = words[index + 1];
    if (!left || !right) continue;
    const leftToken = reading.tokens[left.last];
    const rightToken = reading.tokens[right.first];
    if (!leftToken || !rightToken || leftToken.clause !== rightToken.clause) continue;
    if (right.first - left.last > 2) continue;
    const pair = [left.stem, right.stem];
    if (
      pair.every((part) => !GENERIC_STEMS.has(part)) ||
      (isSpecific(pair) && !GENERIC_STEMS.has(right.stem))
    ) {
      pairs.push(pair);
    }
  }
  return pairs;
}

/** Cues from the competency itself (name, keywords, definition, indicators), shared by every profile requiring it. */
export function compileCompetencyBase(
  competency: Pick<RequiredCompetency, "competencyId" | "name" | "keywords" | "definition" | "indicators">,
): CompetencyCues {
  const strong = new Map<string, string[]>();
  for (const phrase of strongPhrasesOf(competency.name, true)) strong.set(phraseKey(phrase), phrase);
  for (const keyword of competency.keywords) {
    for (const phrase of strongPhrasesOf(keyword, false)) strong.set(phraseKey(phrase), phrase);
  }

  const words = new Map<string, number>();
  const addWords = (text: string, weight: number): void => {
    for (const word of contentStems(text)) {
      if (GENERIC_STEMS.has(word) || word.length < 3) continue;
      words.set(word, Math.max(words.get(word) ?? 0, weight));
    }
  };
  addWords(competency.name, NAME_WORD);
  addWords(competency.definition, DEFINITION_WORD);
  const indicatorTexts = Object.values(competency.indicators).filter((text): text is string => !!text);
  for (const indicator of indicatorTexts) addWords(indicator, INDICATOR_WORD);

  const pairs = new Map<string, string[]>();
  for (const text of [competency.definition, ...indicatorTexts]) {
    for (const pair of pairsOf(text)) if (!strong.has(phraseKey(pair))) pairs.set(phraseKey(pair), pair);
  }
  return {
    competencyId: competency.competencyId,
    strong: [...strong.values()],
    examples: [],
    pairs: [...pairs.values()],
    words,
  };
}

/** A required competency's cues: its own, plus the profile's examples for it. */
export function compileCompetency(
  requirement: RequiredCompetency,
  base: CompetencyCues = compileCompetencyBase(requirement),
): CompetencyCues {
  if (requirement.examples.length === 0) return base;
  const shared = new Set(base.strong.map(phraseKey));
  const examples = new Map<string, string[]>();
  for (const example of requirement.examples) {
    for (const phrase of strongPhrasesOf(example, false)) {
      const key = phraseKey(phrase);
      if (!shared.has(key)) examples.set(key, phrase);
    }
  }
  return { ...base, examples: [...examples.values()] };
}

export function compileProfile(profile: JobProfile): CompetencyCues[] {
  return profile.competencies.map((requirement) => compileCompetency(requirement));
}

type Hit = { first: number; last: number; weight: number; key: string };

type SentenceEvidence = {
  sentence: number;
  score: number;
  hasStrong: boolean;
  hits: Hit[];
  cap?: number;
  strongQualifier: boolean;
  expert: boolean;
};

/** Everything about a reading that does not depend on the competency. */
export type SummaryContext = {
  reading: Reading;
  /** readContext results by mention, shared by every competency read against this summary. */
  mentions: Map<number, ContextReading>;
  sentences: Map<number, SentenceCues>;
  careerYears: number;
  /** The opening names a senior role ("Senior Accountant", "Head of Marketing"). */
  careerSenior: boolean;
  sentenceRanges: Map<number, { first: number; last: number }>;
};

export function summaryContext(reading: Reading): SummaryContext {
  const sentences = readSentences(reading);
  const sentenceRanges = new Map<number, { first: number; last: number }>();
  reading.tokens.forEach((token, index) => {
    const range = sentenceRanges.get(token.sentence);
    if (range) range.last = index;
    else sentenceRanges.set(token.sentence, { first: index, last: index });
  });
  const career = careerCues(reading, sentences);
  return {
    reading,
    mentions: new Map(),
    sentences,
    careerYears: career.years,
    careerSenior: career.senior,
    sentenceRanges,
  };
}

function collectHits(reading: Reading, cues: CompetencyCues): Hit[] {
  const hits: Hit[] = [];
  const addPhraseHits = (phrase: string[], weight: number): void => {
    for (const start of findPhrase(reading, phrase)) {
      const firstTerm = reading.terms[start];
      const lastTerm = reading.terms[start + phrase.length - 1];
      if (!firstTerm || !lastTerm) continue;
      const broader = firstTerm.kind === "broader";
      hits.push({
        first: firstTerm.first,
        last: lastTerm.last,
        weight: broader ? Math.min(weight, BROADER_HIT) : weight,
        key: phraseKey(phrase),
      });
    }
  };
  for (const phrase of cues.strong) addPhraseHits(phrase, STRONG_HIT);
  for (const phrase of cues.examples) addPhraseHits(phrase, STRONG_HIT);
  for (const pair of cues.pairs) addPhraseHits(pair, PAIR_HIT);
  for (const [word, weight] of cues.words) {
    for (const index of reading.positions.get(word) ?? []) {
      const term = reading.terms[index];
      if (!term) continue;
      hits.push({
        first: term.first,
        last: term.last,
        weight: term.kind === "broader" ? weight / 2 : weight,
        key: word,
      });
    }
  }
  return hits;
}

function evidenceSentences(
  context: SummaryContext,
  cues: CompetencyCues,
): {
  accepted: SentenceEvidence[];
  excluded: Hit[];
} {
  const { reading } = context;
  const bySentence = new Map<number, SentenceEvidence>();
  const excluded: Hit[] = [];
  for (const hit of collectHits(reading, cues)) {
    const token = reading.tokens[hit.first];
    if (!token) continue;
    const mentionKey = hit.first * 100_003 + hit.last;
    let cueContext = context.mentions.get(mentionKey);
    if (!cueContext) {
      cueContext = readContext(reading, hit.first, hit.last);
      context.mentions.set(mentionKey, cueContext);
    }
    if (cueContext.negated || cueContext.learning) {
      if (hit.weight >= PAIR_HIT) excluded.push(hit);
      continue;
    }
    let sentence = bySentence.get(token.sentence);
    if (!sentence) {
      sentence = {
        sentence: token.sentence,
        score: 0,
        hasStrong: false,
        hits: [],
        strongQualifier: false,
        expert: false,
      };
      bySentence.set(token.sentence, sentence);
    }
    sentence.hits.push(hit);
    if (cueContext.cap !== undefined) sentence.cap = Math.min(sentence.cap ?? 5, cueContext.cap);
    if (cueContext.strong) sentence.strongQualifier = true;
    if (cueContext.expert) sentence.expert = true;
  }
  const accepted: SentenceEvidence[] = [];
  for (const sentence of bySentence.values()) {
    const bestByKey = new Map<string, number>();
    for (const hit of sentence.hits)
      bestByKey.set(hit.key, Math.max(bestByKey.get(hit.key) ?? 0, hit.weight));
    sentence.score = [...bestByKey.values()].reduce((sum, weight) => sum + weight, 0);
    sentence.hasStrong = [...bestByKey.values()].some((weight) => weight >= STRONG_HIT);
    if (sentence.hasStrong || sentence.score >= EVIDENCE_THRESHOLD) accepted.push(sentence);
  }
  const excludedSentences = new Set(accepted.map((sentence) => sentence.sentence));
  return {
    accepted,
    excluded: excluded.filter((hit) => !excludedSentences.has(reading.tokens[hit.first]?.sentence ?? -1)),
  };
}

function levelOf(context: SummaryContext, sentence: SentenceEvidence): number {
  const cues = context.sentences.get(sentence.sentence);
  let level = 2;
  if (cues?.action) level += 1;
  if (cues && cues.years >= 8) level += 2;
  else if (cues && cues.years >= 3) level += 1;
  if (cues?.seniority || cues?.scope) level += 1;
  if (cues?.seniority && cues.scope) level += 0.5;
  if (sentence.strongQualifier) level += 1;
  if (sentence.expert) level = Math.max(level + 1, 4);
  return Math.min(level, sentence.cap ?? 5);
}

/** The span quoted for a sentence: the sentence itself, or a window around the evidence in it. */
function spanOf(context: SummaryContext, sentence: SentenceEvidence): EvidenceSpan {
  const { reading } = context;
  const range = context.sentenceRanges.get(sentence.sentence) ?? { first: 0, last: 0 };
  let first = range.first;
  let last = range.last;
  const width = (from: number, to: number): number =>
    (reading.tokens[to]?.end ?? 0) - (reading.tokens[from]?.start ?? 0);
  if (width(first, last) > MAX_SPAN_CHARS) {
    const anchor = [...sentence.hits].sort((a, b) => b.weight - a.weight || a.first - b.first)[0];
    const from = anchor?.first ?? first;
    const to = anchor?.last ?? first;
    const clause = reading.tokens[from]?.clause;
    first = from;
    last = to;
    while (
      first > range.first &&
      from - first < WINDOW_TOKENS &&
      reading.tokens[first - 1]?.clause === clause
    )
      first--;
    while (last < range.last && last - to < WINDOW_TOKENS && reading.tokens[last + 1]?.clause === clause)
      last++;
    while (last > to && width(first, last) > MAX_SPAN_CHARS) last--;
    while (first < from && width(first, last) > MAX_SPAN_CHARS) first++;
  }
  const folded = { start: reading.tokens[first]?.start ?? 0, end: reading.tokens[last]?.end ?? 0 };
  const original = originalRange(reading.folded, folded.start, folded.end);
  return { ...original, text: reading.text.slice(original.start, original.end) };
}

function quote(context: SummaryContext, hit: Hit): string {
  const { reading } = context;
  const range = context.sentenceRanges.get(reading.tokens[hit.first]?.sentence ?? -1);
  const from = Math.max(range?.first ?? hit.first, hit.first - 4);
  const to = Math.min(range?.last ?? hit.last, hit.last + 1);
  const folded = { start: reading.tokens[from]?.start ?? 0, end: reading.tokens[to]?.end ?? 0 };
  const original = originalRange(reading.folded, folded.start, folded.end);
  return reading.text.slice(original.start, original.end);
}

export function evidenceFor(context: SummaryContext, cues: CompetencyCues): CompetencyEvidence {
  const { accepted, excluded } = evidenceSentences(context, cues);
  const notCounted =
    excluded.length > 0
      ? ` Not counted (negated or still learning): "${quote(context, excluded[0] as Hit)}".`
      : "";
  if (accepted.length === 0) {
    return {
      competencyId: cues.competencyId,
      demonstratedLevel: 0,
      evidence: [],
      rationale: `No evidence found.${notCounted}`,
    };
  }
  const levels = accepted.map((sentence) => levelOf(context, sentence));
  let level = Math.max(...levels);
  const yearsStated = accepted.some((sentence) => (context.sentences.get(sentence.sentence)?.years ?? 0) > 0);
  if (accepted.length >= 3) level += 1;
  else if (accepted.length === 2) level += 0.5;
  if (!yearsStated && context.careerYears >= 10) level += 1;
  else if (!yearsStated && context.careerYears >= 5) level += 0.5;
  if (
    context.careerSenior &&
    !accepted.some((sentence) => context.sentences.get(sentence.sentence)?.seniority)
  )
    level += 0.5;
  const cap = Math.max(...accepted.map((sentence) => sentence.cap ?? 5));
  const demonstratedLevel = Math.max(1, Math.min(5, cap, Math.round(level)));

  const chosen = [...accepted]
    .sort((a, b) => b.score - a.score || a.sentence - b.sentence)
    .slice(0, MAX_SPANS)
    .sort((a, b) => a.sentence - b.sentence);
  const evidence = chosen.map((sentence) => spanOf(context, sentence));
  const cuesFound: string[] = [];
  const years = Math.max(...accepted.map((sentence) => context.sentences.get(sentence.sentence)?.years ?? 0));
  if (years > 0) cuesFound.push(`${Math.round(years)} years stated`);
  else if (context.careerYears > 0)
    cuesFound.push(`${Math.round(context.careerYears)} years of overall experience`);
  if (accepted.some((sentence) => context.sentences.get(sentence.sentence)?.seniority))
    cuesFound.push("seniority or leadership");
  if (accepted.some((sentence) => context.sentences.get(sentence.sentence)?.scope))
    cuesFound.push("breadth of scope");
  if (cap < 5) cuesFound.push("described as basic or limited");
  const places = `Evidence in ${accepted.length} ${accepted.length === 1 ? "place" : "places"}`;
  const rationale = `${places}${cuesFound.length > 0 ? `; ${cuesFound.join(", ")}` : ""}.${notCounted}`;
  return { competencyId: cues.competencyId, demonstratedLevel, evidence, rationale };
}

/** Evidence for every compiled competency, from an already-read summary. */
export function evidenceFromContext(
  context: SummaryContext,
  competencies: readonly CompetencyCues[],
): CompetencyEvidence[] {
  return competencies.map((cues) => evidenceFor(context, cues));
}

const compiledProfiles = new WeakMap<JobProfile, CompetencyCues[]>();

/** The local engine's reading of a summary against each of the profile's required competencies. */
export function extractEvidence(summary: string, profile: JobProfile): CompetencyEvidence[] {
  validateSummary(summary);
  let cues = compiledProfiles.get(profile);
  if (!cues) {
    cues = compileProfile(profile);
    compiledProfiles.set(profile, cues);
  }
  return evidenceFromContext(summaryContext(read(summary)), cues);
}
