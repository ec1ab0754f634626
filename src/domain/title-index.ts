/**
 * Finds job profiles by what people call them: a title or alternate title in any case, with or without
 * accents, punctuation or a plural "s", common abbreviations (PR, HR, Sr., Mgr, VP, RN…), partial titles
 * and small typos.
 *
 * How a query is read: text is folded (case, diacritics, punctuation), split into words, plurals are
 * made singular, stop words dropped, abbreviations expanded. Titles in the index go through the same
 * steps, so "Marketing Managers" and "marketing manager" have the same key. A query also gets a few
 * alternative readings: each expansion of an ambiguous abbreviation ("pm" → project / product /
 * program manager), two words written as one ("sales person") or one written as two.
 *
 * How it decides, in order:
 * 1. A key equal to a profile's own title wins outright; equal to the title of several profiles (the same
 *    occupation in two frameworks, "Marketing Managers" in `onet` and "Marketing Manager" in `sample`)
 *    it is ambiguous: singular and plural are the same title, and which framework is meant is the
 *    caller's choice (`options.framework`), never a guess.
 *    One exception: when exactly one of them is spelled as the query is (up to case and punctuation),
 *    the user typed that title and it wins: "Marketing Manager" is `sample`'s, "Marketing Managers"
 *    `onet`'s.
 * 2. Otherwise a key equal to alternate titles: of one profile it is found, of several it is ambiguous.
 * 3. Otherwise fuzzy: query words match index words exactly, by prefix, or within a small edit distance
 *    (candidates from a trigram index over the distinct words, then a bounded Damerau–Levenshtein
 *    check). A title scores by how much of the query it explains and how much of the title the query
 *    explains, each weighted by word rarity (IDF), so "manager" counts for less than "marketing".
 *    The best profile is found when it scores at least FOUND_THRESHOLD and no other profile is within
 *    AMBIGUITY_MARGIN of it; rivals that close make it ambiguous even if they fall just under the
 *    threshold, since a 0.76 beside a 0.74 is still a coin toss. Below the threshold: not found, with the
 *    closest few as suggestions. When all the close rivals matched the same title, rule 1 applies: a
 *    typo of one profile's own title finds it even if other profiles list that title as an alternate.
 *
 * The index holds flat typed arrays (one row per distinct title per profile, postings per word) so that
 * ~60,000 titles build in well under a second and a lookup touches only the titles sharing a word.
 */

export type TitleEntry = {
  profileId: number;
  title: string;
  alternateTitles: string[];
  frameworkName: string;
  family: string;
};

export type TitleMatch = {
  profileId: number;
  title: string;
  frameworkName: string;
  family: string;
  /** The title or alternate title that matched, as written in the library. */
  matchedTitle: string;
  /** 1 for an exact (normalized) match, below 1 for a fuzzy one. */
  score: number;
};

export type LookupResult =
  | { kind: "found"; match: TitleMatch }
  /** Several profiles fit about equally; the caller should ask rather than guess. At most five. */
  | { kind: "ambiguous"; candidates: TitleMatch[] }
  /** Nothing fits well enough; the closest few, possibly none. */
  | { kind: "not_found"; suggestions: TitleMatch[] };

const FOUND_THRESHOLD = 0.75;
const AMBIGUITY_MARGIN = 0.05;
/** A fuzzy score this high is a typo of the title it matched, not a loose resemblance. */
const TYPO_SCORE = 0.9;
/** Below this a title is noise, not a suggestion. */
const SUGGESTION_FLOOR = 0.3;
const MAX_CANDIDATES = 5;
const DEFAULT_SEARCH_LIMIT = 10;
/** A fuzzy match never scores as high as an exact one, even when every word matches in another order. */
const FUZZY_CAP = 0.98;
/** Share of the score for explaining the query versus explaining the title: partial titles still find. */
const QUERY_SHARE = 0.6;
const TITLE_SHARE = 1 - QUERY_SHARE;

