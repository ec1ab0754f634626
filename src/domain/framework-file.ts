/**
 * The framework file companies use to bring their own competency library (docs/framework-format.md):
 * a parsed JSON or YAML value checked against the format and mapped to a FrameworkDefinition.
 *
 * Hand-written rather than a zod schema because the messages are the product: each names the path and
 * the value found, unknown fields are reported one path each, and the cross-references (profiles naming
 * undefined competencies, duplicates) must be reported together with every structural problem, where
 * zod skips refinements once the shape has failed.
 */
import type {
  CompetencyDefinition,
  CompetencyKind,
  FrameworkDefinition,
  Indicators,
  ProfileDefinition,
  ProfileRequirement,
} from "./library.js";

/** One thing wrong with a framework document; `path` is where, like `profiles[3].competencies[1].level`. */
export type Problem = { path: string; message: string };

export type FrameworkValidation =
  | { ok: true; framework: FrameworkDefinition }
  | { ok: false; problems: Problem[] };

export const FRAMEWORK_LIMITS = {
  frameworkNameLength: 64,
  /** Competency names, profile titles, alternate titles, categories and families. */
  nameLength: 200,
  codeLength: 50,
  definitionLength: 5_000,
  descriptionLength: 5_000,
  indicatorLength: 2_000,
  competencies: 2_000,
  profiles: 2_000,
  competenciesPerProfile: 200,
  alternateTitlesPerProfile: 50,
} as const;

/** The O*NET starter library is imported under this name; a company framework must not replace it. */
export const RESERVED_FRAMEWORK_NAME = "onet";

const FRAMEWORK_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INDICATOR_LEVELS = ["1", "2", "3", "4", "5"] as const;

const DOCUMENT_FIELDS = ["framework", "description", "competencies", "profiles"] as const;
const COMPETENCY_FIELDS = ["name", "kind", "category", "definition", "indicators"] as const;
const PROFILE_FIELDS = ["title", "family", "code", "description", "alternateTitles", "competencies"] as const;
const REQUIREMENT_FIELDS = ["name", "level", "importance", "essential"] as const;

type Fields = Record<string, unknown>;

/** "path: message", or the message alone for a problem with the whole document or file. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export function validateFrameworkDocument(value: unknown): FrameworkValidation {
  const problems: Problem[] = [];
  const document = readObject(value, "", DOCUMENT_FIELDS, "a framework object", problems);
  if (!document) return { ok: false, problems };

  const name = readFrameworkName(document, problems);
  const description = readOptionalText(
    document,
    "description",
    "",
    FRAMEWORK_LIMITS.descriptionLength,
    problems,
  );
  const competencies = readCompetencies(document, problems);
  const profiles = readProfiles(document, competencies?.names, problems);

  if (problems.length > 0 || name === undefined || description === INVALID || !competencies || !profiles) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    framework: {
      name,
      description: description ?? "",
      source: "",
      competencies: competencies.valid,
      profiles,
    },
  };
}

function readFrameworkName(document: Fields, problems: Problem[]): string | undefined {
  const name = readRequiredText(document, "framework", "", FRAMEWORK_LIMITS.frameworkNameLength, problems);
  if (name === undefined) return undefined;
  if (!FRAMEWORK_NAME.test(name)) {
    problems.push({
      path: "framework",
      message: `${show(name)} is not a valid framework name: use lowercase letters, digits and dashes, like "acme-2026"`,
    });
    return undefined;
  }
  if (name === RESERVED_FRAMEWORK_NAME) {
    problems.push({
      path: "framework",
      message: `"${RESERVED_FRAMEWORK_NAME}" is reserved for the O*NET starter library; choose another name`,
    });
    return undefined;
  }
  return name;
}

/**
 * Every competency name defined (keyed for comparison, so profiles can refer to a competency whose other
 * fields are wrong without a second, misleading "not defined" problem) and the competencies that are valid.
 * Undefined when the list itself is unusable.
 */
