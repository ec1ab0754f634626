/**
 * Porter's (1980) suffix stripper, so "reconciled", "reconciling" and "reconciliations" meet.
 * A few words whose Porter stem would merge distinct occupations ("accountant" with a sales rep's
 * "accounts", "engineer" with a mechanic's "engine", "marketing" with a trader's "markets") keep their own.
 */

const STEM_OVERRIDES: Readonly<Record<string, string>> = {
  accountant: "accountant",
  accountants: "accountant",
  accountancy: "accounting",
  accounting: "accounting",
  marketing: "marketing",
  marketer: "marketing",
  marketers: "marketing",
  engineer: "engineer",
  engineers: "engineer",
  engineering: "engineer",
  engineered: "engineer",
  news: "news",
  present: "present",
  presentation: "presentation",
  presentations: "presentation",
  presenting: "presentation",
  community: "community",
  communities: "community",
  reconciliation: "reconcil",
  reconciliations: "reconcil",
  analysis: "analy",
  analyses: "analy",
  analyst: "analyst",
  analysts: "analyst",
  analytics: "analytics",
  analytical: "analy",
  analyze: "analy",
  analyse: "analy",
  analyzed: "analy",
  analysed: "analy",
  analyzing: "analy",
  analysing: "analy",
};

const CONSONANT = "[^aeiou]";
const VOWEL = "[aeiouy]";
const CONSONANT_SEQUENCE = `${CONSONANT}[^aeiouy]*`;
const VOWEL_SEQUENCE = `${VOWEL}[aeiou]*`;
const MEASURE_ABOVE_0 = new RegExp(`^(${CONSONANT_SEQUENCE})?${VOWEL_SEQUENCE}${CONSONANT_SEQUENCE}`);
const MEASURE_1 = new RegExp(
  `^(${CONSONANT_SEQUENCE})?${VOWEL_SEQUENCE}${CONSONANT_SEQUENCE}(${VOWEL_SEQUENCE})?$`,
);
const MEASURE_ABOVE_1 = new RegExp(
  `^(${CONSONANT_SEQUENCE})?${VOWEL_SEQUENCE}${CONSONANT_SEQUENCE}${VOWEL_SEQUENCE}${CONSONANT_SEQUENCE}`,
);
const HAS_VOWEL = new RegExp(`^(${CONSONANT_SEQUENCE})?${VOWEL}`);
const CVC_ENDING = new RegExp(`^${CONSONANT_SEQUENCE}${VOWEL}[^aeiouwxy]$`);
const DOUBLE_CONSONANT = /([^aeiouylsz])\1$/;

const STEP2: Readonly<Record<string, string>> = {
  ational: "ate",
  tional: "tion",
  enci: "ence",
  anci: "ance",
  izer: "ize",
  bli: "ble",
  alli: "al",
  entli: "ent",
  eli: "e",
  ousli: "ous",
  ization: "ize",
  ation: "ate",
  ator: "ate",
  alism: "al",
  iveness: "ive",
  fulness: "ful",
  ousness: "ous",
  aliti: "al",
  iviti: "ive",
  biliti: "ble",
  logi: "log",
};
const STEP2_SUFFIX =
  /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;

const STEP3: Readonly<Record<string, string>> = {
  icate: "ic",
  ative: "",
  alize: "al",
  iciti: "ic",
  ical: "ic",
  ful: "",
  ness: "",
};
const STEP3_SUFFIX = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4_SUFFIX = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const STEP4_ION = /^(.+?)(s|t)(ion)$/;

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The stem of one lower-case word; words that are not purely a-z (numbers, "c++") are returned as is. */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const override = STEM_OVERRIDES[word];
  if (override !== undefined) return override;
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  const american = americanSpelling(word);
  const result = STEM_OVERRIDES[american] ?? agentNoun(american) ?? porter(american);
  if (cache.size < CACHE_LIMIT) cache.set(word, result);
  return result;
}

/**
 * Nouns for people who do a job ("developer", "auditor", "assistant", "coordinator") lose only their
 * plural: Porter would merge them with the activity ("developed", "assisted"), and job titles are
 * the strongest signal a résumé gives.
 */
function agentNoun(word: string): string | undefined {
  const singular = word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
  if (singular.length < 6) return undefined;
  if (/(?:[^e]er|ator|itor|ctor|ant|ist|ician)$/.test(singular)) return singular;
  return undefined;
}

/** British spellings read as American ones, so "organisation" meets "organization". */
function americanSpelling(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, "iz$1")
    .replace(/our(s|ed|ing|al)?$/, "or$1")
    .replace(/tre(s)?$/, "ter$1")
    .replace(/mme(s)?$/, "m$1");
}

function porter(word: string): string {
  const startsWithY = word.startsWith("y");
  let w = startsWithY ? `Y${word.slice(1)}` : word;

  let match = /^(.+?)(ss|i)es$/.exec(w) ?? /^(.+?)([^s])s$/.exec(w);
  if (match) w = `${match[1]}${match[2]}`;

  match = /^(.+?)eed$/.exec(w);
  if (match) {
    if (MEASURE_ABOVE_0.test(match[1] ?? "")) w = w.slice(0, -1);
  } else {
    match = /^(.+?)(ed|ing)$/.exec(w);
    if (match && HAS_VOWEL.test(match[1] ?? "")) {
      w = match[1] ?? w;
      if (/(at|bl|iz)$/.test(w)) w = `${w}e`;
      else if (DOUBLE_CONSONANT.test(w)) w = w.slice(0, -1);
      else if (CVC_ENDING.test(w)) w = `${w}e`;
    }
  }

  match = /^(.+?)y$/.exec(w);
  if (match && HAS_VOWEL.test(match[1] ?? "")) w = `${match[1]}i`;

  match = STEP2_SUFFIX.exec(w);
  if (match && MEASURE_ABOVE_0.test(match[1] ?? "")) w = `${match[1]}${STEP2[match[2] ?? ""] ?? ""}`;

  match = STEP3_SUFFIX.exec(w);
  if (match && MEASURE_ABOVE_0.test(match[1] ?? "")) w = `${match[1]}${STEP3[match[2] ?? ""] ?? ""}`;

  match = STEP4_SUFFIX.exec(w);
  if (match) {
    if (MEASURE_ABOVE_1.test(match[1] ?? "")) w = match[1] ?? w;
  } else {
    match = STEP4_ION.exec(w);
    if (match) {
      const stemmed = `${match[1]}${match[2]}`;
      if (MEASURE_ABOVE_1.test(stemmed)) w = stemmed;
    }
  }

  match = /^(.+?)e$/.exec(w);
  if (match) {
    const stemmed = match[1] ?? "";
    if (MEASURE_ABOVE_1.test(stemmed) || (MEASURE_1.test(stemmed) && !CVC_ENDING.test(stemmed))) {
      w = stemmed;
    }
  }
  if (/ll$/.test(w) && MEASURE_ABOVE_1.test(w)) w = w.slice(0, -1);

  return startsWithY ? `y${w.slice(1)}` : w;
}