/** Work on any input is bounded: job titles are short, so longer text is cut, never rejected. */
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 12;
const MAX_WORD_CHARS = 40;
const MAX_READINGS = 8;

const MIN_TYPO_LENGTH = 4;
const MIN_PREFIX_LENGTH = 3;
const MAX_PREFIX_EXPANSIONS = 32;
/** Seniority and grade words say little about which occupation is meant. */
const QUALIFIER_WEIGHT = 0.25;

const STOP_WORDS = new Set([
  "a",
  "all",
  "an",
  "and",
  "at",
  "by",
  "for",
  "in",
  "of",
  "on",
  "or",
  "other",
  "the",
  "to",
  "with",
]);
const QUALIFIERS = new Set([
  "senior",
  "junior",
  "lead",
  "principal",
  "entry",
  "level",
  "i",
  "ii",
  "iii",
  "iv",
]);

/**
 * Abbreviations in job titles. A single expansion is applied on both sides, so "HR Specialist" and
 * "Human Resources Specialist" are the same title. A list means the abbreviation is ambiguous: titles
 * keep the abbreviation, and a query tries it as written and as each expansion.
 */
const ABBREVIATIONS: Record<string, string | string[]> = {
  acct: ["accountant", "accounting", "account"],
  admin: ["administrator", "administrative", "administration"],
  asst: "assistant",
  assoc: "associate",
  avp: "assistant vice president",
  ba: "business analyst",
  bd: "business development",
  bi: "business intelligence",
  ceo: "chief executive officer",
  cfo: "chief financial officer",
  cio: "chief information officer",
  cmo: "chief marketing officer",
  cna: "certified nursing assistant",
  coo: "chief operating officer",
  coord: "coordinator",
  cpa: "certified public accountant",
  csr: "customer service representative",
  cto: "chief technology officer",
  cust: "customer",
  dba: "database administrator",
  dev: ["developer", "development"],
  dir: "director",
  elec: ["electrical", "electrician", "electronic"],
  emt: "emergency medical technician",
  eng: ["engineer", "engineering"],
  engr: "engineer",
  evp: "executive vice president",
  exec: "executive",
  gm: "general manager",
  hr: "human resources",
  hw: "hardware",
  it: "information technology",
  jr: "junior",
  lpn: "licensed practical nurse",
  lvn: "licensed vocational nurse",
  maint: "maintenance",
  mech: ["mechanic", "mechanical"],
  mgmt: "management",
  mgr: "manager",
  mktg: "marketing",
  np: "nurse practitioner",
  ops: "operations",
  ot: "occupational therapist",
  pa: "physician assistant",
  pm: ["project manager", "product manager", "program manager"],
  pr: "public relations",
  pt: "physical therapist",
  qa: "quality assurance",
  qc: "quality control",
  rep: "representative",
  rn: "registered nurse",
  sdr: "sales development representative",
  spec: "specialist",
  sr: "senior",
  sre: "site reliability engineer",
  supv: "supervisor",
  svc: "service",
  svp: "senior vice president",
  sw: "software",
  swe: "software engineer",
  sys: "systems",
  tech: ["technician", "technology", "technical"],
  ui: "user interface",
  ux: "user experience",
  vp: "vice president",
};

const IRREGULAR_SINGULARS: Record<string, string> = { children: "child", people: "person", women: "woman" };

