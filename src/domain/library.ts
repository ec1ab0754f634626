/**
 * The competency library's vocabulary: what a framework, a competency and a job profile are.
 * Pure types shared by importers (what they produce), the store (what it returns) and every use case.
 */

export type CompetencyKind = "GENERAL" | "TECHNICAL";

export const PROFICIENCY_LEVELS = [1, 2, 3, 4, 5] as const;

/** Behavioural indicators keyed by proficiency level "1".."5"; any level may be missing. */
export type Indicators = Partial<Record<"1" | "2" | "3" | "4" | "5", string>>;

export type CompetencyDefinition = {
  name: string;
  kind: CompetencyKind;
  category: string;
  definition: string;
  indicators: Indicators;
  /** Extra evidence vocabulary beyond the name and definition: product names, synonyms. */
  keywords: string[];
  /** Identifier in the source taxonomy, such as an O*NET element id. */
  externalId?: string;
};

export type ProfileRequirement = {
  /** Name of a competency defined in the same framework. */
  competency: string;
  /** Required proficiency, 1–5. */
  level: number;
  /** How much it matters for the job, 1–5. */
  importance: number;
  essential: boolean;
  /** Profile-specific examples, such as the technologies an occupation uses in a technology class. */
  examples: string[];
};

export type ProfileDefinition = {
  title: string;
  family: string;
  code?: string;
  description: string;
  alternateTitles: string[];
  /** What incumbents do; evidence vocabulary for matching candidates. */
  tasks: string[];
  competencies: ProfileRequirement[];
};

/** A whole framework as an importer produces it: validated, self-consistent, ready to store. */
export type FrameworkDefinition = {
  name: string;
  description: string;
  /** Attribution shown wherever the framework's data is shown (a license credit, for instance). */
  source: string;
  competencies: CompetencyDefinition[];
  profiles: ProfileDefinition[];
};

/** A required competency of a stored profile, with the competency's own definition joined in. */
export type RequiredCompetency = {
  competencyId: number;
  name: string;
  kind: CompetencyKind;
  category: string;
  definition: string;
  indicators: Indicators;
  keywords: string[];
  level: number;
  importance: number;
  essential: boolean;
  examples: string[];
};

/** A stored job profile with everything needed to show, compare or assess against it. */
export type JobProfile = {
  id: number;
  frameworkName: string;
  title: string;
  family: string;
  code: string | null;
  description: string;
  alternateTitles: string[];
  tasks: string[];
  /** Bumped whenever the profile's content changes; assessments record the version they used. */
  version: number;
  /** Number of positions for the role (the denominator of bench strength). */
  positions: number;
  competencies: RequiredCompetency[];
};

export type FrameworkSummary = {
  name: string;
  description: string;
  source: string;
  profileCount: number;
  competencyCount: number;
  updatedAt: Date;
};