function readCompetencies(
  document: Fields,
  problems: Problem[],
): { names: Map<string, string>; valid: CompetencyDefinition[] } | undefined {
  const items = readList(
    document,
    "competencies",
    "",
    "competencies",
    FRAMEWORK_LIMITS.competencies,
    problems,
  );
  if (!items) return undefined;
  const names = new Map<string, string>();
  const firstIndex = new Map<string, number>();
  const valid: CompetencyDefinition[] = [];
  items.forEach((item, index) => {
    const path = `competencies[${index}]`;
    const fields = readObject(item, path, COMPETENCY_FIELDS, "a competency object", problems);
    if (!fields) return;
    const name = readRequiredText(fields, "name", path, FRAMEWORK_LIMITS.nameLength, problems);
    const competency = readCompetency(fields, path, name, problems);
    if (name === undefined) return;
    const key = comparisonKey(name);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      problems.push({
        path: `${path}.name`,
        message: `${show(name)} is already defined at competencies[${earlier}]`,
      });
      return;
    }
    firstIndex.set(key, index);
    names.set(key, name);
    if (competency) valid.push(competency);
  });
  return { names, valid };
}

function readCompetency(
  fields: Fields,
  path: string,
  name: string | undefined,
  problems: Problem[],
): CompetencyDefinition | undefined {
  const kind = readKind(fields, path, problems);
  const category = readOptionalText(fields, "category", path, FRAMEWORK_LIMITS.nameLength, problems);
  const definition = readRequiredText(
    fields,
    "definition",
    path,
    FRAMEWORK_LIMITS.definitionLength,
    problems,
  );
  const indicators = readIndicators(fields, path, problems);
  if (name === undefined || !kind || category === INVALID || definition === undefined || !indicators) {
    return undefined;
  }
  return { name, kind, category: category ?? "", definition, indicators, keywords: [] };
}

function readKind(fields: Fields, path: string, problems: Problem[]): CompetencyKind | undefined {
  const value = own(fields, "kind");
  if (value === undefined) {
    problems.push({ path: child(path, "kind"), message: "required field is missing" });
    return undefined;
  }
  const kind = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  if (kind === "general") return "GENERAL";
  if (kind === "technical") return "TECHNICAL";
  problems.push({ path: child(path, "kind"), message: `${show(value)} is not general or technical` });
  return undefined;
}

function readIndicators(fields: Fields, path: string, problems: Problem[]): Indicators | undefined {
  const value = own(fields, "indicators");
  if (value === undefined || value === null) return {};
  const indicatorsPath = child(path, "indicators");
  if (!isObject(value)) {
    problems.push({
      path: indicatorsPath,
      message: `${show(value)} is not an object of indicators keyed by level "1" to "5"`,
    });
    return undefined;
  }
  const indicators: Indicators = {};
  let valid = true;
  for (const key of Object.keys(value)) {
    const level = INDICATOR_LEVELS.find((candidate) => candidate === key.trim());
    if (!level) {
      problems.push({
        path: child(indicatorsPath, key),
        message: `${show(key)} is not a level; use "1" to "5"`,
      });
      valid = false;
      continue;
    }
    const text = readOptionalText(value, key, indicatorsPath, FRAMEWORK_LIMITS.indicatorLength, problems);
    if (text === INVALID) valid = false;
    else if (text !== undefined) indicators[level] = text;
  }
  return valid ? indicators : undefined;
}

function readProfiles(
  document: Fields,
  competencyNames: Map<string, string> | undefined,
  problems: Problem[],
): ProfileDefinition[] | undefined {
  const items = readList(document, "profiles", "", "profiles", FRAMEWORK_LIMITS.profiles, problems);
  if (!items) return undefined;
  const profiles: ProfileDefinition[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const path = `profiles[${index}]`;
    const fields = readObject(item, path, PROFILE_FIELDS, "a profile object", problems);
    if (!fields) return;
    const title = readRequiredText(fields, "title", path, FRAMEWORK_LIMITS.nameLength, problems);
    const profile = readProfile(fields, path, title, competencyNames, problems);
    if (title === undefined) return;
    const key = comparisonKey(title);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      problems.push({
        path: `${path}.title`,
        message: `${show(title)} is already used by profiles[${earlier}]`,
      });
      return;
    }
    firstIndex.set(key, index);
    if (profile) profiles.push(profile);
  });
  return profiles;
}

