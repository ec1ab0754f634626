/**
 * What the words around a piece of evidence say about it: negated or only being learned (not evidence
 * of proficiency), qualified ("basic", "expert"), and the years, seniority and scope cues that raise the
 * level it shows ("8 years", "senior", "led a team of 12"); and whether a job title the summary names is
 * the candidate's own job now ("former teacher", "Recruiter note").
 */

import type { Reading } from "./reading.js";
import type { Token } from "./text.js";

const NEGATORS = new Set([
  "no",
  "not",
  "never",
  "without",
  "lack",
  "lacks",
  "lacking",
  "none",
  "nor",
  "neither",
  "dont",
  "doesnt",
  "didnt",
  "havent",
  "hasnt",
  "hadnt",
  "cannot",
  "cant",
  "wasnt",
  "werent",
  "isnt",
  "arent",
  "unfamiliar",
  "zero",
]);

/** Words that end a negation's reach: "no SAP experience, but strong in Oracle". */
const SCOPE_BREAKERS = new Set([
  "but",
  "however",
  "although",
  "though",
  "yet",
  "while",
  "whereas",
  "except",
  "instead",
]);

const LEARNING_WORDS = new Set([
  "learning",
  "learn",
  "studying",
  "aspiring",
  "beginner",
  "novice",
  "enrolled",
  "enrolling",
  "pursuing",
]);

/** "machine learning", "e-learning", "learning outcomes": uses of the word that are not about the candidate. */
const LEARNING_AS_NOUN_BEFORE = new Set([
  "machine",
  "deep",
  "reinforcement",
  "supervised",
  "unsupervised",
  "transfer",
  "e",
  "online",
  "distance",
  "lifelong",
  "blended",
  "experiential",
  "organizational",
  "organisational",
  "continuous",
  "adult",
  "early",
  "student",
  "social",
  "emotional",
  "based",
  "project",
  "service",
  "cooperative",
  "collaborative",
  "active",
]);
const LEARNING_AS_NOUN_AFTER = new Set([
  "and",
  "management",
  "outcomes",
  "objectives",
  "disabilities",
  "difficulties",
  "disability",
  "environment",
  "environments",
  "culture",
  "platform",
  "platforms",
  "system",
  "systems",
  "styles",
  "needs",
  "experiences",
  "materials",
  "resources",
  "programs",
  "programmes",
  "plans",
  "goals",
  "support",
  "specialist",
  "designer",
  "design",
  "center",
  "centre",
  "curve",
  "engineer",
  "engineering",
  "models",
  "model",
  "algorithms",
  "pipelines",
  "techniques",
  "methods",
  "projects",
  "solutions",
  "activities",
  "modules",
  "content",
  "journey",
  "journeys",
  "path",
  "paths",
  "opportunities",
  "community",
  "partner",
  "lead",
  "team",
]);

const BASIC_QUALIFIERS = new Set([
  "basic",
  "basics",
  "familiar",
  "familiarity",
  "exposure",
  "exposed",
  "introductory",
  "elementary",
  "fundamentals",
  "coursework",
  "course",
  "courses",
  "class",
  "classes",
  "academic",
]);
const LIMITED_QUALIFIERS = new Set(["limited", "minimal", "little", "slight"]);
const STRONG_QUALIFIERS = new Set([
  "proficient",
  "proficiency",
  "strong",
  "solid",
  "skilled",
  "accomplished",
  "seasoned",
  "specialist",
  "specialised",
  "specialized",
  "hands",
  "deep",
  "thorough",
  "comprehensive",
]);
const EXPERT_QUALIFIERS = new Set(["expert", "expertise", "advanced", "extensive", "mastery", "authority"]);

const SENIORITY_WORDS = new Set([
  "senior",
  "sr",
  "lead",
  "led",
  "leading",
  "principal",
  "head",
  "chief",
  "director",
  "directed",
  "vp",
  "manager",
  "managed",
  "supervisor",
  "supervised",
  "superintendent",
  "architect",
  "architected",
  "owner",
  "owned",
  "founded",
  "established",
  "spearheaded",
  "oversaw",
  "overseeing",
  "mentored",
  "mentoring",
  "coached",
  "trained",
  "headed",
  "heading",
  "championed",
  "pioneered",
]);

