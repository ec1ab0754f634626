/**
 * Job titles a summary names: each profile's title and alternate titles as stem phrases, in a trie
 * packed in typed arrays (the O*NET library's 54,000 alternate titles make some 93,000 trie nodes,
 * too many for a Map per node), and how strongly a summary names each profile's titles.
 */

import type { JobProfile } from "../library.js";
import { namesOwnRole, openingSentences } from "./cues.js";
import { docArray, Int32List } from "./packed-arrays.js";
import { type Reading, read } from "./reading.js";
import { stem } from "./stem.js";
import type { TermIds } from "./term-ids.js";
import { GENERIC_TITLE_NOUNS, STOPWORDS } from "./words.js";

const GENERIC_TITLE_STEMS: ReadonlySet<string> = new Set([...GENERIC_TITLE_NOUNS].map(stem));

/**
 * How a profile holds a phrase, by code: its title, an alternate title, a title's ending alone ("nurse"
 * of "Staff Nurse"), or an ending that is a job noun of every function ("engineer" of "Civil Engineer").
 * An ending counts only where the summary names a role.
 */
const PHRASE_FACTORS = [1, 0.8, 0.5, 0.3] as const;
const TITLE = 0;
const ALTERNATE_TITLE = 1;
const TITLE_HEAD = 2;
const GENERIC_TITLE_HEAD = 3;
const SINGLE_WORD_TITLE = 0.75;
/** A title named outside the places a résumé names roles ("worked with the finance director"). */
const OUT_OF_CONTEXT_TITLE = 0.4;
const SHORT_LINE_TOKENS = 8;
const ROOT = 0;
/** Edges are sorted on node × this + term number: exact in a double while nodes stay below 2^27. */
const TERM_LIMIT = 2 ** 26;
const NO_NODE = -1;

type TitleSequence = { stems: string[]; firsts: number[]; lasts: number[] };

export type TitleScores = {
  /** By document number: 0 to about 1.5 (1: a title only that profile has, where a role is named). */
  scores: Float64Array;
  /** Tokens of the titles named that are not the candidate's own job now. */
  otherRoleTokens: ReadonlySet<number>;
};

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

/**
 * The stem sequences in which a summary may name a job title: its words, and each canonical group; with
 * the first and last token each stem was read from.
 */
