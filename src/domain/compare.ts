/**
 * Two job profiles side by side: for general and for technical competencies, which both require (and at
 * what levels) and which only one of them does.
 *
 * Competencies are matched by name, case-insensitively, within the same kind, so profiles from
 * different frameworks compare wherever the frameworks use the same competency names.
 */
import type { CompetencyKind, JobProfile, RequiredCompetency } from "./library.js";

export type SharedCompetency = {
  name: string;
  kind: CompetencyKind;
  levelA: number;
  levelB: number;
  /** levelB − levelA: positive when B asks for more. */
  difference: number;
  essentialA: boolean;
  essentialB: boolean;
};

export type OneSidedCompetency = {
  name: string;
  kind: CompetencyKind;
  level: number;
  importance: number;
  essential: boolean;
};

export type KindComparison = {
  /** Largest level gap first, then the more important. */
  shared: SharedCompetency[];
  /** Most important first, then by name. */
  onlyA: OneSidedCompetency[];
  onlyB: OneSidedCompetency[];
  /** Distinct competencies of this kind across both profiles. */
  total: number;
};

export type ComparedProfile = { id: number; title: string; frameworkName: string };

export type ProfileComparison = {
  a: ComparedProfile;
  b: ComparedProfile;
  general: KindComparison;
  technical: KindComparison;
  /** Such as "General: 6 of 7 shared · Technical: 1 of 8 shared". */
  summary: string;
};

export function compareProfiles(a: JobProfile, b: JobProfile): ProfileComparison {
  const general = compareKind(a, b, "GENERAL");
  const technical = compareKind(a, b, "TECHNICAL");
  return {
    a: describe(a),
    b: describe(b),
    general,
    technical,
    summary: `General: ${sharedOf(general)} · Technical: ${sharedOf(technical)}`,
  };
}

function describe({ id, title, frameworkName }: JobProfile): ComparedProfile {
  return { id, title, frameworkName };
}

function sharedOf({ shared, total }: KindComparison): string {
  return `${shared.length} of ${total} shared`;
}

function compareKind(a: JobProfile, b: JobProfile, kind: CompetencyKind): KindComparison {
  const ofA = byName(a, kind);
  const ofB = byName(b, kind);
  const shared: (SharedCompetency & { importance: number })[] = [];
  const onlyA: OneSidedCompetency[] = [];
  for (const [key, competencyA] of ofA) {
    const competencyB = ofB.get(key);
    if (!competencyB) {
      onlyA.push(oneSided(competencyA));
      continue;
    }
    shared.push({
      name: competencyA.name,
      kind,
      levelA: competencyA.level,
      levelB: competencyB.level,
      difference: competencyB.level - competencyA.level,
      essentialA: competencyA.essential,
      essentialB: competencyB.essential,
      importance: Math.max(competencyA.importance, competencyB.importance),
    });
  }
  const onlyB = [...ofB].filter(([key]) => !ofA.has(key)).map(([, competency]) => oneSided(competency));
  shared.sort(
    (x, y) =>
      Math.abs(y.difference) - Math.abs(x.difference) ||
      y.importance - x.importance ||
      byText(x.name, y.name),
  );
  const byImportance = (x: OneSidedCompetency, y: OneSidedCompetency) =>
    y.importance - x.importance || byText(x.name, y.name);
  return {
    shared: shared.map(({ importance: _, ...competency }) => competency),
    onlyA: onlyA.sort(byImportance),
    onlyB: onlyB.sort(byImportance),
    total: shared.length + onlyA.length + onlyB.length,
  };
}

/** A profile's competencies of one kind by comparison key; a name listed twice counts once, first wins. */
function byName(profile: JobProfile, kind: CompetencyKind): Map<string, RequiredCompetency> {
  const competencies = new Map<string, RequiredCompetency>();
  for (const competency of profile.competencies) {
    const key = nameKey(competency.name);
    if (competency.kind === kind && !competencies.has(key)) competencies.set(key, competency);
  }
  return competencies;
}

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function oneSided({ name, kind, level, importance, essential }: RequiredCompetency): OneSidedCompetency {
  return { name, kind, level, importance, essential };
}

function byText(x: string, y: string): number {
  return x.localeCompare(y, "en", { sensitivity: "base" });
}
