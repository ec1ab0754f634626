/**
 * Maps a parsed O*NET release to the competency library's framework definition.
 * The rules and their reasons are in docs/decisions/002-onet-mapping.md.
 */
import type {
  CompetencyDefinition,
  CompetencyKind,
  FrameworkDefinition,
  Indicators,
  ProfileDefinition,
  ProfileRequirement,
} from "../../domain/library.js";
import type { OnetRating, OnetRelease, OnetTechnology } from "./read-onet-directory.js";

export const ONET_FRAMEWORK_NAME = "onet";

/** The attribution the CC BY 4.0 license asks for, wherever data derived from O*NET is shown. */
export function onetCredit(version: string): string {
  return (
    `This product includes information from the O*NET ${version} Database by the U.S. Department of Labor, ` +
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a " +
    "trademark of USDOL/ETA. competency-bot has modified all or some of this information. USDOL/ETA has not " +
    "approved, endorsed, or tested these modifications."
  );
}

/**
 * Ratings are selected per group: Work Styles on their own, because incumbents rate them much higher
 * (median importance 3.9 against 2.9 for skills) and would otherwise crowd the skills out of a profile
 * and make most of its essentials.
 */
const SELECTION_GROUPS = {
  workStyles: { kind: "GENERAL", minImportance: 3.5, max: 7, essentialImportance: 4.75 },
  generalSkills: { kind: "GENERAL", minImportance: 3, max: 15, essentialImportance: 4 },
  technical: { kind: "TECHNICAL", minImportance: 3, max: 15, essentialImportance: 4 },
} as const satisfies Record<
  string,
  { kind: CompetencyKind; minImportance: number; max: number; essentialImportance: number }
>;

type SelectionGroup = keyof typeof SELECTION_GROUPS;

export type ElementDomain = { prefix: string; category: string; group: SelectionGroup };

/** Which O*NET content-model elements become competencies, under which category and selection group. */
const ELEMENT_DOMAINS: readonly ElementDomain[] = [
  { prefix: "1.C.", category: "Work Styles", group: "workStyles" },
  { prefix: "2.A.", category: "Basic Skills", group: "generalSkills" },
  { prefix: "2.B.1.", category: "Social Skills", group: "generalSkills" },
  { prefix: "2.B.2.", category: "Complex Problem Solving Skills", group: "generalSkills" },
  { prefix: "2.B.3.", category: "Technical Skills", group: "technical" },
  { prefix: "2.B.4.", category: "Systems Skills", group: "generalSkills" },
  { prefix: "2.B.5.", category: "Resource Management Skills", group: "generalSkills" },
  { prefix: "2.C.", category: "Knowledge", group: "technical" },
];

const TECHNOLOGY_CATEGORY = "Technology";

/** SOC 2010 major groups, keyed by the first two digits of an O*NET-SOC code. */
const SOC_MAJOR_GROUPS: Readonly<Record<string, string>> = {
  "11": "Management",
  "13": "Business and Financial Operations",
  "15": "Computer and Mathematical",
  "17": "Architecture and Engineering",
  "19": "Life, Physical, and Social Science",
  "21": "Community and Social Service",
  "23": "Legal",
  "25": "Education, Training, and Library",
  "27": "Arts, Design, Entertainment, Sports, and Media",
  "29": "Healthcare Practitioners and Technical",
  "31": "Healthcare Support",
  "33": "Protective Service",
  "35": "Food Preparation and Serving Related",
  "37": "Building and Grounds Cleaning and Maintenance",
  "39": "Personal Care and Service",
  "41": "Sales and Related",
  "43": "Office and Administrative Support",
  "45": "Farming, Fishing, and Forestry",
  "47": "Construction and Extraction",
  "49": "Installation, Maintenance, and Repair",
  "51": "Production",
  "53": "Transportation and Material Moving",
  "55": "Military Specific",
};

const SELECTION = {
  /** When fewer pass their group's minimum, the next most important fill up to these floors... */
  minGeneral: 10,
  minTechnical: 8,
  /** ...but never with an importance below this. */
  floorImportance: 2.5,
  /** Essential: the most important requirements at or above their group's essential importance, at most this many. */
  maxEssential: 5,
  maxTechnologyClasses: 8,
  maxTasks: 20,
} as const;

/** Default requirement of a technology class, which O*NET does not rate. */
const TECHNOLOGY_REQUIREMENT = { level: 3, importance: 4, importanceWithoutHotTechnology: 3 } as const;

