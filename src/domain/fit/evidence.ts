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
import { contentStems, isContentWord, phraseAt, type Reading, read } from "./reading.js";
import { stem } from "./stem.js";
import { originalRange } from "./text.js";
import { type CompetencyEvidence, type EvidenceSpan, validateSummary } from "./types.js";
import { GENERIC_WORDS } from "./words.js";

/** Stem sequences by key ("microsoft excel"): hits on the same key in a sentence count once. */
type Phrases = ReadonlyMap<string, readonly string[]>;

/**
 * A competency's cues. Shared by every profile requiring the competency unless the profile's examples
 * add phrases of their own, so a summary's level of it is read once per summary (see `levelFor`).
 */
export type CompetencyCues = {
  competencyId: number;
  /** Stem sequences one mention of which is evidence. */
  strong: Phrases;
  /** Strong phrases from the profile's examples for this competency (kept apart: the rest is shared). */
  examples: Phrases;
  /** Word pairs from the definition and indicators. */
  pairs: Phrases;
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
    const reading = read(piece);
    const stems = reading.tokenStems.filter((_, index) => isContentWord(reading.tokens[index]?.norm ?? ""));
    addPhraseVariants(phrases, stems);
    for (const canonical of canonicalPhrases(reading)) phrases.push(canonical);
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
function canonicalPhrases(reading: Reading): string[][] {
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
  return { competencyId: competency.competencyId, strong, examples: NO_PHRASES, pairs, words };
}

const NO_PHRASES: Phrases = new Map();

/** A required competency's cues: its own, plus the profile's examples for it. */
export function compileCompetency(
  requirement: RequiredCompetency,
  base: CompetencyCues = compileCompetencyBase(requirement),
): CompetencyCues {
  if (requirement.examples.length === 0) return base;
  const examples = new Map<string, string[]>();
  for (const example of requirement.examples) {
    for (const phrase of strongPhrasesOf(example, false)) {
      const key = phraseKey(phrase);
      if (!base.strong.has(key)) examples.set(key, phrase);
    }
  }
  return examples.size === 0 ? base : { ...base, examples };
}

export function compileProfile(profile: JobProfile): CompetencyCues[] {
  return profile.competencies.map((requirement) => compileCompetency(requirement));
}

/** Where the summary mentions a cue: its first and last token. */
type Mention = { first: number; last: number };

/** A sentence that is evidence of a competency. */
type SentenceEvidence = {
  sentence: number;
  /** The best weight of each cue key hit in the sentence, summed in the order the keys were first hit. */
  score: number;
  /** The hit a quote of a long sentence centres on: the heaviest, then the earliest. */
  anchorFirst: number;
  anchorLast: number;
  /** The level "basic" or "limited" allows (5: no such qualifier). */
  cap: number;
  strongQualifier: boolean;
  expert: boolean;
};

const STRONG_QUALIFIER = 1;
const EXPERT = 2;

/**
 * The hits on each sentence while one competency is read against a summary — per sentence, its cue
 * keys in the order first hit with the best weight of each, the qualifiers around them and the anchor
 * of its quote — in arrays reused for every competency read against the same summary.
 */
class SentenceTally {
  /** Per sentence: the reading that last touched it; the others hold stale values. */
  private readonly marks: Int32Array;
  private readonly caps: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly anchorFirsts: Int32Array;
  private readonly anchorLasts: Int32Array;
  private readonly anchorWeights: Float64Array;
  /** Per sentence, its first and last key entry; entries of a sentence are chained by `entryNext`. */
  private readonly firstEntries: Int32Array;
  private readonly lastEntries: Int32Array;
  private readonly touched: Int32Array;
  private readonly entryKeys: string[] = [];
  private readonly entryWeights: number[] = [];
  private readonly entryNext: number[] = [];
  private mark = 0;
  private touchedCount = 0;
  private entries = 0;

  constructor(sentences: number) {
    this.marks = new Int32Array(sentences);
    this.caps = new Uint8Array(sentences);
    this.flags = new Uint8Array(sentences);
    this.anchorFirsts = new Int32Array(sentences);
    this.anchorLasts = new Int32Array(sentences);
    this.anchorWeights = new Float64Array(sentences);
    this.firstEntries = new Int32Array(sentences);
    this.lastEntries = new Int32Array(sentences);
    this.touched = new Int32Array(sentences);
  }

  begin(): void {
    this.mark++;
    this.touchedCount = 0;
    this.entries = 0;
  }

  add(sentence: number, first: number, last: number, weight: number, key: string, cue: ContextReading): void {
    if (this.marks[sentence] !== this.mark) {
      this.marks[sentence] = this.mark;
      this.touched[this.touchedCount++] = sentence;
      this.caps[sentence] = 5;
      this.flags[sentence] = 0;
      this.anchorFirsts[sentence] = first;
      this.anchorLasts[sentence] = last;
      this.anchorWeights[sentence] = weight;
      const entry = this.entry(key, Math.max(0, weight));
      this.firstEntries[sentence] = entry;
      this.lastEntries[sentence] = entry;
    } else {
      const anchorWeight = this.anchorWeights[sentence] ?? 0;
      if (weight > anchorWeight || (weight === anchorWeight && first < (this.anchorFirsts[sentence] ?? 0))) {
        this.anchorFirsts[sentence] = first;
        this.anchorLasts[sentence] = last;
        this.anchorWeights[sentence] = weight;
      }
      let entry = this.firstEntries[sentence] ?? -1;
      while (entry >= 0 && this.entryKeys[entry] !== key) entry = this.entryNext[entry] ?? -1;
      if (entry >= 0) {
        this.entryWeights[entry] = Math.max(this.entryWeights[entry] ?? 0, weight);
      } else {
        const added = this.entry(key, Math.max(0, weight));
        this.entryNext[this.lastEntries[sentence] ?? 0] = added;
        this.lastEntries[sentence] = added;
      }
    }
    if (cue.cap !== undefined) this.caps[sentence] = Math.min(this.caps[sentence] ?? 5, cue.cap);
    if (cue.strong) this.flags[sentence] = (this.flags[sentence] ?? 0) | STRONG_QUALIFIER;
    if (cue.expert) this.flags[sentence] = (this.flags[sentence] ?? 0) | EXPERT;
  }

  /** The sentences whose hits make evidence (a strong cue, or enough weight), in the order first hit. */
  accepted(): SentenceEvidence[] {
    const accepted: SentenceEvidence[] = [];
    for (let at = 0; at < this.touchedCount; at++) {
      const sentence = this.touched[at] ?? 0;
      let score = 0;
      let hasStrong = false;
      for (let entry = this.firstEntries[sentence] ?? -1; entry >= 0; entry = this.entryNext[entry] ?? -1) {
        const weight = this.entryWeights[entry] ?? 0;
        score += weight;
        if (weight >= STRONG_HIT) hasStrong = true;
      }
      if (!hasStrong && score < EVIDENCE_THRESHOLD) continue;
      const flags = this.flags[sentence] ?? 0;
      accepted.push({
        sentence,
        score,
        anchorFirst: this.anchorFirsts[sentence] ?? 0,
        anchorLast: this.anchorLasts[sentence] ?? 0,
        cap: this.caps[sentence] ?? 5,
        strongQualifier: (flags & STRONG_QUALIFIER) !== 0,
        expert: (flags & EXPERT) !== 0,
      });
    }
    return accepted;
  }

  private entry(key: string, weight: number): number {
    const entry = this.entries++;
    this.entryKeys[entry] = key;
    this.entryWeights[entry] = weight;
    this.entryNext[entry] = -1;
    return entry;
  }
}

/** Everything about a reading that does not depend on the competency. */
export type SummaryContext = {
  reading: Reading;
  /**
   * Where each stem occurs, as a chain: its first term index, then each term's next one with the same
   * stem (-1: none). Where a cue may start.
   */
  firstTerm: Map<string, number>;
  nextTerm: Int32Array;
  /** readContext results by mention, shared by every competency read against this summary. */
  mentions: Map<number, ContextReading>;
  sentences: Map<number, SentenceCues>;
  careerYears: number;
  /** The opening names a senior role ("Senior Accountant", "Head of Marketing"). */
  careerSenior: boolean;
  sentenceRanges: Map<number, { first: number; last: number }>;
  /**
   * Levels already read, by cues (see `levelFor`): a match reads one summary against a shortlist of
   * profiles that mostly share their competencies' cues.
   */
  levels: Map<CompetencyCues, number>;
  tally: SentenceTally;
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
  const firstTerm = new Map<string, number>();
  const nextTerm = new Int32Array(reading.terms.length);
  for (let index = reading.terms.length - 1; index >= 0; index--) {
    const stem = reading.terms[index]?.stem ?? "";
    if (stem === "") continue;
    nextTerm[index] = firstTerm.get(stem) ?? -1;
    firstTerm.set(stem, index);
  }
  return {
    reading,
    firstTerm,
    nextTerm,
    mentions: new Map(),
    sentences,
    careerYears: career.years,
    careerSenior: career.senior,
    sentenceRanges,
    levels: new Map(),
    tally: new SentenceTally((reading.tokens.at(-1)?.sentence ?? 0) + 1),
  };
}

type HitVisitor = (first: number, last: number, weight: number, key: string) => void;

/** Each mention of a cue, with its weight and key: strong phrases, examples, pairs, then words, as listed. */
function forEachHit(context: SummaryContext, cues: CompetencyCues, visit: HitVisitor): void {
  const { reading } = context;
  visitPhrases(context, cues.strong, STRONG_HIT, visit);
  visitPhrases(context, cues.examples, STRONG_HIT, visit);
  visitPhrases(context, cues.pairs, PAIR_HIT, visit);
  const { firstTerm, nextTerm } = context;
  cues.words.forEach((weight, word) => {
    for (let index = firstTerm.get(word) ?? -1; index >= 0; index = nextTerm[index] ?? -1) {
      const term = reading.terms[index];
      if (!term) continue;
      visit(term.first, term.last, term.kind === "broader" ? weight / 2 : weight, word);
    }
  });
}

function visitPhrases(context: SummaryContext, phrases: Phrases, weight: number, visit: HitVisitor): void {
  const { reading } = context;
  phrases.forEach((stems, key) => {
    for (
      let start = context.firstTerm.get(stems[0] ?? "") ?? -1;
      start >= 0;
      start = context.nextTerm[start] ?? -1
    ) {
      if (stems.length > 1 && !phraseAt(reading, stems, start)) continue;
      const firstTerm = reading.terms[start];
      const lastTerm = reading.terms[start + stems.length - 1];
      if (!firstTerm || !lastTerm) continue;
      const broader = firstTerm.kind === "broader";
      visit(firstTerm.first, lastTerm.last, broader ? Math.min(weight, BROADER_HIT) : weight, key);
    }
  });
}

/**
 * The sentences that are evidence of the competency, and the first negated or only-being-learned
 * mention outside them (quoted as not counted).
 */
function evidenceSentences(
  context: SummaryContext,
  cues: CompetencyCues,
): {
  accepted: SentenceEvidence[];
  excluded: Mention | undefined;
} {
  const { reading, tally } = context;
  const excluded: Mention[] = [];
  tally.begin();
  forEachHit(context, cues, (first, last, weight, key) => {
    const token = reading.tokens[first];
    if (!token) return;
    const mentionKey = first * 100_003 + last;
    let cueContext = context.mentions.get(mentionKey);
    if (!cueContext) {
      cueContext = readContext(reading, first, last);
      context.mentions.set(mentionKey, cueContext);
    }
    if (cueContext.negated || cueContext.learning) {
      if (weight >= PAIR_HIT) excluded.push({ first, last });
      return;
    }
    tally.add(token.sentence, first, last, weight, key, cueContext);
  });
  const accepted = tally.accepted();
  const acceptedSentences = new Set(accepted.map((sentence) => sentence.sentence));
  return {
    accepted,
    excluded: excluded.find(
      (mention) => !acceptedSentences.has(reading.tokens[mention.first]?.sentence ?? -1),
    ),
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
  return Math.min(level, sentence.cap);
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
    const { anchorFirst: from, anchorLast: to } = sentence;
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

function quote(context: SummaryContext, hit: Mention): string {
  const { reading } = context;
  const range = context.sentenceRanges.get(reading.tokens[hit.first]?.sentence ?? -1);
  const from = Math.max(range?.first ?? hit.first, hit.first - 4);
  const to = Math.min(range?.last ?? hit.last, hit.last + 1);
  const folded = { start: reading.tokens[from]?.start ?? 0, end: reading.tokens[to]?.end ?? 0 };
  const original = originalRange(reading.folded, folded.start, folded.end);
  return reading.text.slice(original.start, original.end);
}

/** The level evidence sentences show together, 1 to 5. */
function levelShown(context: SummaryContext, accepted: readonly SentenceEvidence[]): number {
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
  return Math.max(1, Math.min(5, capOf(accepted), Math.round(level)));
}

/** The lowest level "basic" or "limited" allows, taken over the sentences (5: no such qualifier). */
function capOf(accepted: readonly SentenceEvidence[]): number {
  return Math.max(...accepted.map((sentence) => sentence.cap));
}

/**
 * The level the summary shows of one competency, 0 when it shows none: `evidenceFor`'s level without
 * its quotes and rationale, which a match or a ranking does not show.
 */
export function levelFor(context: SummaryContext, cues: CompetencyCues): number {
  let level = context.levels.get(cues);
  if (level === undefined) {
    const { accepted } = evidenceSentences(context, cues);
    level = accepted.length === 0 ? 0 : levelShown(context, accepted);
    context.levels.set(cues, level);
  }
  return level;
}

export function evidenceFor(context: SummaryContext, cues: CompetencyCues): CompetencyEvidence {
  const { accepted, excluded } = evidenceSentences(context, cues);
  const notCounted = excluded
    ? ` Not counted (negated or still learning): "${quote(context, excluded)}".`
    : "";
  if (accepted.length === 0) {
    return {
      competencyId: cues.competencyId,
      demonstratedLevel: 0,
      evidence: [],
      rationale: `No evidence found.${notCounted}`,
    };
  }
  const demonstratedLevel = levelShown(context, accepted);
  const cap = capOf(accepted);

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
