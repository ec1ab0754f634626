/**
 * Reading messy résumé text: repairing mojibake, folding typography and case, and cutting it into
 * tokens, sentences and clauses, with every piece mapped back to offsets in the text as given, so that
 * quoted evidence is always an exact substring of the caller's summary.
 */

/**
 * The text as the engine reads it; `starts[i]`/`ends[i]` are the given text's range for folded char i,
 * absent when folding changed nothing (char i is the given char i), as for most texts.
 */
export type FoldedText = { text: string; starts?: Int32Array; ends?: Int32Array };

export type Token = {
  /** Lower-case, accent-free, apostrophes removed: "don't" → "dont". */
  norm: string;
  /** Range in the folded text. */
  start: number;
  end: number;
  /** Written in capitals (two letters or more), as acronyms are: "PR", "IT". */
  upper: boolean;
  line: number;
  sentence: number;
  clause: number;
};

/** Lower-case words whose internal capitals are part of the name, so they are not split. */
export type KnownWords = ReadonlySet<string>;

const CP1252_HIGH: Readonly<Record<number, number>> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

/** The byte a character stands for when UTF-8 was wrongly read as Windows-1252 or Latin-1. */
function mojibakeByte(codePoint: number): number | undefined {
  if (codePoint <= 0xff) return codePoint;
  return CP1252_HIGH[codePoint];
}

/** Decodes the UTF-8 sequence that mojibake at `index` stands for, if it is one. */
function repairMojibake(raw: string, index: number): { char: string; length: number } | undefined {
  const lead = mojibakeByte(raw.charCodeAt(index));
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined;
  const count = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (index + count > raw.length) return undefined;
  let codePoint = lead & (count === 2 ? 0x1f : count === 3 ? 0x0f : 0x07);
  for (let k = 1; k < count; k++) {
    const byte = mojibakeByte(raw.charCodeAt(index + k));
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return undefined;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  const minimum = count === 2 ? 0x80 : count === 3 ? 0x800 : 0x10000;
  if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    return undefined;
  }
  return { char: String.fromCodePoint(codePoint), length: count };
}

const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010-\u2015\u2212]/;
const BULLETS =
  /[\u2022\u2023\u2043\u2219\u25a0-\u25ff\u2605\u2606\u2192\u27a2\u27a4\u2713\u2714\u2717\u2756\u00b7\uf0b7\uf0a7\uf0d8]/;
const COMBINING_MARKS = /\p{M}/gu;
const CONTROL = /\p{Cc}/u;

/** One character of the given text as the engine reads it (possibly empty or several characters). */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    if (code === 0x0d || code === 0x0a) return "\n";
    if (code < 0x20 || code === 0x7f) return " ";
    if (code === 0x60) return "'";
    return char;
  }
  if (LINE_BREAKS.test(char)) return "\n";
  if (SPACES.test(char)) return " ";
  if (INVISIBLE.test(char)) return "";
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (DASHES.test(char)) return "-";
  if (BULLETS.test(char)) return "\n";
  if (CONTROL.test(char)) return " ";
  return char.normalize("NFKD").replace(COMBINING_MARKS, "");
}

const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e\n]*$/;