/** O*NET level (LV, 0–7) to proficiency 1–5, proportionally. */
export function levelFromOnetLevel(lv: number): number {
  return clamp(Math.round((lv * 5) / 7));
}

/**
 * Estimated proficiency where only importance exists: the least-squares line LV = 1.41 × IM − 1.27
 * fitted on the 33,845 skill ratings of O*NET 23.0 (correlation 0.97), then the LV mapping.
 */
export function levelFromImportance(im: number): number {
  return levelFromOnetLevel(1.41 * im - 1.27);
}

export function importanceFromOnet(im: number): number {
  return clamp(Math.round(im));
}

function clamp(value: number): number {
  return Math.min(5, Math.max(1, value));
}

export function onetToFramework(
  release: OnetRelease,
  options: { version?: string } = {},
): FrameworkDefinition {
  const version = options.version ?? "23.0";
  const names = new UniqueNames();
  const elements = elementCompetencies(release, names);
  const technology = technologyClasses(release.technologySkills, names);
  const ratings = ratingsByOccupation(release);
  const alternateTitles = groupBy(release.alternateTitles, (row) => row.code);
  const tasks = groupBy(release.tasks, (row) => row.code);

  const profiles: ProfileDefinition[] = [];
  for (const occupation of release.occupations) {
    const rated = ratings.get(occupation.code);
    if (!rated?.hasSkills) continue;
    const classes = technology.byOccupation.get(occupation.code) ?? [];
    profiles.push({
      title: occupation.title,
      family:
        SOC_MAJOR_GROUPS[occupation.code.slice(0, 2)] ?? `SOC major group ${occupation.code.slice(0, 2)}`,
      code: occupation.code,
      description: occupation.description,
      alternateTitles: uniqueTitles(
        occupation.title,
        (alternateTitles.get(occupation.code) ?? []).flatMap((row) => [row.title, row.shortTitle]),
      ),
      tasks: orderedTasks(tasks.get(occupation.code) ?? []),
      competencies: [
        ...elementRequirements(rated.elements, elements, classes.length),
        ...classes.map((usage) => technologyRequirement(usage, technology.competencies)),
      ],
    });
  }

  const used = new Set(profiles.flatMap((profile) => profile.competencies.map((r) => r.competency)));
  const competencies = [...elements.values(), ...technology.competencies.values()].filter((c) =>
    used.has(c.name),
  );
  return {
    name: ONET_FRAMEWORK_NAME,
    description:
      `O*NET ${version} occupations: the skills, knowledge, work styles and ` +
      "technology each occupation calls for, with alternate titles and tasks.",
    source: onetCredit(version),
    competencies,
    profiles,
  };
}

/**
 * Competency names must be unique within a framework, but O*NET reuses some (the skill and the knowledge
 * area "Mathematics"): a name already taken gets its category appended.
 */
class UniqueNames {
  private readonly taken = new Set<string>();

  claim(name: string, category: string): string {
    const unique = this.taken.has(name.toLowerCase()) ? `${name} (${category})` : name;
    this.taken.add(unique.toLowerCase());
    return unique;
  }
}

/** Competencies for the rated elements, keyed by element id. */
function elementCompetencies(release: OnetRelease, names: UniqueNames): Map<string, CompetencyDefinition> {
  const described = new Map(release.elements.map((element) => [element.id, element]));
  const rated = new Set(
    [...release.workStyles, ...release.skills, ...release.knowledge].map((rating) => rating.elementId),
  );
  const indicators = indicatorsByElement(release);
  const competencies = new Map<string, CompetencyDefinition>();
  for (const domain of ELEMENT_DOMAINS) {
    for (const id of [...rated].filter((id) => domainOf(id) === domain).sort(compareElementIds)) {
      const element = described.get(id);
      if (!element) {
        throw new Error(`O*NET element ${id} is rated but missing from Content Model Reference.txt.`);
      }
      competencies.set(id, {
        name: names.claim(element.name, domain.category),
        kind: SELECTION_GROUPS[domain.group].kind,
        category: domain.category,
        definition: element.description,
        indicators: indicators.get(id) ?? {},
        keywords: [],
        externalId: id,
      });
    }
  }
  return competencies;
}