function titleSequences(reading: Reading): TitleSequence[] {
  const sequences: TitleSequence[] = [{ stems: [], firsts: [], lasts: [] }];
  let group: TitleSequence | undefined;
  const push = (sequence: TitleSequence | undefined, term: Reading["terms"][number]): void => {
    sequence?.stems.push(term.stem);
    sequence?.firsts.push(term.first);
    sequence?.lasts.push(term.last);
  };
  for (const term of reading.terms) {
    if (term.kind === "word") {
      push(sequences[0], term);
    } else if (term.stem === "") {
      group = undefined;
    } else if (term.kind === "equivalent") {
      if (!group) {
        group = { stems: [], firsts: [], lasts: [] };
        sequences.push(group);
      }
      push(group, term);
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

type TitleTrie = {
  /** Per node, where its edges start in `edgeTerms`/`edgeNodes` (sorted by term); one more entry at the end. */
  edgeStarts: Int32Array;
  edgeTerms: Int32Array;
  edgeNodes: Int32Array;
  /** Per node, where the profiles holding its phrase start in `holderDocs`/`holderCodes`; one more at the end. */
  holderStarts: Int32Array;
  holderDocs: Uint16Array | Uint32Array;
  holderCodes: Uint8Array;
};

/** The title phrases of one framework's profiles. */
export class TitlePhraseIndex {
  private constructor(
    private readonly ids: TermIds,
    /** Profiles in the framework: a phrase's weight is the log of this over its holders. */
    private readonly count: number,
    private readonly trie: TitleTrie,
  ) {}

  static build(profiles: readonly JobProfile[], docs: readonly number[], ids: TermIds): TitlePhraseIndex {
    const titleCount = docs.reduce((sum, doc) => sum + 1 + (profiles[doc]?.alternateTitles.length ?? 0), 0);
    const edges = new EdgeTable(2 * titleCount);
    const holderNodes = new Int32List();
    /** Document × 4 + code (documents number far below 2^29). */
    const holders = new Int32List();
    const nodeOf = (phrase: readonly string[]): number => {
      let node = ROOT;
      for (const part of phrase) {
        const term = ids.intern(part);
        if (term >= TERM_LIMIT) throw new RangeError("Too many distinct terms for the title index.");
        node = edges.childOf(node, term);
      }
      return node;
    };
    for (const doc of docs) {
      const profile = profiles[doc];
      if (!profile) continue;
      const seen = new Set<number>();
      const add = (phrase: readonly string[], code: number): void => {
        const node = nodeOf(phrase);
        if (seen.has(node)) return;
        seen.add(node);
        holderNodes.push(node);
        holders.push(doc * 4 + code);
      };
      const titleList = [profile.title, ...profile.alternateTitles].map(titlePhrases);
      titleList.forEach((phrases, index) => {
        for (const phrase of phrases) add(phrase, index === 0 ? TITLE : ALTERNATE_TITLE);
      });
      for (const phrases of titleList) {
        for (const phrase of phrases) {
          for (let start = 1; start < phrase.length; start++) {
            const ending = phrase.slice(start);
            const generic = ending.length === 1 && GENERIC_TITLE_STEMS.has(ending[0] ?? "");
            add(ending, generic ? GENERIC_TITLE_HEAD : TITLE_HEAD);
          }
        }
      }
    }
    const nodes = edges.size + 1;
    const trie: TitleTrie = {
      edgeStarts: new Int32Array(nodes + 1),
      edgeTerms: new Int32Array(edges.size),
      edgeNodes: new Int32Array(edges.size),
      holderStarts: new Int32Array(nodes + 1),
      holderDocs: docArray(profiles.length, holderNodes.length),
      holderCodes: new Uint8Array(holderNodes.length),
    };
    let edge = 0;
    edges.forEachSorted((parent, term, child) => {
      trie.edgeTerms[edge] = term;
      trie.edgeNodes[edge] = child;
      edge++;
      trie.edgeStarts[parent + 1] = (trie.edgeStarts[parent + 1] ?? 0) + 1;
    });
    for (let at = 0; at < holderNodes.length; at++) {
      const node = holderNodes.at(at);
      trie.holderStarts[node + 1] = (trie.holderStarts[node + 1] ?? 0) + 1;
    }
    for (let node = 0; node < nodes; node++) {
      trie.edgeStarts[node + 1] = (trie.edgeStarts[node + 1] ?? 0) + (trie.edgeStarts[node] ?? 0);
      trie.holderStarts[node + 1] = (trie.holderStarts[node + 1] ?? 0) + (trie.holderStarts[node] ?? 0);
    }
    // Each node's holders in the order they were added: the order their scores are summed in.
    const next = trie.holderStarts.slice(0, nodes);
    for (let at = 0; at < holderNodes.length; at++) {
      const node = holderNodes.at(at);
      const position = next[node] ?? 0;
      next[node] = position + 1;
      const holder = holders.at(at);
      trie.holderDocs[position] = holder >>> 2;
      trie.holderCodes[position] = holder & 3;
    }
    return new TitlePhraseIndex(ids, docs.length, trie);
  }

  /**
   * How strongly the summary names each profile's titles as the candidate's own job. A title the words
   * around it make a past or wanted job, or someone else's ("former teacher", "referred by the Head of
   * Sales", "Recruiter note"), counts for nothing, and its tokens are returned so that text relevance
   * can leave them out too.
   */
  scores(reading: Reading, size: number): TitleScores {
    const { holderStarts, holderDocs, holderCodes } = this.trie;
    const contexts = titleContexts(reading);
    const best = new Float64Array(size);
    const total = new Float64Array(size);
    const otherRoleTokens = new Set<number>();
    const sequences = titleSequences(reading).filter(
      (sequence, index) => index === 0 || this.writtenAsRole(reading, sequence),
    );
    for (const sequence of sequences) {
      const terms = sequence.stems.map((part) => this.ids.find(part));
      for (let start = 0; start < terms.length; start++) {
        let node = ROOT;
        const firstToken = sequence.firsts[start] ?? 0;
        const sentence = reading.tokens[firstToken]?.sentence;
        const inContext = contexts[firstToken] ?? false;
        for (let offset = start; offset < terms.length; offset++) {
          const token = reading.tokens[sequence.firsts[offset] ?? 0];
          if (token?.sentence !== sentence) break;
          node = this.child(node, terms[offset] ?? -1);
          if (node < 0) break;
          const from = holderStarts[node] ?? 0;
          const to = holderStarts[node + 1] ?? 0;
          const holders = to - from;
          const phraseLength = offset - start + 1;
          const phraseWeight =
            Math.log(1 + this.count / holders) * (phraseLength > 1 ? 1 : SINGLE_WORD_TITLE);
          const lastToken = sequence.lasts[offset] ?? firstToken;
          let own: boolean | undefined;
          let wholeTitle = false;
          for (let at = from; at < to; at++) {
            const code = holderCodes[at] ?? TITLE;
            if (code >= TITLE_HEAD && !inContext) continue;
            own ??= namesOwnRole(reading, firstToken, lastToken);
            wholeTitle ||= code < TITLE_HEAD;
            if (!own) continue;
            const doc = holderDocs[at] ?? 0;
            const weight = phraseWeight * (PHRASE_FACTORS[code] ?? 1);
            const score = weight * (inContext ? 1 : OUT_OF_CONTEXT_TITLE);
            best[doc] = Math.max(best[doc] ?? 0, score);
            total[doc] = (total[doc] ?? 0) + score;
          }
          if (own === false && wholeTitle)
            for (let at = firstToken; at <= lastToken; at++) otherRoleTokens.add(at);
        }
      }
    }
    const maxTitleWeight = Math.log(1 + this.count);
    best.forEach((top, doc) => {
      if (top > 0) best[doc] = (top + 0.25 * Math.log(1 + ((total[doc] ?? 0) - top))) / maxTitleWeight;
    });
    return { scores: best, otherRoleTokens };
  }

  /**
   * Whether a canonical group was written as a role: an abbreviation in capitals ("RN" → registered
   * nurse, "CPA"), ending in a job noun ("HR business partner"), or next to a job noun of every
   * function ("stormwater engineer", "Head of Partnerships"). Other aliases name a skill, not a role:
   * "gym" reads as personal training and "stormwater" as civil engineering, but neither alone names
   * the Personal Trainer or the Civil Engineer.
   */
  private writtenAsRole(reading: Reading, sequence: TitleSequence): boolean {
    const { tokens } = reading;
    const first = Math.min(...sequence.firsts);
    const last = Math.max(...sequence.lasts);
    let capitals = true;
    for (let at = first; at <= last; at++) capitals &&= tokens[at]?.upper ?? false;
    if (capitals) return true;
    if (this.isJobNoun(reading.tokenStems[last] ?? "")) return true;
    const sentence = tokens[first]?.sentence;
    const before = tokens[first - 1]?.norm === "of" ? first - 2 : first - 1;
    return [before, last + 1].some(
      (at) => tokens[at]?.sentence === sentence && GENERIC_TITLE_STEMS.has(reading.tokenStems[at] ?? ""),
    );
  }

  /** A word that is a job noun of every function ("manager", "head") or a title's last word here. */
  private isJobNoun(stem: string): boolean {
    if (GENERIC_TITLE_STEMS.has(stem)) return true;
    const node = this.child(ROOT, this.ids.find(stem));
    return node >= 0 && (this.trie.holderStarts[node + 1] ?? 0) > (this.trie.holderStarts[node] ?? 0);
  }

  /** The node the edge for `term` leads to from `node`, or -1. */
  private child(node: number, term: number): number {
    const { edgeStarts, edgeTerms, edgeNodes } = this.trie;
    let low = edgeStarts[node] ?? 0;
    let high = (edgeStarts[node + 1] ?? 0) - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = edgeTerms[middle] ?? 0;
      if (found === term) return edgeNodes[middle] ?? -1;
      if (found < term) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** The trie's edges while it is built, (node, term) → child, in an open-addressing table. */
class EdgeTable {
  private parents: Int32Array;
  private terms: Int32Array;
  private children: Int32Array;
  /** Edges so far; children are numbered from 1 (0 is the root). */
  size = 0;

  constructor(expected: number) {
    let slots = 1024;
    while (slots < expected) slots *= 2;
    this.parents = new Int32Array(slots).fill(NO_NODE);
    this.terms = new Int32Array(slots);
    this.children = new Int32Array(slots);
  }

  /** The child of `parent` along `term`, added if there is none yet. */
  childOf(parent: number, term: number): number {
    let slot = this.slotOf(parent, term);
    if (this.parents[slot] !== NO_NODE) return this.children[slot] ?? NO_NODE;
    if (4 * (this.size + 1) > 3 * this.parents.length) {
      this.grow();
      slot = this.slotOf(parent, term);
    }
    this.size++;
    this.parents[slot] = parent;
    this.terms[slot] = term;
    this.children[slot] = this.size;
    return this.size;
  }

  /** Every edge, by parent and then term. */
  forEachSorted(visit: (parent: number, term: number, child: number) => void): void {
    const keys = new Float64Array(this.size);
    let at = 0;
    this.parents.forEach((parent, slot) => {
      if (parent !== NO_NODE) keys[at++] = parent * TERM_LIMIT + (this.terms[slot] ?? 0);
    });
    keys.sort();
    for (const key of keys) {
      const parent = Math.floor(key / TERM_LIMIT);
      const term = key - parent * TERM_LIMIT;
      visit(parent, term, this.children[this.slotOf(parent, term)] ?? NO_NODE);
    }
  }

  /** The slot holding the edge, or the empty slot where it would go. */
  private slotOf(parent: number, term: number): number {
    const mask = this.parents.length - 1;
    let hash = Math.imul(parent, 0x9e3779b1) ^ term;
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    let slot = (hash ^ (hash >>> 13)) & mask;
    while (this.parents[slot] !== NO_NODE && (this.parents[slot] !== parent || this.terms[slot] !== term))
      slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { parents, terms, children } = this;
    this.parents = new Int32Array(2 * parents.length).fill(NO_NODE);
    this.terms = new Int32Array(2 * parents.length);
    this.children = new Int32Array(2 * parents.length);
    parents.forEach((parent, slot) => {
      if (parent === NO_NODE) return;
      const term = terms[slot] ?? 0;
      const to = this.slotOf(parent, term);
      this.parents[to] = parent;
      this.terms[to] = term;
      this.children[to] = children[slot] ?? NO_NODE;
    });
  }
}