/** Letters that Unicode decomposition leaves alone. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

function foldText(text: string): string {
  let folded = text.toLowerCase();
  // Most titles are plain ASCII; the Unicode steps are only paid for by those that are not.
  const ascii = /^[\x20-\x7e]*$/.test(folded);
  if (!ascii) {
    folded = folded
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
  }
  if (/[+#.]/.test(folded)) {
    folded = folded
      .replace(/\b([a-z])\+\+/g, "$1pp")
      .replace(/\b([a-z])#/g, "$1sharp")
      .replace(/(^|[^\p{L}\p{N}])\.net\b/gu, "$1dotnet");
  }
  folded = folded.replace(/['’‘`]/g, "");
  return (ascii ? folded.replace(/[^a-z0-9]+/g, " ") : folded.replace(/[^\p{L}\p{N}]+/gu, " ")).trim();
}

/** English plural to singular, good enough for job titles; both sides use it, so its mistakes cancel. */
function singularize(word: string): string {
  if (word.length <= 2) return word;
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular) return irregular;
  if (word.endsWith("men")) return `${word.slice(0, -3)}man`;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (/(x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** Each abbreviation's readings as canonical words: "hr" → [["human", "resource"]]. */
const EXPANSIONS: ReadonlyMap<string, string[][]> = new Map(
  Object.entries(ABBREVIATIONS).map(([abbreviation, expansion]) => [
    abbreviation,
    (Array.isArray(expansion) ? expansion : [expansion]).map((phrase) => phrase.split(" ").map(singularize)),
  ]),
);

/**
 * The readings of one folded word, each a list of canonical words; the first is how titles in the
 * index read it. A stop word reads as nothing.
 */
function wordReadings(word: string): string[][] {
  if (STOP_WORDS.has(word)) return [[]];
  const singular = singularize(word);
  const abbreviation = EXPANSIONS.has(word) ? word : singular;
  const expansions = EXPANSIONS.get(abbreviation);
  if (!expansions) return [[singular]];
  return expansions.length === 1 ? expansions : [[abbreviation], ...expansions];
}

function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === "" ? [] : folded.split(" ");
}

function primaryReading(word: string): string[] {
  return wordReadings(word)[0] ?? [];
}

/** A title's canonical words as the index stores them. */
function canonicalWords(title: string, readWord: (word: string) => string[]): string[] {
  const words = foldedWords(title);
  const canonical = words.flatMap(readWord);
  return canonical.length > 0 ? canonical : words.map(singularize);
}

function prefixSimilarity(shorter: number, longer: number): number {
  return 0.4 + (0.5 * shorter) / longer;
}

function typoBudget(length: number): number {
  return length <= 5 ? 1 : 2;
}

let editRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance between a and b, or max + 1 as soon as it must exceed max. */
function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > (editRows[0]?.length ?? 0)) {
    editRows = [0, 1, 2].map(() => new Int32Array(b.length + 1));
  }
  let [twoBack, previous, current] = editRows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let distance = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (charA === charB ? 0 : 1),
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        distance = Math.min(distance, (twoBack[j - 2] ?? 0) + 1);
      }
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    if (rowMinimum > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return Math.min(previous[b.length] ?? 0, max + 1);
}