function indicatorsByElement(release: OnetRelease): Map<string, Indicators> {
  const indicators = new Map<string, Indicators>();
  for (const anchor of release.levelAnchors) {
    if (anchor.scaleId !== "LV") continue;
    const level = String(levelFromOnetLevel(anchor.value)) as keyof Indicators;
    const forElement = indicators.get(anchor.elementId) ?? {};
    const existing = forElement[level];
    forElement[level] = existing ? `${existing}; ${anchor.description}` : anchor.description;
    indicators.set(anchor.elementId, forElement);
  }
  return indicators;
}

export function domainOf(elementId: string): ElementDomain | undefined {
  return ELEMENT_DOMAINS.find((domain) => elementId.startsWith(domain.prefix));
}

/** Orders "2.B.10.a" after "2.B.9.a": numeric parts as numbers. */
const compareElementIds = new Intl.Collator("en", { numeric: true }).compare;

type ElementRating = { elementId: string; im: number; lv: number | undefined };

function ratingsByOccupation(release: OnetRelease) {
  const byOccupation = new Map<string, { hasSkills: boolean; elements: Map<string, ElementRating> }>();
  const add = (rows: OnetRating[], fromSkills: boolean) => {
    for (const row of rows) {
      if (!domainOf(row.elementId)) continue;
      let occupation = byOccupation.get(row.code);
      if (!occupation) {
        occupation = { hasSkills: false, elements: new Map() };
        byOccupation.set(row.code, occupation);
      }
      occupation.hasSkills ||= fromSkills;
      const rating = occupation.elements.get(row.elementId) ?? {
        elementId: row.elementId,
        im: Number.NaN,
        lv: undefined,
      };
      if (row.scaleId === "IM") rating.im = row.value;
      if (row.scaleId === "LV") rating.lv = row.value;
      occupation.elements.set(row.elementId, rating);
    }
  };
  add(release.skills, true);
  add(release.knowledge, false);
  add(release.workStyles, false);
  return byOccupation;
}

/**
 * The elements that matter for an occupation: the most important of each selection group at or above its
 * minimum importance, capped; each kind filled up to its floor when too few pass.
 */
function elementRequirements(
  ratings: Map<string, ElementRating>,
  competencies: Map<string, CompetencyDefinition>,
  technologyClassCount: number,
): ProfileRequirement[] {
  const ranked = [...ratings.values()].filter((rating) => !Number.isNaN(rating.im)).sort(byImportance);
  const ofKind = (kind: CompetencyKind) => ranked.filter((rating) => kindOf(rating) === kind);
  const general = fillToFloor(
    [...best(ranked, "workStyles"), ...best(ranked, "generalSkills")],
    ofKind("GENERAL"),
    SELECTION.minGeneral,
  );
  const technical = fillToFloor(
    best(ranked, "technical"),
    ofKind("TECHNICAL"),
    SELECTION.minTechnical - technologyClassCount,
  );
  const selected = [...general, ...technical];
  const essential = new Set(
    selected
      .filter((rating) => rating.im >= essentialImportance(rating))
      .sort(byImportance)
      .slice(0, SELECTION.maxEssential),
  );
  return selected.map((rating) => {
    const competency = competencies.get(rating.elementId);
    if (!competency) throw new Error(`No competency for O*NET element ${rating.elementId}.`);
    return {
      competency: competency.name,
      level: rating.lv === undefined ? levelFromImportance(rating.im) : levelFromOnetLevel(rating.lv),
      importance: importanceFromOnet(rating.im),
      essential: essential.has(rating),
      examples: [],
    };
  });
}

function best(ranked: ElementRating[], group: SelectionGroup): ElementRating[] {
  const { minImportance, max } = SELECTION_GROUPS[group];
  return ranked
    .filter((rating) => domainOf(rating.elementId)?.group === group && rating.im >= minImportance)
    .slice(0, max);
}

function fillToFloor(chosen: ElementRating[], candidates: ElementRating[], floor: number): ElementRating[] {
  const taken = new Set(chosen);
  const filler = candidates
    .filter((rating) => !taken.has(rating) && rating.im >= SELECTION.floorImportance)
    .slice(0, Math.max(0, floor - chosen.length));
  return [...chosen, ...filler].sort(byImportance);
}

function byImportance(a: ElementRating, b: ElementRating): number {
  return b.im - a.im || compareElementIds(a.elementId, b.elementId);
}

function kindOf(rating: ElementRating): CompetencyKind | undefined {
  const domain = domainOf(rating.elementId);
  return domain && SELECTION_GROUPS[domain.group].kind;
}