function readProfile(
  fields: Fields,
  path: string,
  title: string | undefined,
  competencyNames: Map<string, string> | undefined,
  problems: Problem[],
): ProfileDefinition | undefined {
  const family = readOptionalText(fields, "family", path, FRAMEWORK_LIMITS.nameLength, problems);
  const code = readOptionalText(fields, "code", path, FRAMEWORK_LIMITS.codeLength, problems);
  const description = readOptionalText(
    fields,
    "description",
    path,
    FRAMEWORK_LIMITS.descriptionLength,
    problems,
  );
  const alternateTitles = readAlternateTitles(fields, path, problems);
  const requirements = readRequirements(fields, path, competencyNames, problems);
  if (
    title === undefined ||
    family === INVALID ||
    code === INVALID ||
    description === INVALID ||
    !alternateTitles ||
    !requirements
  ) {
    return undefined;
  }
  return {
    title,
    family: family ?? "",
    ...(code === undefined ? {} : { code }),
    description: description ?? "",
    alternateTitles,
    tasks: [],
    competencies: requirements,
  };
}

/** Alternate titles are a lookup aid: a title repeated (in any case) is kept once. */
function readAlternateTitles(fields: Fields, path: string, problems: Problem[]): string[] | undefined {
  const value = own(fields, "alternateTitles");
  if (value === undefined || value === null) return [];
  const listPath = child(path, "alternateTitles");
  if (!Array.isArray(value)) {
    problems.push({ path: listPath, message: `${show(value)} is not a list of titles` });
    return undefined;
  }
  const limit = FRAMEWORK_LIMITS.alternateTitlesPerProfile;
  if (value.length > limit) {
    problems.push({
      path: listPath,
      message: `has ${count(value.length)} alternate titles; the limit is ${count(limit)}`,
    });
    return undefined;
  }
  const titles = new Map<string, string>();
  let valid = true;
  value.forEach((item, index) => {
    const title = checkText(item, `${listPath}[${index}]`, FRAMEWORK_LIMITS.nameLength, problems);
    if (title === undefined) valid = false;
    else if (!titles.has(comparisonKey(title))) titles.set(comparisonKey(title), title);
  });
  return valid ? [...titles.values()] : undefined;
}

function readRequirements(
  fields: Fields,
  path: string,
  competencyNames: Map<string, string> | undefined,
  problems: Problem[],
): ProfileRequirement[] | undefined {
  const limit = FRAMEWORK_LIMITS.competenciesPerProfile;
  const items = readList(fields, "competencies", path, "competencies", limit, problems);
  if (!items) return undefined;
  const requirements: ProfileRequirement[] = [];
  const firstIndex = new Map<string, number>();
  let valid = true;
  items.forEach((item, index) => {
    const itemPath = `${path}.competencies[${index}]`;
    const requirementFields = readObject(item, itemPath, REQUIREMENT_FIELDS, REQUIREMENT_SHAPE, problems);
    if (!requirementFields) {
      valid = false;
      return;
    }
    const name = readRequiredText(requirementFields, "name", itemPath, FRAMEWORK_LIMITS.nameLength, problems);
    const requirement = readRequirement(requirementFields, itemPath, name, competencyNames, problems);
    if (name === undefined) {
      valid = false;
      return;
    }
    const key = comparisonKey(name);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      problems.push({
        path: `${itemPath}.name`,
        message: `${show(name)} is already listed at ${path}.competencies[${earlier}]`,
      });
      valid = false;
      return;
    }
    firstIndex.set(key, index);
    if (requirement) requirements.push(requirement);
    else valid = false;
  });
  return valid ? requirements : undefined;
}

const REQUIREMENT_SHAPE = "a required competency { name, level, importance }";

/** A profile names its competencies regardless of case and spacing; the defined spelling is kept. */
function readRequirement(
  fields: Fields,
  path: string,
  name: string | undefined,
  competencyNames: Map<string, string> | undefined,
  problems: Problem[],
): ProfileRequirement | undefined {
  // When the competencies list itself is unusable its own problem is reported; calling every reference
  // undefined on top of it would only bury that one problem.
  const defined =
    name === undefined || !competencyNames ? undefined : competencyNames.get(comparisonKey(name));
  if (name !== undefined && competencyNames && defined === undefined) {
    problems.push({ path: child(path, "name"), message: `${show(name)} is not defined in competencies` });
  }
  const level = readScale(fields, "level", path, problems);
  const importance = readScale(fields, "importance", path, problems);
  const essential = readEssential(fields, path, problems);
  if (defined === undefined || level === undefined || importance === undefined || essential === undefined) {
    return undefined;
  }
  return { competency: defined, level, importance, essential, examples: [] };
}