function trigramsOf(word: string): Set<string> {
  const padded = ` ${word} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  return trigrams;
}

type WordMatch = { word: number; similarity: number };
/** A query word: the index words it matches and how much it counts. */
type QueryWord = { matches: WordMatch[]; weight: number };
type Scored = { profile: number; name: number; score: number };
type Filter = { framework?: string; family?: string };

/** Per-lookup working arrays, reused between calls (lookups are synchronous) so a lookup allocates little. */
function createScratch(names: number, profiles: number, words: number) {
  return {
    nameStamp: new Int32Array(names),
    queryCredit: new Float64Array(names),
    titleCredit: new Float64Array(names),
    lastPosition: new Int32Array(names),
    positionCredit: new Float64Array(names),
    positionTitleCredit: new Float64Array(names),
    profileStamp: new Int32Array(profiles),
    profileScore: new Float64Array(profiles),
    profileName: new Int32Array(profiles),
    trigramHits: new Uint16Array(words),
    generation: 0,
  };
}

export class TitleIndex {
  private readonly scratch: ReturnType<typeof createScratch>;

  private constructor(
    private readonly entries: readonly TitleEntry[],
    /** Per name (a distinct canonical title of one profile): */
    private readonly nameProfile: Int32Array,
    private readonly nameIsTitle: Uint8Array,
    private readonly nameText: readonly string[],
    private readonly nameKey: readonly string[],
    private readonly nameWeight: Float64Array,
    /** Canonical key → names with that key. */
    private readonly exact: ReadonlyMap<string, number[]>,
    /** Per distinct word: */
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly words: readonly string[],
    private readonly wordWeight: Float64Array,
    private readonly postingStart: Int32Array,
    private readonly postings: Int32Array,
    private readonly wordsByTrigram: ReadonlyMap<string, Int32Array>,
    private readonly sortedWords: Int32Array,
    private readonly unknownWordWeight: number,
  ) {
    this.scratch = createScratch(nameProfile.length, entries.length, words.length);
  }

  static build(entries: TitleEntry[]): TitleIndex {
    const vocabulary = new Map<string, number>();
    const words: string[] = [];
    const documentFrequency: number[] = [];
    const nameProfile: number[] = [];
    const nameIsTitle: number[] = [];
    const nameText: string[] = [];
    const nameKey: string[] = [];
    const nameWordStart: number[] = [0];
    const nameWords: number[] = [];
    const exact = new Map<string, number[]>();
    const readings = new Map<string, string[]>();
    const readWord = (word: string) => {
      let reading = readings.get(word);
      if (!reading) {
        reading = primaryReading(word);
        readings.set(word, reading);
      }
      return reading;
    };

    entries.forEach((entry, profile) => {
      const keys = new Set<string>();
      const titles = [entry.title, ...entry.alternateTitles];
      titles.forEach((text, i) => {
        const canonical = canonicalWords(text, readWord);
        const key = canonical.join(" ");
        if (canonical.length === 0 || keys.has(key)) return;
        keys.add(key);
        const name = nameText.length;
        nameProfile.push(profile);
        nameIsTitle.push(i === 0 ? 1 : 0);
        nameText.push(text);
        nameKey.push(key);
        const sameKey = exact.get(key);
        if (sameKey) sameKey.push(name);
        else exact.set(key, [name]);
        const distinct = new Set<number>();
        for (const word of canonical) {
          let id = vocabulary.get(word);
          if (id === undefined) {
            id = words.length;
            vocabulary.set(word, id);
            words.push(word);
            documentFrequency.push(0);
          }
          nameWords.push(id);
          distinct.add(id);
        }
        for (const id of distinct) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
        nameWordStart.push(nameWords.length);
      });
    });

    const nameCount = nameText.length;
    const wordWeight = new Float64Array(words.length);
    words.forEach((word, id) => {
      const rarity = Math.log(1 + nameCount / (documentFrequency[id] ?? 1));
      wordWeight[id] = QUALIFIERS.has(word) || /^\d+$/.test(word) ? rarity * QUALIFIER_WEIGHT : rarity;
    });

    const nameWeight = new Float64Array(nameCount);
    const postingStart = new Int32Array(words.length + 1);
    for (let name = 0; name < nameCount; name++) {
      for (let k = nameWordStart[name] ?? 0; k < (nameWordStart[name + 1] ?? 0); k++) {
        const id = nameWords[k] ?? 0;
        nameWeight[name] = (nameWeight[name] ?? 0) + (wordWeight[id] ?? 0);
        postingStart[id + 1] = (postingStart[id + 1] ?? 0) + 1;
      }
    }
    for (let id = 0; id < words.length; id++) {
      postingStart[id + 1] = (postingStart[id + 1] ?? 0) + (postingStart[id] ?? 0);
    }
    const postings = new Int32Array(nameWords.length);
    const fill = postingStart.slice(0, words.length);
    for (let name = 0; name < nameCount; name++) {
      for (let k = nameWordStart[name] ?? 0; k < (nameWordStart[name + 1] ?? 0); k++) {
        const id = nameWords[k] ?? 0;
        postings[fill[id] ?? 0] = name;
        fill[id] = (fill[id] ?? 0) + 1;
      }
    }

    const trigramLists = new Map<string, number[]>();
    words.forEach((word, id) => {
      for (const trigram of trigramsOf(word)) {
        const list = trigramLists.get(trigram);
        if (list) list.push(id);
        else trigramLists.set(trigram, [id]);
      }
    });
    const wordsByTrigram = new Map<string, Int32Array>();
    for (const [trigram, list] of trigramLists) wordsByTrigram.set(trigram, Int32Array.from(list));

    const sortedWords = Int32Array.from(words.keys()).sort((x, y) => {
      const a = words[x] ?? "";
      const b = words[y] ?? "";
      return a < b ? -1 : a > b ? 1 : 0;
    });

    return new TitleIndex(
      entries,
      Int32Array.from(nameProfile),
      Uint8Array.from(nameIsTitle),
      nameText,
      nameKey,
      nameWeight,
      exact,
      vocabulary,
      words,
      wordWeight,
      postingStart,
      postings,
      wordsByTrigram,
      sortedWords,
      wordWeight.reduce((max, weight) => Math.max(max, weight), Math.log(1 + nameCount)),
    );
  }

  /** The one profile a title means, or the profiles to choose from when that is not clear. */
  lookup(query: string, options: { framework?: string } = {}): LookupResult {
    const readings = this.readQuery(query);
    if (readings.length === 0) return { kind: "not_found", suggestions: [] };
    const allowed = this.allowedProfiles(options);
    const exact = this.exactMatches(readings, allowed);
    const toMatches = (scored: Scored[]) => scored.slice(0, MAX_CANDIDATES).map((s) => this.toMatch(s));
    for (const tier of [exact.titles, exact.alternates]) {
      const [first] = tier;
      if (first && tier.length === 1) return { kind: "found", match: this.toMatch(first) };
      const verbatim = tier.filter(
        (scored) => literalKey(this.toMatch(scored).matchedTitle) === literalKey(query),
      );
      if (verbatim.length === 1 && verbatim[0]) return { kind: "found", match: this.toMatch(verbatim[0]) };
      if (tier.length > 1) return { kind: "ambiguous", candidates: toMatches(this.ranked(tier)) };
    }
    const ranked = this.ranked(this.fuzzyMatches(readings, allowed));
    const [best] = ranked;
    if (!best || best.score < FOUND_THRESHOLD) return { kind: "not_found", suggestions: toMatches(ranked) };
    const close = ranked.filter((scored) => scored.score >= best.score - AMBIGUITY_MARGIN);
    const winner = close.length === 1 ? best : this.soleTitleAmong(close);
    return winner
      ? { kind: "found", match: this.toMatch(winner) }
      : { kind: "ambiguous", candidates: toMatches(close) };
  }

  /**
   * Rule 1 for a corrected query: when every close match is the same title ("Sotware Buyer" read as
   * "software buyer"), the one profile it is the own title of wins over those listing it as an alternate.
   */
  private soleTitleAmong(close: Scored[]): Scored | undefined {
    const key = this.nameKey[close[0]?.name ?? 0];
    if (!close.every((scored) => this.nameKey[scored.name] === key)) return undefined;
    const titles = close.filter((scored) => this.nameIsTitle[scored.name] === 1);
    if (titles.length === 1) return titles[0];
    // The same title in two frameworks: for a near-exact query (a typo), the one spelled as the
    // corrected query reads wins, as in rule 1. A loose match stays a question for the user.
    if ((close[0]?.score ?? 0) < TYPO_SCORE) return undefined;
    const verbatim = titles.filter((scored) => literalKey(this.toMatch(scored).matchedTitle) === key);
    return verbatim.length === 1 ? verbatim[0] : undefined;
  }

  /** Profiles ranked by how well one of their titles fits the query, best first, one row per profile. */
  search(query: string, options: { limit?: number; framework?: string; family?: string } = {}): TitleMatch[] {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
    const readings = this.readQuery(query);
    if (readings.length === 0 || limit === 0) return [];
    const allowed = this.allowedProfiles(options);
    const exact = this.exactMatches(readings, allowed);
    const best = new Map<number, Scored>();
    for (const scored of [...this.fuzzyMatches(readings, allowed), ...exact.alternates, ...exact.titles]) {
      best.set(scored.profile, scored);
    }
    return this.ranked([...best.values()])
      .slice(0, limit)
      .map((scored) => this.toMatch(scored));
  }

  /** The query's canonical readings, the literal one first; none when it has no words. */
  private readQuery(query: string): string[][] {
    const words = foldedWords(query.slice(0, MAX_QUERY_CHARS))
      .slice(0, MAX_QUERY_WORDS)
      .map((word) => word.slice(0, MAX_WORD_CHARS));
    if (words.length === 0) return [];
    const choices = words.map((_, i) => this.readingsAt(words, i));
    const readings = new Map<string, string[]>();
    let walks = 0;
    const walk = (position: number, sofar: string[]): void => {
      if (readings.size >= MAX_READINGS || walks >= 4 * MAX_READINGS) return;
      if (position >= words.length) {
        walks += 1;
        if (sofar.length > 0) readings.set(sofar.join(" "), sofar);
        return;
      }
      for (const { consumed, words: reading } of choices[position] ?? []) {
        walk(position + consumed, [...sofar, ...reading]);
      }
    };
    walk(0, []);
    if (readings.size === 0) return [words.map(singularize)];
    return [...readings.values()];
  }

  /** Ways to read the word at position i: its own readings, joined with the next word, or split in two. */
  private readingsAt(words: string[], i: number): { consumed: number; words: string[] }[] {
    const word = words[i] ?? "";
    const choices = wordReadings(word).map((reading) => ({ consumed: 1, words: reading }));
    const next = words[i + 1];
    if (next !== undefined) {
      const joined = singularize(word + next);
      if (this.vocabulary.has(joined)) choices.push({ consumed: 2, words: [joined] });
    }
    const singular = singularize(word);
    if (singular.length >= 6 && !this.vocabulary.has(singular) && !EXPANSIONS.has(singular)) {
      for (let cut = 3; cut <= singular.length - 3; cut++) {
        const head = singular.slice(0, cut);
        const tail = singularize(singular.slice(cut));
        if (this.vocabulary.has(head) && this.vocabulary.has(tail)) {
          choices.push({ consumed: 1, words: [head, tail] });
          break;
        }
      }
    }
    return choices;
  }

  private allowedProfiles({ framework, family }: Filter): Uint8Array | null {
    if (framework === undefined && family === undefined) return null;
    const wanted = (value: string | undefined) => value?.trim().toLowerCase();
    const frameworkKey = wanted(framework);
    const familyKey = wanted(family);
    return Uint8Array.from(this.entries, (entry) =>
      Number(
        (frameworkKey === undefined || entry.frameworkName.trim().toLowerCase() === frameworkKey) &&
          (familyKey === undefined || entry.family.trim().toLowerCase() === familyKey),
      ),
    );
  }

  /** Profiles whose own title, or else an alternate title, has the key of one of the readings. */
  private exactMatches(
    readings: string[][],
    allowed: Uint8Array | null,
  ): { titles: Scored[]; alternates: Scored[] } {
    const titles = new Map<number, Scored>();
    const alternates = new Map<number, Scored>();
    for (const reading of readings) {
      for (const name of this.exact.get(reading.join(" ")) ?? []) {
        const profile = this.nameProfile[name] ?? 0;
        if (allowed && !allowed[profile]) continue;
        const tier = this.nameIsTitle[name] ? titles : alternates;
        if (!tier.has(profile)) tier.set(profile, { profile, name, score: 1 });
      }
    }
    return { titles: [...titles.values()], alternates: [...alternates.values()] };
  }

  /** The best fuzzy score per profile over every reading, for profiles above the suggestion floor. */
  private fuzzyMatches(readings: string[][], allowed: Uint8Array | null): Scored[] {
    const s = this.scratch;
    const lookupGeneration = this.nextGeneration();
    const profiles: number[] = [];
    const cache = new Map<string, QueryWord>();
    for (const reading of readings) {
      const queryWords = reading.map((word) => {
        let matched = cache.get(word);
        if (!matched) {
          matched = this.matchWord(word);
          cache.set(word, matched);
        }
        return matched;
      });
      const queryWeight = queryWords.reduce((sum, queryWord) => sum + queryWord.weight, 0);
      // Each index word is credited through the query word that matches it best.
      const bestPosition = new Map<number, { position: number; similarity: number }>();
      queryWords.forEach(({ matches }, position) => {
        for (const { word, similarity } of matches) {
          if (similarity > (bestPosition.get(word)?.similarity ?? 0))
            bestPosition.set(word, { position, similarity });
        }
      });

      const generation = this.nextGeneration();
      const names: number[] = [];
      queryWords.forEach(({ matches, weight }, position) => {
        for (const { word, similarity } of matches) {
          const best = bestPosition.get(word);
          const titleCredit =
            best?.position === position ? (this.wordWeight[word] ?? 0) * best.similarity : 0;
          for (let k = this.postingStart[word] ?? 0; k < (this.postingStart[word + 1] ?? 0); k++) {
            const name = this.postings[k] ?? 0;
            if (s.nameStamp[name] !== generation) {
              s.nameStamp[name] = generation;
              s.queryCredit[name] = 0;
              s.titleCredit[name] = 0;
              s.lastPosition[name] = -1;
              names.push(name);
            }
            if (s.lastPosition[name] !== position) {
              s.lastPosition[name] = position;
              s.positionCredit[name] = 0;
              s.positionTitleCredit[name] = 0;
            }
            // A query word explains one word of a title, its best match there, on both sides.
            const previous = s.positionCredit[name] ?? 0;
            if (similarity > previous) {
              s.queryCredit[name] = (s.queryCredit[name] ?? 0) + (similarity - previous) * weight;
              s.positionCredit[name] = similarity;
            }
            const previousTitle = s.positionTitleCredit[name] ?? 0;
            if (titleCredit > previousTitle) {
              s.titleCredit[name] = (s.titleCredit[name] ?? 0) + titleCredit - previousTitle;
              s.positionTitleCredit[name] = titleCredit;
            }
          }
        }
      });

      for (const name of names) {
        const profile = this.nameProfile[name] ?? 0;
        if (allowed && !allowed[profile]) continue;
        const queryExplained = (s.queryCredit[name] ?? 0) / queryWeight;
        const titleExplained = Math.min(1, (s.titleCredit[name] ?? 0) / (this.nameWeight[name] ?? 1));
        const score = Math.min(FUZZY_CAP, QUERY_SHARE * queryExplained + TITLE_SHARE * titleExplained);
        if (s.profileStamp[profile] !== lookupGeneration) {
          s.profileStamp[profile] = lookupGeneration;
          s.profileScore[profile] = -1;
          profiles.push(profile);
        }
        const current = s.profileScore[profile] ?? -1;
        const preferTitle = score === current && this.nameIsTitle[name] === 1;
        if (score > current || preferTitle) {
          s.profileScore[profile] = score;
          s.profileName[profile] = name;
        }
      }
    }
    return profiles
      .map((profile) => ({ profile, name: s.profileName[profile] ?? 0, score: s.profileScore[profile] ?? 0 }))
      .filter((scored) => scored.score >= SUGGESTION_FLOOR);
  }

  /** Index words a query word may mean: itself, words it starts or is started by, near misspellings. */
  private matchWord(word: string): QueryWord {
    const found = new Map<number, number>();
    const note = (id: number, similarity: number) => {
      if (similarity > (found.get(id) ?? 0)) found.set(id, similarity);
    };
    const exactId = this.vocabulary.get(word);
    if (exactId !== undefined) note(exactId, 1);
    else if (word.length >= MIN_TYPO_LENGTH) {
      for (const [id, distance] of this.misspellingsOf(word)) {
        note(id, 1 - distance / Math.max(word.length, this.words[id]?.length ?? 0));
      }
    }
    if (word.length >= MIN_PREFIX_LENGTH) {
      for (const id of this.wordsStartingWith(word)) {
        note(id, prefixSimilarity(word.length, this.words[id]?.length ?? word.length));
      }
      for (let end = MIN_PREFIX_LENGTH + 1; end < word.length; end++) {
        const id = this.vocabulary.get(word.slice(0, end));
        if (id !== undefined) note(id, prefixSimilarity(end, word.length));
      }
    }
    const matches = [...found].map(([id, similarity]) => ({ word: id, similarity }));
    let weight = this.unknownWordWeight;
    let bestSimilarity = 0;
    for (const { word: id, similarity } of matches) {
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        weight = this.wordWeight[id] ?? weight;
      }
    }
    return { matches, weight };
  }

  /** Index words within the typo budget of `word`, by trigram candidates then edit distance. */
  private misspellingsOf(word: string): [number, number][] {
    const hits = this.scratch.trigramHits;
    const budget = typoBudget(word.length);
    const trigrams = trigramsOf(word);
    // One edit changes at most four padded trigrams (a transposition), so fewer shared cannot be near.
    const minimumShared = Math.max(1, trigrams.size - 4 * budget);
    const candidates: number[] = [];
    for (const trigram of trigrams) {
      for (const id of this.wordsByTrigram.get(trigram) ?? []) {
        if (hits[id] === 0) candidates.push(id);
        hits[id] = (hits[id] ?? 0) + 1;
      }
    }
    const near: [number, number][] = [];
    for (const id of candidates) {
      const candidate = this.words[id] ?? "";
      if ((hits[id] ?? 0) >= minimumShared) {
        const distance = editDistanceWithin(word, candidate, budget);
        if (distance <= budget) near.push([id, distance]);
      }
      hits[id] = 0;
    }
    return near;
  }

  private wordsStartingWith(prefix: string): number[] {
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.words[this.sortedWords[middle] ?? 0] ?? "") < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < this.sortedWords.length && found.length < MAX_PREFIX_EXPANSIONS; i++) {
      const id = this.sortedWords[i] ?? 0;
      const word = this.words[id] ?? "";
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) found.push(id);
    }
    return found;
  }

  private nextGeneration(): number {
    const s = this.scratch;
    if (s.generation >= 0x7fffffff) {
      s.generation = 0;
      s.nameStamp.fill(0);
      s.profileStamp.fill(0);
    }
    s.generation += 1;
    return s.generation;
  }

  /** Best first; on equal scores a profile's own title before an alternate, then by title and id. */
  private ranked(scored: Scored[]): Scored[] {
    return [...scored].sort(
      (x, y) =>
        y.score - x.score ||
        (this.nameIsTitle[y.name] ?? 0) - (this.nameIsTitle[x.name] ?? 0) ||
        compareText(this.entries[x.profile]?.title ?? "", this.entries[y.profile]?.title ?? "") ||
        (this.entries[x.profile]?.profileId ?? 0) - (this.entries[y.profile]?.profileId ?? 0),
    );
  }

  private toMatch({ profile, name, score }: Scored): TitleMatch {
    const entry = this.entries[profile] as TitleEntry;
    return {
      profileId: entry.profileId,
      title: entry.title,
      frameworkName: entry.frameworkName,
      family: entry.family,
      matchedTitle: this.nameText[name] ?? entry.title,
      score: Math.round(score * 1000) / 1000,
    };
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A title as typed, up to case, accents, punctuation and spacing (no singular/plural folding). */
function literalKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