const SCOPE_WORDS = new Set([
  "company",
  "enterprise",
  "organization",
  "organisation",
  "global",
  "globally",
  "national",
  "nationwide",
  "international",
  "regional",
  "multi",
  "million",
  "millions",
  "billion",
  "portfolio",
  "department",
  "division",
  "strategy",
  "strategic",
]);

const TEAM_WORDS = new Set([
  "team",
  "teams",
  "staff",
  "people",
  "engineers",
  "reports",
  "employees",
  "nurses",
  "cooks",
  "designers",
  "developers",
  "analysts",
  "accountants",
  "auditors",
  "recruiters",
  "agents",
  "representatives",
  "reps",
  "electricians",
  "apprentices",
  "teachers",
  "members",
  "associates",
  "consultants",
  "specialists",
  "technicians",
  "chefs",
  "students",
]);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

const YEAR_WORDS = new Set(["year", "years", "yr", "yrs"]);
const AGE_WORDS = new Set(["old", "age", "aged", "young"]);

/** Irregular past tenses that mark a sentence as an accomplishment. */
const IRREGULAR_ACTIONS = new Set([
  "led",
  "built",
  "ran",
  "taught",
  "won",
  "grew",
  "drove",
  "made",
  "wrote",
  "oversaw",
  "sold",
  "brought",
  "began",
  "cut",
  "set",
  "held",
  "kept",
  "met",
  "took",
  "gave",
  "found",
  "rebuilt",
  "undertook",
  "spearheaded",
]);

function numberValue(norm: string): number | undefined {
  if (/^\d{1,2}$/.test(norm)) return Number(norm);
  return NUMBER_WORDS[norm];
}

export type ContextReading = {
  negated: boolean;
  learning: boolean;
  /** Caps the level: "basic"/"familiar" at 2, "limited" at 1. */
  cap?: number;
  /** Raises the level: "strong" +1, "expert" to at least 4. */
  strong: boolean;
  expert: boolean;
};

function isLearningCue(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token || !LEARNING_WORDS.has(token.norm)) return false;
  if (token.norm !== "learning") return true;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (before && before.clause === token.clause && LEARNING_AS_NOUN_BEFORE.has(before.norm)) return false;
  if (after && after.clause === token.clause && LEARNING_AS_NOUN_AFTER.has(after.norm)) return false;
  return true;
}

/**
 * Reads the context of a mention spanning tokens `first`..`last`: negators and learning cues before it
 * in its clause (up to 8 tokens, stopping at "but", "however"…), or right after it ("SAP: none",
 * "Python (learning)"), and qualifiers within its clause.
 */
export function readContext(reading: Reading, first: number, last: number): ContextReading {
  const { tokens } = reading;
  const anchor = tokens[first];
  const result: ContextReading = { negated: false, learning: false, strong: false, expert: false };
  if (!anchor) return result;
  for (let index = first - 1; index >= 0 && index >= first - 8; index--) {
    const token = tokens[index];
    if (!token || token.clause !== anchor.clause || SCOPE_BREAKERS.has(token.norm)) break;
    if (NEGATORS.has(token.norm)) result.negated = true;
    if (isLearningCue(tokens, index)) result.learning = true;
    applyQualifier(result, token.norm);
  }
  const end = tokens[last];
  for (let index = last + 1; index < tokens.length && index <= last + 2; index++) {
    const token = tokens[index];
    if (!token || !end || token.sentence !== end.sentence) break;
    if (token.norm === "none" || token.norm === "no") result.negated = true;
    if (isLearningCue(tokens, index)) result.learning = true;
    applyQualifier(result, token.norm);
  }
  return result;
}

function applyQualifier(result: ContextReading, norm: string): void {
  if (LIMITED_QUALIFIERS.has(norm)) result.cap = Math.min(result.cap ?? 5, 1);
  else if (BASIC_QUALIFIERS.has(norm)) result.cap = Math.min(result.cap ?? 5, 2);
  if (STRONG_QUALIFIERS.has(norm)) result.strong = true;
  if (EXPERT_QUALIFIERS.has(norm)) result.expert = true;
}