export function foldText(raw: string): FoldedText {
  if (PLAIN_ASCII.test(raw)) return { text: raw };
  // Runs of characters that fold to themselves are copied whole; the rest go through foldChar.
  const pieces: string[] = [];
  let starts: Int32Array = new Int32Array(raw.length + 16);
  let ends: Int32Array = new Int32Array(raw.length + 16);
  let length = 0;
  let runStart = 0;
  const map = (from: number, to: number): void => {
    if (length === starts.length) {
      const larger = 2 * starts.length;
      starts = grownTo(starts, larger);
      ends = grownTo(ends, larger);
    }
    starts[length] = from;
    ends[length] = to;
    length++;
  };
  let index = 0;
  while (index < raw.length) {
    const code = raw.charCodeAt(index);
    if (code === 0x0a || (code >= 0x20 && code < 0x7f && code !== 0x60)) {
      map(index, index + 1);
      index++;
      continue;
    }
    if (runStart < index) pieces.push(raw.slice(runStart, index));
    const repaired = code >= 0x80 ? repairMojibake(raw, index) : undefined;
    const codePoint = raw.codePointAt(index) ?? 0;
    const width = repaired?.length ?? (codePoint > 0xffff ? 2 : 1);
    const folded = foldChar(repaired?.char ?? raw.slice(index, index + width));
    pieces.push(folded);
    for (let unit = 0; unit < folded.length; unit++) map(index, index + width);
    index += width;
    runStart = index;
  }
  if (runStart < raw.length) pieces.push(raw.slice(runStart));
  return { text: pieces.join(""), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

function grownTo(array: Int32Array, length: number): Int32Array {
  const larger = new Int32Array(length);
  larger.set(array);
  return larger;
}

/** The given text's range for a range of the folded text. */
export function originalRange(
  folded: FoldedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = start < folded.text.length ? startOf(folded, start) : endOf(folded, folded.text.length - 1);
    return { start: at, end: at };
  }
  return { start: startOf(folded, start), end: endOf(folded, end - 1) };
}

/** Where folded char `index` starts in the given text (0 outside the text). */
function startOf(folded: FoldedText, index: number): number {
  if (folded.starts) return folded.starts[index] ?? 0;
  return index >= 0 && index < folded.text.length ? index : 0;
}

/** Where folded char `index` ends in the given text (0 outside the text). */
function endOf(folded: FoldedText, index: number): number {
  if (folded.ends) return folded.ends[index] ?? 0;
  return index >= 0 && index < folded.text.length ? index + 1 : 0;
}

function isAlphanumeric(code: number, char: string): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  return /[\p{L}\p{N}]/u.test(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

function isUpperLetter(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLowerLetter(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "e",
  "g",
  "i",
  "eg",
  "ie",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "st",
  "dr",
  "mr",
  "mrs",
  "ms",
  "jr",
  "sr",
  "vs",
  "no",
  "approx",
  "dept",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

/** Characters that join two short pieces into one word: "R&D", "A/P", "CI/CD". */
const SHORT_JOINERS = new Set(["&", "/"]);

type RawWord = { start: number; end: number };

/** ".NET", ".js": a dot that starts a short name (after a space or punctuation) belongs to it. */
function withLeadingDot(text: string, from: number): number {
  if (text[from - 1] !== ".") return from;
  const before = text[from - 2];
  if (before !== undefined && isAlphanumeric(before.charCodeAt(0), before)) return from;
  let end = from;
  while (end < text.length && /[a-z]/i.test(text[end] ?? "")) end++;
  return end - from >= 2 && end - from <= 3 ? from - 1 : from;
}

function scanWord(text: string, from: number): RawWord {
  let end = text[from] === "." ? from + 1 : from;
  while (end < text.length) {
    const char = text[end] ?? "";
    if (isAlphanumeric(char.charCodeAt(0), char)) {
      end++;
      continue;
    }
    const next = text[end + 1];
    if (char === "'" && next !== undefined && isAlphanumeric(next.charCodeAt(0), next)) {
      end++;
      continue;
    }
    if (SHORT_JOINERS.has(char) && next !== undefined && isAlphanumeric(next.charCodeAt(0), next)) {
      let after = end + 1;
      while (after < text.length && isAlphanumeric(text.charCodeAt(after), text[after] ?? "")) after++;
      if (end - from <= 2 && after - end - 1 <= 2) {
        end = after;
        continue;
      }
    }
    break;
  }
  const word = text.slice(from, end);
  if (word.length <= 2 && /^[a-z]+$/i.test(word)) {
    if (text.startsWith("++", end)) end += 2;
    else if (text[end] === "#" && !isAlphanumeric(text.charCodeAt(end + 1), text[end + 1] ?? "")) end += 1;
  }
  return { start: from, end };
}

/**
 * Where a run-together word splits: "ExperienceSenior" → Experience|Senior, "HRManager" → HR|Manager,
 * "10years" → 10|years. Names written with internal capitals ("JavaScript") stay whole when known.
 */
function splitPoints(word: string, known: KnownWords): readonly number[] {
  const ascii = asciiCase(word);
  if (ascii === LOWER) return NO_POINTS;
  if (ascii === NOT_LOWER) {
    for (let at = 0; at < word.length; at++) {
      const char = word[at] ?? "";
      if (!isAlphanumeric(char.charCodeAt(0), char)) return NO_POINTS;
    }
  } else {
    if (word === word.toLowerCase() && !/\d/.test(word)) return NO_POINTS;
    if (!/^[\p{L}\p{N}]+$/u.test(word)) return NO_POINTS;
  }
  const points: number[] = [];
  for (let i = 1; i < word.length; i++) {
    const previous = word[i - 1];
    const current = word[i];
    const next = word[i + 1];
    const lowerToUpper = isLowerLetter(previous) && isUpperLetter(current);
    const acronymToWord = isUpperLetter(previous) && isUpperLetter(current) && isLowerLetter(next);
    const numberToWord = isDigit(previous) && /^[a-z]{3,}/i.test(word.slice(i));
    if (lowerToUpper || numberToWord || (acronymToWord && i >= 2)) points.push(i);
  }
  if (points.length === 0 || known.has(word.toLowerCase())) return NO_POINTS;
  const pieces = [0, ...points, word.length];
  for (let k = 1; k < pieces.length; k++) {
    if ((pieces[k] ?? 0) - (pieces[k - 1] ?? 0) < 2) return NO_POINTS;
  }
  return points;
}

const NO_POINTS: readonly number[] = [];

const LOWER = 0;
const NOT_LOWER = 1;
const NOT_ASCII = 2;

/**
 * Whether a word is plain ASCII without capitals or digits (most words of a text), so that the checks
 * below need not build its lower- or upper-case copy.
 */
function asciiCase(word: string): number {
  let result = LOWER;
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    if (code >= 0x80) return NOT_ASCII;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) result = NOT_LOWER;
  }
  return result;
}

/** Written in capitals, as acronyms are: "PR", "IT" (two letters or more). */
function isUpperCase(piece: string): boolean {
  if (piece.length < 2) return false;
  let ascii = true;
  for (let at = 0; at < piece.length; at++) {
    const code = piece.charCodeAt(at);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x80) ascii = false;
  }
  if (ascii) return /[A-Z]/.test(piece);
  return piece === piece.toUpperCase() && /[A-Z]/.test(piece);
}

function normalizeWord(word: string): string {
  const lower = asciiCase(word) === LOWER ? word : word.toLowerCase();
  return lower.includes("'") ? lower.replace(/'/g, "") : lower;
}

/**
 * Tokens of the folded text with their line, sentence and clause. Lines break at newlines and bullets;
 * sentences also at ". ", ";", "!", "?" and "|"; clauses also at ",", ":", brackets and " - ".
 */
export function tokenize(folded: FoldedText, known: KnownWords): Token[] {
  const { text } = folded;
  const tokens: Token[] = [];
  let line = 0;
  let sentence = 0;
  let clause = 0;
  let index = 0;
  let previousNorm = "";
  while (index < text.length) {
    const char = text[index] ?? "";
    const code = char.charCodeAt(0);
    if (isAlphanumeric(code, char)) {
      const word = scanWord(text, withLeadingDot(text, index));
      const raw = text.slice(word.start, word.end);
      const points = splitPoints(raw, known);
      for (let k = 0; k <= points.length; k++) {
        const from = k === 0 ? 0 : (points[k - 1] ?? 0);
        const to = k === points.length ? raw.length : (points[k] ?? raw.length);
        const piece = raw.slice(from, to);
        const norm = normalizeWord(piece);
        tokens.push({
          norm,
          start: word.start + from,
          end: word.start + to,
          upper: isUpperCase(piece),
          line,
          sentence,
          clause,
        });
        previousNorm = norm;
      }
      index = word.end;
      continue;
    }
    if (char === "\n") {
      if (tokens.length > 0 && tokens.at(-1)?.line === line) {
        line++;
        sentence++;
        clause++;
      }
    } else if (char === ";" || char === "!" || char === "?" || char === "|") {
      sentence++;
      clause++;
    } else if (char === ".") {
      const next = text[index + 1];
      const endsSentence = next === undefined || next === " " || next === "\n" || next === '"';
      if (
        endsSentence &&
        !ABBREVIATIONS.has(previousNorm) &&
        !(previousNorm.length === 1 && /[a-z]/.test(previousNorm))
      ) {
        sentence++;
        clause++;
      }
    } else if (char === "," || char === ":" || char === "(" || char === ")" || char === "[" || char === "]") {
      clause++;
    } else if (char === "-" && text[index - 1] === " " && text[index + 1] === " ") {
      clause++;
    }
    index++;
  }
  return tokens;
}