function readScale(fields: Fields, key: string, path: string, problems: Problem[]): number | undefined {
  const value = own(fields, key);
  const at = child(path, key);
  if (value === undefined) {
    problems.push({ path: at, message: "required field is missing" });
    return undefined;
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5) return value;
  const expected = typeof value === "number" && Number.isInteger(value) ? "in 1–5" : "a whole number in 1–5";
  problems.push({ path: at, message: `${show(value)} is not ${expected}` });
  return undefined;
}

function readEssential(fields: Fields, path: string, problems: Problem[]): boolean | undefined {
  const value = own(fields, "essential");
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  problems.push({ path: child(path, "essential"), message: `${show(value)} is not true or false` });
  return undefined;
}

function readObject(
  value: unknown,
  path: string,
  allowed: readonly string[],
  expected: string,
  problems: Problem[],
): Fields | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: `${show(value)} is not ${expected}` });
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      problems.push({ path: child(path, key), message: unknownField(key, allowed) });
  }
  return value;
}

function unknownField(key: string, allowed: readonly string[]): string {
  const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const meant = allowed.find((name) => loose(name) === loose(key) || `${loose(name)}s` === loose(key));
  return meant ? `unknown field (did you mean "${meant}"?)` : "unknown field";
}

/** A required, non-empty list of at most `limit` items; undefined (with a problem) otherwise. */
function readList(
  fields: Fields,
  key: string,
  path: string,
  noun: string,
  limit: number,
  problems: Problem[],
): unknown[] | undefined {
  const value = own(fields, key);
  const at = child(path, key);
  if (value === undefined) {
    problems.push({ path: at, message: "required field is missing" });
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.push({ path: at, message: `${show(value)} is not a list of ${noun}` });
    return undefined;
  }
  if (value.length === 0) {
    problems.push({ path: at, message: `is empty; list at least one of the ${noun}` });
    return undefined;
  }
  if (value.length > limit) {
    problems.push({ path: at, message: `has ${count(value.length)} ${noun}; the limit is ${count(limit)}` });
    return undefined;
  }
  return value;
}

/** Returned for an optional text field that is present but wrong, to tell it apart from an absent one. */
const INVALID = Symbol("invalid");

function readRequiredText(
  fields: Fields,
  key: string,
  path: string,
  maxLength: number,
  problems: Problem[],
): string | undefined {
  const value = own(fields, key);
  if (value === undefined) {
    problems.push({ path: child(path, key), message: "required field is missing" });
    return undefined;
  }
  return checkText(value, child(path, key), maxLength, problems);
}

/** Absent, null and blank all mean "not given": spreadsheet exports write empty cells for optional columns. */
function readOptionalText(
  fields: Fields,
  key: string,
  path: string,
  maxLength: number,
  problems: Problem[],
): string | undefined | typeof INVALID {
  const value = own(fields, key);
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))
    return undefined;
  return checkText(value, child(path, key), maxLength, problems) ?? INVALID;
}

function checkText(value: unknown, path: string, maxLength: number, problems: Problem[]): string | undefined {
  if (typeof value !== "string") {
    problems.push({ path, message: `${show(value)} is not text` });
    return undefined;
  }
  const text = value.trim();
  if (text === "") {
    problems.push({ path, message: "must not be empty" });
    return undefined;
  }
  if (text.length > maxLength) {
    problems.push({
      path,
      message: `is ${count(text.length)} characters long; the limit is ${count(maxLength)}`,
    });
    return undefined;
  }
  return text;
}

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

function child(path: string, key: string): string {
  const segment = /^[\w$]+$/.test(key) ? key : JSON.stringify(key);
  if (!path) return segment;
  return segment.startsWith('"') ? `${path}[${segment}]` : `${path}.${segment}`;
}

/** Names and titles match regardless of case and spacing: "media  relations" is "Media Relations". */
function comparisonKey(name: string): string {
  return name.replace(/\s+/g, " ").toLowerCase();
}

/** The value found, short enough for a message. */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}