export type SentenceCues = {
  /** Largest "N years" of experience stated in the sentence (not an age). */
  years: number;
  /** A seniority or leadership word: "senior", "led", "head of". */
  seniority: boolean;
  /** Breadth of responsibility: a team of 5 or more, "company-wide", "$2 million", "global". */
  scope: boolean;
  /** Written as a sentence about work done (a past-tense verb, or several function words) rather than a list. */
  action: boolean;
};

const FUNCTION_WORDS = new Set([
  "the",
  "a",
  "an",
  "to",
  "for",
  "of",
  "with",
  "in",
  "on",
  "by",
  "from",
  "and",
  "i",
  "we",
  "our",
  "my",
]);

/** Years, seniority, scope and action cues of each sentence, indexed by sentence number. */
export function readSentences(reading: Reading): Map<number, SentenceCues> {
  const cues = new Map<number, SentenceCues>();
  const functionWords = new Map<number, number>();
  const lengths = new Map<number, number>();
  const { tokens } = reading;
  tokens.forEach((token, index) => {
    lengths.set(token.sentence, (lengths.get(token.sentence) ?? 0) + 1);
    if (FUNCTION_WORDS.has(token.norm))
      functionWords.set(token.sentence, (functionWords.get(token.sentence) ?? 0) + 1);
    let sentence = cues.get(token.sentence);
    if (!sentence) {
      sentence = { years: 0, seniority: false, scope: false, action: false };
      cues.set(token.sentence, sentence);
    }
    const years = yearsAt(tokens, index);
    if (years > sentence.years) sentence.years = years;
    if (SENIORITY_WORDS.has(token.norm)) sentence.seniority = true;
    if (SCOPE_WORDS.has(token.norm) || teamSizeAt(tokens, index) >= 5) sentence.scope = true;
    if (IRREGULAR_ACTIONS.has(token.norm) || (token.norm.length > 4 && token.norm.endsWith("ed"))) {
      sentence.action = true;
    }
  });
  for (const [sentence, cue] of cues) {
    if ((lengths.get(sentence) ?? 0) < 5) cue.action = false;
    else if ((functionWords.get(sentence) ?? 0) >= 2) cue.action = true;
  }
  return cues;
}

/** "8 years", "8+ yrs", "eight years of", "18 months" at token `index` (the number), never "29 years old". */
function yearsAt(tokens: readonly Token[], index: number): number {
  const token = tokens[index];
  if (!token) return 0;
  const value = numberValue(token.norm);
  if (value === undefined) return 0;
  const previous = tokens[index - 1];
  if (previous && AGE_WORDS.has(previous.norm)) return 0;
  const unit = tokens[index + 1];
  if (!unit || unit.sentence !== token.sentence) return 0;
  const following = tokens[index + 2];
  if (following && AGE_WORDS.has(following.norm)) return 0;
  if (YEAR_WORDS.has(unit.norm)) return Math.min(value, 40);
  if (unit.norm === "months" || unit.norm === "month") return Math.min(value / 12, 40);
  if (unit.norm === "decade" || unit.norm === "decades") return Math.min(value * 10, 40);
  return 0;
}

/** "a team of 12", "12 engineers", "12 direct reports". */
function teamSizeAt(tokens: readonly Token[], index: number): number {
  const token = tokens[index];
  if (!token) return 0;
  const value = numberValue(token.norm) ?? (/^\d{1,4}$/.test(token.norm) ? Number(token.norm) : undefined);
  if (value === undefined) return 0;
  const next = tokens[index + 1];
  const afterNext = tokens[index + 2];
  const previous = tokens[index - 1];
  const beforePrevious = tokens[index - 2];
  if (next && TEAM_WORDS.has(next.norm)) return value;
  if (next?.norm === "direct" && afterNext?.norm === "reports") return value;
  if (previous?.norm === "of" && beforePrevious && TEAM_WORDS.has(beforePrevious.norm)) return value;
  return 0;
}

const OPENING_SENTENCES = 3;

/**
 * The sentences where a résumé introduces the candidate (its first three: name or title, headline,
 * summary). Counted in sentences, not words, so a longer name never moves the boundary.
 */
