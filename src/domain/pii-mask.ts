/**
 * Masks personal data in candidate text before it leaves the process: e-mail addresses, phone numbers
 * and street addresses always, personal names on request (best effort). Each masked piece becomes a
 * numbered placeholder such as [EMAIL_1]; the same value always gets the same placeholder. Ranges of the
 * masked text map back to the original, so quotes read from the masked text are checked and shown
 * against the text the user gave. What is recognised, and what is not, is listed in docs/openai.md.
 */

export type PiiKind = "EMAIL" | "PHONE" | "ADDRESS" | "NAME";

export type MaskOptions = { names: boolean };

/** One masked piece: its range in the original text and in the masked text. */
export type MaskedSpan = {
  kind: PiiKind;
  placeholder: string;
  start: number;
  end: number;
  maskedStart: number;
  maskedEnd: number;
};

export type MaskedText = { text: string; spans: readonly MaskedSpan[] };

type Found = { kind: PiiKind; start: number; end: number; identity: string };

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Digit groups joined by the separators phone numbers are written with; every group boundary needs a
 * separator or a bracket, so a run is read one way only (no backtracking blow-up on long numbers).
 */
const PHONE_RUN =
  /(?<![\w+@])(?:(?:\+|00) ?)?\(?\d+\)?(?:(?:[ .\-/]{1,2}|(?<=\))|(?=\())\(?\d+\)?){1,7}(?![\w@])/g;
/** Seven-digit local numbers, "555-0100", which are too short for the rule above. */
const LOCAL_PHONE = /(?<![\w.\-/])\d{3}[-.]\d{4}(?![\w\-/]|\.\d)/g;
/** Any digit run after a phone label: "Tel: 0100 2000", "mobile 06 12 34 56". */
const LABELLED_PHONE =
  /\b(?:phone|tel(?:ephone)?|mobile|cell|fax|whatsapp)\b\.?(?:\s*(?:no\.?|number|#))?\s*[:-]?\s*((?:\+|00)?[\d(][\d ().\-/]{4,}\d)/gi;
const YEAR = /^(?:19|20)\d\d$/;

const STREET_SUFFIXES =
  "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Close|Crescent|Row|Alley|Trail|Mews|Gardens|Walk|Hill|Green|Grove";
const US_STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY";
const UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}";
/** A capitalised word read whole, so that "London NW1 6XE" leaves "NW1 6XE" to the postcode. */
const CITY_WORD = "[A-Z][\\p{L}'.-]+(?![\\p{L}\\p{N}])";
/** "221B Baker Street", "1600 Pennsylvania Ave NW, Suite 4, Washington, DC 20500". */
const ENGLISH_ADDRESS = new RegExp(
  `\\b\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?,?[ \\t]+(?:(?:[A-Z][\\p{L}'.-]*|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,4}(?:${STREET_SUFFIXES})\\b\\.?` +
    "(?:[ \\t]+(?:N|S|E|W|NE|NW|SE|SW)\\b)?" +
    "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\\.?[ \\t]*[\\w-]+)?" +
    `(?:,[ \\t]*${CITY_WORD}(?: ${CITY_WORD}){0,2})?(?:,?[ \\t]*(?:${US_STATES})\\b)?(?:,?[ \\t]*(?:\\d{5}(?:-\\d{4})?|${UK_POSTCODE})\\b)?`,
  "gu",
);
/** "Hauptstraße 5", "Keizersgracht 123a", with an optional "10115 Berlin" after it. */
const CONTINENTAL_ADDRESS =
  /\b[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|straat|laan|gracht|plein|gatan|vägen|vej)[ \t]+\d{1,4}[ \t]?[a-z]?\b(?:,?[ \t]*\d{4,5}[ \t]+[\p{Lu}][\p{L}-]+)?/gu;
/** "12 rue de la Paix", "5 bis, avenue Victor Hugo". */
const FRENCH_ADDRESS =
  /\b\d{1,4}(?: ?(?:bis|ter))?,?[ \t]+(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai)[ \t]+(?:(?:de|du|des|la|le|l'|d')[ \t]*)*[\p{Lu}][\p{L}'-]*(?:[ \t]+[\p{Lu}][\p{L}'-]*){0,3}/gu;
