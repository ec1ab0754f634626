/**
 * A text as the matcher and the evidence extractor read it: its tokens, then its terms (stems of the
 * words that carry meaning, in order), then — after a separator — the canonical terms and broader
 * concepts the built-in vocabulary recognised, each tied back to the tokens it came from.
 */

import { stem } from "./stem.js";
import { type FoldedText, foldText, type KnownWords, type Token, tokenize } from "./text.js";
import { CAMEL_CASE_NAMES, VOCABULARY } from "./vocabulary.js";
import { PROTECTED_WORDS, STOPWORDS } from "./words.js";

/** "word": as written; "equivalent": the vocabulary's canonical term; "broader": a concept it implies. */
export type TermKind = "word" | "equivalent" | "broader";

export type Term = {
  stem: string;
  /** First and last token the term was read from. */
  first: number;
  last: number;
  kind: TermKind;
};

export type Reading = {
  text: string;
  folded: FoldedText;
  tokens: Token[];
  /** Stem of every token, stopwords included, parallel to `tokens`. */
  tokenStems: string[];
  /** Word terms first, then each recognised group, groups separated by a term whose stem is "". */
  terms: Term[];
};

type TrieNode = { next: Map<string, TrieNode>; matches: TrieMatch[] };
type TrieMatch = { entry: number; exactText?: string[] };
type CompiledEntry = { canonical: string[]; broader: string[][] };

const KNOWN_WORDS: KnownWords = new Set(CAMEL_CASE_NAMES);

function tokensOf(text: string): { tokens: Token[]; folded: FoldedText } {
  const folded = foldText(text);
  return { tokens: tokenize(folded, KNOWN_WORDS), folded };
}

/**
 * The form vocabulary phrases are matched on: the word less a plural ending. Lighter than the stem, so
 * that "restful" does not match "rest" nor "provisions" match "provide".
 */
export function singular(norm: string): string {
  if (norm.length <= 3 || !/^[a-z]+$/.test(norm)) return norm;
  if (norm.endsWith("ies") && norm.length > 4) return `${norm.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(norm)) return norm;
  if (/(?:ches|shes|xes|sses)$/.test(norm)) return norm.slice(0, -2);
  if (norm.endsWith("s")) return norm.slice(0, -1);
  return norm;
}

/** Whether a token carries meaning on its own: not a stopword, a bare number, a letter or a protected word. */
export function isContentWord(norm: string): boolean {
  if (norm.length < 2 || STOPWORDS.has(norm) || PROTECTED_WORDS.has(norm)) return false;
  return !/^\d+$/.test(norm);
}

/** The content stems of a short phrase, as the vocabulary and cue compiler see it. */
export function contentStems(phrase: string): string[] {
  return tokensOf(phrase)
    .tokens.filter((token) => isContentWord(token.norm))
    .map((token) => stem(token.norm));
}

let compiled: { root: TrieNode; entries: CompiledEntry[] } | undefined;

function vocabularyTrie(): { root: TrieNode; entries: CompiledEntry[] } {
  if (compiled) return compiled;
  const root: TrieNode = { next: new Map(), matches: [] };
  const entries: CompiledEntry[] = [];
  const insert = (phrase: string, match: TrieMatch, exact: boolean): void => {
    const { tokens, folded } = tokensOf(phrase);
    if (tokens.length === 0) return;
    let node = root;
    for (const token of tokens) {
      const key = singular(token.norm);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), matches: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    const exactText = exact ? tokens.map((token) => folded.text.slice(token.start, token.end)) : undefined;
    node.matches.push(exactText ? { ...match, exactText } : match);
  };
  VOCABULARY.forEach((vocabularyEntry, index) => {
    entries.push({
      canonical: contentStems(vocabularyEntry.term),
      broader: vocabularyEntry.broader.map(contentStems).filter((stems) => stems.length > 0),
    });
    for (const alias of [vocabularyEntry.term, ...vocabularyEntry.aliases])
      insert(alias, { entry: index }, false);
    for (const acronym of vocabularyEntry.acronyms) insert(acronym, { entry: index }, true);
  });
  compiled = { root, entries };
  return compiled;
}

/** The longest vocabulary phrase starting at token `from`, if any. */
function longestMatch(
  reading: Pick<Reading, "tokens" | "folded">,
  from: number,
): { entry: number; last: number } | undefined {
  const { root } = vocabularyTrie();
  let node: TrieNode | undefined = root;
  let best: { entry: number; last: number } | undefined;
  for (let index = from; index < reading.tokens.length; index++) {
    node = node.next.get(singular(reading.tokens[index]?.norm ?? ""));
    if (!node) break;
    for (const match of node.matches) {
      if (match.exactText && !matchesExactly(reading, from, match.exactText)) continue;
      best = { entry: match.entry, last: index };
      break;
    }
  }
  return best;
}

function matchesExactly(
  reading: Pick<Reading, "tokens" | "folded">,
  from: number,
  exactText: string[],
): boolean {
  return exactText.every((text, offset) => {
    const token = reading.tokens[from + offset];
    return token !== undefined && reading.folded.text.slice(token.start, token.end) === text;
  });
}

function sameStems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export function read(text: string): Reading {
  const { tokens, folded } = tokensOf(text);
  const tokenStems = tokens.map((token) => stem(token.norm));
  const terms: Term[] = [];
  tokens.forEach((token, index) => {
    if (isContentWord(token.norm)) {
      terms.push({ stem: tokenStems[index] ?? "", first: index, last: index, kind: "word" });
    }
  });
  const { entries } = vocabularyTrie();
  const partial = { tokens, tokenStems, folded };
  const separator = (first: number, last: number): void => {
    terms.push({ stem: "", first, last, kind: "broader" });
  };
  let index = 0;
  while (index < tokens.length) {
    const match = longestMatch(partial, index);
    if (!match) {
      index++;
      continue;
    }
    const entry = entries[match.entry];
    if (entry) {
      const written = tokenStems
        .slice(index, match.last + 1)
        .filter((_, offset) => isContentWord(tokens[index + offset]?.norm ?? ""));
      if (entry.canonical.length > 0 && !sameStems(entry.canonical, written)) {
        separator(index, match.last);
        for (const canonical of entry.canonical) {
          terms.push({ stem: canonical, first: index, last: match.last, kind: "equivalent" });
        }
      }
      for (const broader of entry.broader) {
        separator(index, match.last);
        for (const concept of broader)
          terms.push({ stem: concept, first: index, last: match.last, kind: "broader" });
      }
    }
    index = match.last + 1;
  }
  return { text, folded, tokens, tokenStems, terms };
}

/** Whether `phrase` (a stem sequence of two or more) starts at term `start`, within one sentence. */
export function phraseAt(reading: Reading, phrase: readonly string[], start: number): boolean {
  for (let offset = 0; offset < phrase.length; offset++) {
    if (reading.terms[start + offset]?.stem !== phrase[offset]) return false;
  }
  const firstToken = reading.tokens[reading.terms[start]?.first ?? 0];
  const lastToken = reading.tokens[reading.terms[start + phrase.length - 1]?.last ?? 0];
  return firstToken?.sentence === lastToken?.sentence;
}