export function openingSentences(reading: Reading): Set<number> {
  const opening = new Set<number>();
  for (const token of reading.tokens) {
    if (opening.size === OPENING_SENTENCES && !opening.has(token.sentence)) break;
    opening.add(token.sentence);
  }
  return opening;
}

/** How the candidate describes their career as a whole in the opening: years stated, and seniority. */
export function careerCues(
  reading: Reading,
  sentences: Map<number, SentenceCues>,
): { years: number; senior: boolean } {
  const opening = [...openingSentences(reading)];
  return {
    years: Math.max(0, ...opening.map((sentence) => sentences.get(sentence)?.years ?? 0)),
    senior: opening.some((sentence) => sentences.get(sentence)?.seniority ?? false),
  };
}

/**
 * Words before a job title that make it a job the candidate no longer holds or does not hold yet: a
 * past one ("former", "ex-", "previously", "was", "used to be", "started as") or one wanted
 * ("applying for", "wants to become", "aspiring", "interviewed for"). They reach a few words back
 * ("previously worked as a nurse").
 */
const PAST_OR_WANTED_ROLE_CUES = new Set([
  "former",
  "formerly",
  "ex",
  "previously",
  "previous",
  "prior",
  "retired",
  "started",
  "began",
  "was",
  "were",
  "used",
  "wants",
  "want",
  "wanted",
  "wanting",
  "looking",
  "seeking",
  "applying",
  "applied",
  "aspiring",
  "aspire",
  "aspires",
  "hoping",
  "hopes",
  "interested",
  "become",
  "becoming",
  "goal",
  "target",
  "towards",
  "toward",
  "interviewed",
  "interviewing",
]);

/** Words that end that reach: what follows is the candidate's job now ("ex-nurse, now a data analyst"). */
const CURRENT_ROLE_CUES = new Set([
  "now",
  "currently",
  "today",
  "is",
  "are",
  "am",
  "im",
  "promoted",
  "turned",
]);

/**
 * Words right before a job title that make it someone else's, or one left: "referred by the Head of
 * Sales", "note from the talent partner", "moved from audit", "under the pharmacist's supervision".
 */
const OTHER_PERSON_ROLE_CUES = new Set(["by", "from", "under", "alongside"]);

/**
 * Words right after a job title that make it the writer's, or a vacancy: "Recruiter note", "hiring
 * manager feedback", "the Accountant vacancy", "project manager roles", "nurse turned developer".
 */
const NOT_OWN_ROLE_AFTER = new Set([
  "note",
  "notes",
  "feedback",
  "screen",
  "screening",
  "referral",
  "referred",
  "says",
  "said",
  "panel",
  "interview",
  "vacancy",
  "vacancies",
  "opening",
  "openings",
  "roles",
  "turned",
]);

const PAST_OR_WANTED_REACH = 4;
const OTHER_PERSON_REACH = 2;

/**
 * Whether a job title at tokens `first`..`last` names the candidate's own job now: not when the words
 * around it in its sentence make it a past or wanted job ("backend developer by background"), someone
 * else's or the vacancy, nor when they negate it ("not an accountant") or make it one being learned
 * ("studying to become a paralegal").
 */
export function namesOwnRole(reading: Reading, first: number, last: number): boolean {
  const { tokens } = reading;
  const sentence = tokens[first]?.sentence;
  const context = readContext(reading, first, last);
  if (context.negated || context.learning) return false;
  for (let index = first - 1; index >= first - PAST_OR_WANTED_REACH; index--) {
    const token = tokens[index];
    if (!token || token.sentence !== sentence || CURRENT_ROLE_CUES.has(token.norm)) break;
    if (PAST_OR_WANTED_ROLE_CUES.has(token.norm)) return false;
    if (first - index <= OTHER_PERSON_REACH && OTHER_PERSON_ROLE_CUES.has(token.norm)) return false;
  }
  const next = tokens[last + 1];
  if (next && next.sentence === tokens[last]?.sentence && NOT_OWN_ROLE_AFTER.has(next.norm)) return false;
  const afterNext = tokens[last + 2];
  return !(next?.norm === "by" && afterNext?.sentence === sentence && afterNext?.norm === "background");
}