const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d+\b/gi;
const STATE_AND_ZIP = new RegExp(`\\b(?:${US_STATES})\\s+\\d{5}(?:-\\d{4})?\\b`, "g");
const POSTCODE_ALONE = new RegExp(`\\b${UK_POSTCODE}\\b`, "g");

const NAME_WORD = "[\\p{Lu}][\\p{Ll}'’\\-]+";
const FULL_NAME = `${NAME_WORD}(?:[ \\t]+(?:[\\p{Lu}]\\.[ \\t]+)?${NAME_WORD}){1,2}`;
const HONORIFIC_NAME = new RegExp(
  `\\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\\.?[ \\t]+(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,2})`,
  "dgu",
);
const LABELLED_NAME = new RegExp(
  `\\b(?:Name|Candidate|Applicant)[ \\t]*[:\\-–][ \\t]*(${FULL_NAME})`,
  "dgiu",
);
/** A résumé or summary often opens with the person's name: "Jane Doe — backend engineer", "Jane Doe is…". */
const OPENING_NAME = new RegExp(
  `^[ \\t]*(${FULL_NAME})(?=[ \\t]*(?:$|[—–\\-|,:(•·])|[ \\t]+(?:is|has|was|brings|worked|works|led|leads)\\b|['’]s\\b)`,
  "du",
);
/** Capitalised words that open a summary or follow a label without being a name. */
const NOT_NAME_WORDS = new Set(
  (
    "senior junior lead principal staff chief head associate assistant software data product project program " +
    "sales marketing account accounting finance financial business customer client human resources " +
    "engineer developer manager director officer analyst designer consultant specialist architect scientist " +
    "administrator coordinator executive representative nurse teacher technician summary profile candidate " +
    "applicant experience experienced resume curriculum vitae professional about objective skills education " +
    "career overview background the and for with full stack backend frontend mobile web cloud security " +
    "network systems operations research registered certified public relations media strong proven seasoned"
  ).split(" "),
);

export function maskPii(original: string, options: MaskOptions): MaskedText {
  const found = [
    ...matches(original, EMAIL, "EMAIL", (text) => text.toLowerCase()),
    ...findAddresses(original),
    ...findPhones(original),
    ...(options.names ? findNames(original) : []),
  ];
  return applyMasks(original, keepFirstOfOverlapping(found));
}

/**
 * The original range of a range of the masked text, or null when the range begins or ends inside a
 * placeholder (the piece it stands for cannot be cut in two). A range that holds whole placeholders maps
 * to the original text they stand for.
 */
export function originalRangeOf(
  masked: MaskedText,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const from = toOriginalOffset(masked.spans, start);
  const to = toOriginalOffset(masked.spans, end);
  return from === null || to === null ? null : { start: from, end: to };
}

/** How many pieces of each kind were masked. */
export function countMasked(masked: MaskedText): Record<PiiKind, number> {
  const counts: Record<PiiKind, number> = { EMAIL: 0, PHONE: 0, ADDRESS: 0, NAME: 0 };
  for (const span of masked.spans) counts[span.kind] += 1;
  return counts;
}

/** Outside placeholders the two texts are equal, so an offset moves by the length change before it. */
function toOriginalOffset(spans: readonly MaskedSpan[], offset: number): number | null {
  let shift = 0;
  for (const span of spans) {
    if (offset <= span.maskedStart) break;
    if (offset < span.maskedEnd) return null;
    shift = span.end - span.maskedEnd;
  }
  return offset + shift;
}