function essentialImportance(rating: ElementRating): number {
  const domain = domainOf(rating.elementId);
  return domain ? SELECTION_GROUPS[domain.group].essentialImportance : Number.POSITIVE_INFINITY;
}

type TechnologyUsage = { commodityCode: string; examples: string[]; hot: boolean };

/**
 * One technical competency per commodity class, whose keywords are every product seen in it; per occupation,
 * the classes it uses, those with a Hot Technology and then those with more examples first, capped.
 */
function technologyClasses(rows: OnetTechnology[], names: UniqueNames) {
  const classes = new Map<string, { title: string; occupationsByExample: Map<string, number> }>();
  const usage = new Map<string, Map<string, { hot: Set<string>; other: Set<string> }>>();
  for (const row of rows) {
    const known = classes.get(row.commodityCode) ?? {
      title: row.commodityTitle,
      occupationsByExample: new Map(),
    };
    known.occupationsByExample.set(row.example, (known.occupationsByExample.get(row.example) ?? 0) + 1);
    classes.set(row.commodityCode, known);

    const byClass = usage.get(row.code) ?? new Map<string, { hot: Set<string>; other: Set<string> }>();
    const examples = byClass.get(row.commodityCode) ?? { hot: new Set<string>(), other: new Set<string>() };
    if (!examples.hot.has(row.example) && !examples.other.has(row.example)) {
      (row.hot ? examples.hot : examples.other).add(row.example);
    }
    byClass.set(row.commodityCode, examples);
    usage.set(row.code, byClass);
  }

  const competencies = new Map<string, CompetencyDefinition>();
  for (const [code, { title, occupationsByExample }] of classes) {
    const mostUsed = [...occupationsByExample].sort((a, b) => b[1] - a[1]).map(([example]) => example);
    competencies.set(code, {
      name: names.claim(title, TECHNOLOGY_CATEGORY),
      kind: "TECHNICAL",
      category: TECHNOLOGY_CATEGORY,
      definition: `Working with ${title} (UNSPSC commodity ${code}), such as ${mostUsed.slice(0, 5).join(", ")}.`,
      indicators: {},
      keywords: [...occupationsByExample.keys()],
      externalId: code,
    });
  }

  const byOccupation = new Map<string, TechnologyUsage[]>();
  for (const [occupation, byClass] of usage) {
    const used = [...byClass].map(([commodityCode, { hot, other }]) => ({
      commodityCode,
      examples: [...hot, ...other],
      hot: hot.size > 0,
    }));
    used.sort(
      (a, b) =>
        Number(b.hot) - Number(a.hot) ||
        b.examples.length - a.examples.length ||
        a.commodityCode.localeCompare(b.commodityCode),
    );
    byOccupation.set(occupation, used.slice(0, SELECTION.maxTechnologyClasses));
  }
  return { competencies, byOccupation };
}

function technologyRequirement(
  usage: TechnologyUsage,
  competencies: Map<string, CompetencyDefinition>,
): ProfileRequirement {
  const competency = competencies.get(usage.commodityCode);
  if (!competency) throw new Error(`No competency for commodity ${usage.commodityCode}.`);
  return {
    competency: competency.name,
    level: TECHNOLOGY_REQUIREMENT.level,
    importance: usage.hot
      ? TECHNOLOGY_REQUIREMENT.importance
      : TECHNOLOGY_REQUIREMENT.importanceWithoutHotTechnology,
    essential: false,
    examples: usage.examples,
  };
}

/** Distinct titles in first-seen order, compared case-insensitively, without the occupation's own title. */
function uniqueTitles(title: string, candidates: string[]): string[] {
  const seen = new Set([title.trim().toLowerCase()]);
  const titles: string[] = [];
  for (const candidate of candidates) {
    const trimmed = candidate.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === "" || seen.has(key)) continue;
    seen.add(key);
    titles.push(trimmed);
  }
  return titles;
}

const TASK_TYPE_ORDER = ["core", "supplemental"];

/** Core tasks first, then supplemental, then untyped; file order within each; capped. */
function orderedTasks(rows: { task: string; type: string }[]): string[] {
  const rank = (type: string) => {
    const index = TASK_TYPE_ORDER.indexOf(type.toLowerCase());
    return index === -1 ? TASK_TYPE_ORDER.length : index;
  };
  return [...rows]
    .sort((a, b) => rank(a.type) - rank(b.type))
    .map((row) => row.task)
    .slice(0, SELECTION.maxTasks);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