function matches(text: string, pattern: RegExp, kind: PiiKind, identity: (value: string) => string): Found[] {
  return [...text.matchAll(pattern)].map((match) => ({
    kind,
    start: match.index,
    end: match.index + match[0].length,
    identity: identity(match[0]),
  }));
}

const digitsOf = (value: string) => value.replace(/\D/g, "");

function findPhones(text: string): Found[] {
  const phones: Found[] = [];
  for (const match of text.matchAll(PHONE_RUN)) {
    const value = trimTrailingSeparators(match[0]);
    if (isPhoneLike(value)) phones.push(phone(match.index, match.index + value.length, value));
    else if (digitsOf(value).length > 15) phones.push(...phonesBetweenYears(value, match.index));
  }
  for (const match of text.matchAll(LOCAL_PHONE))
    phones.push(phone(match.index, match.index + match[0].length, match[0]));
  for (const match of text.matchAll(LABELLED_PHONE)) {
    const number = match[1] ?? "";
    const start = match.index + match[0].length - number.length;
    const digits = digitsOf(number).length;
    if (digits > 15) phones.push(...phonesBetweenYears(number, start));
    else if (digits >= 6) phones.push(phone(start, start + number.length, number));
  }
  return phones;
}

const phone = (start: number, end: number, value: string): Found => ({
  kind: "PHONE",
  start,
  end,
  identity: digitsOf(value),
});

/**
 * A run too long for one number, such as "+44 20 7946 0958 2015-2019": the years split it, and every piece
 * long enough to be a phone number is masked, however long (over-masking digits costs the reading nothing).
 */
function phonesBetweenYears(run: string, offset: number): Found[] {
  const found: Found[] = [];
  let pieceStart = -1;
  let pieceEnd = -1;
  const flush = () => {
    const piece = run.slice(pieceStart, pieceEnd);
    const digits = digitsOf(piece).length;
    if (pieceStart >= 0 && digits >= (/^\s*(?:\+|00)/.test(piece) ? 8 : 9) && /\d{2}/.test(piece)) {
      found.push(phone(offset + pieceStart, offset + pieceEnd, piece));
    }
    pieceStart = -1;
  };
  for (const group of run.matchAll(/\d+/g)) {
    if (YEAR.test(group[0])) {
      flush();
      continue;
    }
    if (pieceStart < 0) pieceStart = found.length === 0 && group.index === firstDigit(run) ? 0 : group.index;
    pieceEnd = group.index + group[0].length;
  }
  flush();
  return found;
}

const firstDigit = (value: string) => value.search(/\d/);

function trimTrailingSeparators(value: string): string {
  let end = value.length;
  while (end > 0 && /[\s.\-/(]/.test(value[end - 1] ?? "")) end--;
  return value.slice(0, end);
}

/**
 * Nine to fifteen digits, or eight after "+" or "00". Dates ("2019-03-15") have fewer; runs of years
 * ("2015 2016 2017") or of single digits are not phone numbers.
 */
function isPhoneLike(value: string): boolean {
  const digits = digitsOf(value).length;
  const international = /^\s*(?:\+|00)/.test(value);
  if (digits > 15 || digits < (international ? 8 : 9)) return false;
  const groups = value.match(/\d+/g) ?? [];
  const onlyYears = groups.every((group) => YEAR.test(group));
  const onlySingleDigits = groups.every((group) => group.length === 1);
  return international || !(onlyYears || onlySingleDigits);
}

function findAddresses(text: string): Found[] {
  const identity = (value: string) => value.toLowerCase().replace(/\s+/g, " ");
  return [
    ...matches(text, ENGLISH_ADDRESS, "ADDRESS", identity),
    ...matches(text, CONTINENTAL_ADDRESS, "ADDRESS", identity),
    ...matches(text, FRENCH_ADDRESS, "ADDRESS", identity),
    ...matches(text, PO_BOX, "ADDRESS", identity),
    ...matches(text, STATE_AND_ZIP, "ADDRESS", identity),
    ...matches(text, POSTCODE_ALONE, "ADDRESS", identity),
  ];
}

/**
 * Names found by context (an honorific, a "Name:" label, the opening of the text), then every other
 * mention of their words: "Jane Doe" also masks a later "Jane" or "Doe's", with the same placeholder.
 */
function findNames(text: string): Found[] {
  const names: { start: number; value: string }[] = [];
  const opening = OPENING_NAME.exec(text.slice(firstLineStart(text)));
  const contexts = [...text.matchAll(HONORIFIC_NAME), ...text.matchAll(LABELLED_NAME)];
  for (const match of contexts) {
    const [start] = match.indices?.[1] ?? [match.index];
    names.push({ start, value: match[1] ?? "" });
  }
  if (opening?.[1]) {
    const [start] = opening.indices?.[1] ?? [0];
    names.push({ start: firstLineStart(text) + start, value: opening[1] });
  }
  const found: Found[] = [];
  const identityOfWord = new Map<string, string>();
  for (const name of names) {
    const words = name.value.split(/[ \t]+/);
    if (words.some((word) => NOT_NAME_WORDS.has(word.toLowerCase()))) continue;
    const identity = name.value.toLowerCase().replace(/[ \t]+/g, " ");
    found.push({ kind: "NAME", start: name.start, end: name.start + name.value.length, identity });
    for (const word of words) {
      if (word.length > 2 && !identityOfWord.has(word)) identityOfWord.set(word, identity);
    }
  }
  for (const [word, identity] of identityOfWord) {
    const mention = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "gu");
    for (const match of text.matchAll(mention)) {
      found.push({ kind: "NAME", start: match.index, end: match.index + word.length, identity });
    }
  }
  return found;
}

function firstLineStart(text: string): number {
  const match = /\S/.exec(text);
  return match ? text.lastIndexOf("\n", match.index) + 1 : 0;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Of overlapping pieces the one that starts first wins, and of those starting together the longest. */
function keepFirstOfOverlapping(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  let reached = 0;
  for (const piece of sorted) {
    if (piece.end <= piece.start || piece.start < reached) continue;
    kept.push(piece);
    reached = piece.end;
  }
  return kept;
}

function applyMasks(original: string, pieces: Found[]): MaskedText {
  const numbers = new Map<string, number>();
  const counters: Record<PiiKind, number> = { EMAIL: 0, PHONE: 0, ADDRESS: 0, NAME: 0 };
  const spans: MaskedSpan[] = [];
  const parts: string[] = [];
  let position = 0;
  let maskedLength = 0;
  for (const piece of pieces) {
    const key = `${piece.kind}:${piece.identity}`;
    let number = numbers.get(key);
    if (number === undefined) {
      counters[piece.kind] += 1;
      number = counters[piece.kind];
      numbers.set(key, number);
    }
    const placeholder = `[${piece.kind}_${number}]`;
    const before = original.slice(position, piece.start);
    parts.push(before, placeholder);
    const maskedStart = maskedLength + before.length;
    maskedLength = maskedStart + placeholder.length;
    spans.push({
      kind: piece.kind,
      placeholder,
      start: piece.start,
      end: piece.end,
      maskedStart,
      maskedEnd: maskedLength,
    });
    position = piece.end;
  }
  parts.push(original.slice(position));
  return { text: parts.join(""), spans };
}

/**
 * The first `maxChars` characters of the masked text or fewer: never half a placeholder, and at a
 * space when one is near, so no word is cut in two.
 */
export function cutMasked(masked: MaskedText, maxChars: number): string {
  if (masked.text.length <= maxChars) return masked.text;
  let end = maxChars;
  const inside = masked.spans.find((span) => span.maskedStart < end && end < span.maskedEnd);
  if (inside) end = inside.maskedStart;
  const space = masked.text.slice(Math.max(0, end - 100), end + 1).search(/\s\S*$/);
  if (space >= 0) end = Math.max(0, end - 100) + space;
  return masked.text.slice(0, end);
}
