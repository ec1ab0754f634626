/**
 * Succession: how well people match a role from their competency ratings, how ready they are, their
 * largest gaps, how fresh that evidence is, and the role's bench strength. The rules and the reasons
 * for them are in docs/decisions/004-succession.md.
 */
import { invalidInput } from "./errors.js";
import type { JobProfile, RequiredCompetency } from "./library.js";
import type { Person, PersonWithRatings, Rating, RatingSource } from "./people.js";

export type SuccessionOptions = {
  /** Match % at or above which a person with no essential gap is ready now. */
  readyNowMatch: number;
  /** Match % at or above which a person is ready in 1–2 years. */
  readySoonMatch: number;
  /** Match % at or above which a person is on the bench for a job (HRSG's minimum job match). */
  benchMinimumMatch: number;
  /** Ratings older than this many days are stale: flagged, and outranked by any fresh rating. */
  maxRatingAgeDays: number;
  /** How many of a successor's largest gaps to list. */
  largestGapCount: number;
  /** Whether people who already hold the role count as its successors and bench. */
  includeIncumbents: boolean;
};

export const DEFAULT_SUCCESSION_OPTIONS: Readonly<SuccessionOptions> = Object.freeze({
  readyNowMatch: 80,
  readySoonMatch: 60,
  benchMinimumMatch: 60,
  maxRatingAgeDays: 365,
  largestGapCount: 3,
  includeIncumbents: false,
});

/** The defaults with `overrides` applied; inconsistent settings are refused with every problem named. */
export function successionOptions(overrides: Partial<SuccessionOptions> = {}): SuccessionOptions {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const options: SuccessionOptions = { ...DEFAULT_SUCCESSION_OPTIONS, ...given };
  const problems: string[] = [];
  for (const key of ["readyNowMatch", "readySoonMatch", "benchMinimumMatch"] as const) {
    const value = options[key];
    if (!Number.isFinite(value) || value < 0 || value > 100)
      problems.push(`${key}: ${value} is not in 0–100`);
  }
  if (options.readySoonMatch > options.readyNowMatch) {
    problems.push(
      `readySoonMatch: ${options.readySoonMatch} is above readyNowMatch (${options.readyNowMatch})`,
    );
  }
  if (!Number.isFinite(options.maxRatingAgeDays) || options.maxRatingAgeDays <= 0) {
    problems.push(`maxRatingAgeDays: ${options.maxRatingAgeDays} is not a positive number of days`);
  }
  if (!Number.isInteger(options.largestGapCount) || options.largestGapCount < 0) {
    problems.push(`largestGapCount: ${options.largestGapCount} is not a whole number ≥ 0`);
  }
  if (problems.length > 0) throw invalidInput("The succession settings are inconsistent.", problems);
  return options;
}

export const READINESS = ["READY_NOW", "READY_1_2_YEARS", "NOT_READY"] as const;
export type Readiness = (typeof READINESS)[number];

export const READINESS_LABELS: Record<Readiness, string> = {
  READY_NOW: "Ready now",
  READY_1_2_YEARS: "Ready in 1–2 years",
  NOT_READY: "Not ready",
};

export function readinessOf(
  percent: number,
  essentialGapCount: number,
  options: SuccessionOptions,
): Readiness {
  if (percent >= options.readyNowMatch && essentialGapCount === 0) return "READY_NOW";
  if (percent >= options.readySoonMatch) return "READY_1_2_YEARS";
  return "NOT_READY";
}

/** How a person stands on one required competency of a role. */
export type RequirementStanding = {
  competencyId: number;
  competency: string;
  required: number;
  importance: number;
  essential: boolean;
  /** The rating credited (see `outranks` when several sources rated it); null when there is none. */
  rating: Rating | null;
  /** The level credited: the rating's level, 0 when unrated. */
  level: number;
  /** The credited rating is older than the maximum age. */
  stale: boolean;
  /** Levels short of the requirement; 0 when it is met. */
  shortfall: number;
};

/** How fresh the evidence behind a match is, over the role's required competencies. */
export type RatingFreshness = {
  rated: number;
  unrated: number;
  stale: number;
  /** The oldest credited rating; null when nothing is rated. */
  oldestRatedAt: Date | null;
  /** At least one credited rating is stale. */
  flagged: boolean;
};

export type RoleMatch = {
  /** Whole percent, rounded half up; thresholds compare this figure, the one people see. */
  percent: number;
  readiness: Readiness;
  /** One per required competency, in the profile's order. */
  standings: RequirementStanding[];
  essentialGaps: RequirementStanding[];
  freshness: RatingFreshness;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Higher is more trusted: an assessment rests on evidence, a manager sees the work, a self-rating neither. */
const SOURCE_RANK: Record<RatingSource, number> = { SELF: 0, MANAGER: 1, ASSESSMENT: 2 };

/** Ratings dated before this instant are stale. */
function staleBefore(now: Date, options: SuccessionOptions): number {
  return now.getTime() - options.maxRatingAgeDays * DAY_MS;
}

/**
 * Whether `candidate` is better evidence than `current` for the same competency: a fresh rating before
 * a stale one; among equally fresh ones assessment, then manager, then self; then the latest.
 */
function outranks(candidate: Rating, current: Rating, staleBeforeMs: number): boolean {
  const candidateFresh = candidate.ratedAt.getTime() >= staleBeforeMs;
  const currentFresh = current.ratedAt.getTime() >= staleBeforeMs;
  if (candidateFresh !== currentFresh) return candidateFresh;
  const rank = SOURCE_RANK[candidate.source] - SOURCE_RANK[current.source];
  if (rank !== 0) return rank > 0;
  return candidate.ratedAt.getTime() > current.ratedAt.getTime();
}

/** Share of a requirement met: full credit at or above the required level, proportional below it. */
function credit(level: number, required: number): number {
  return level >= required ? 1 : level / required;
}

/** The epsilon keeps 64.5 % computed as 64.49999… from rounding down. */
function toPercent(ratio: number): number {
  return Math.round(ratio * 100 + 1e-9);
}

type CompiledProfile = {
  profile: JobProfile;
  slots: Int32Array;
  required: Float64Array;
  importance: Float64Array;
  essential: Uint8Array;
  totalImportance: number;
};

/** The requirements of a set of profiles that ask for one competency. */
type Askers = { profiles: Int32Array; importance: Float64Array; required: Float64Array };

/**
 * Scores one person at a time against a fixed set of profiles. Competencies are numbered densely so
 * scoring is array arithmetic: bench strength scores every bench member against every profile of a
 * framework, about a thousand for O*NET.
 */
class Scorer {
  private readonly slotOf = new Map<number, number>();
  readonly compiled: CompiledProfile[];
  private readonly chosen: (Rating | undefined)[] = [];
  private readonly levels: Float64Array;
  private readonly touched: number[] = [];
  private askers: Askers[] | undefined;
  private earned: Float64Array | undefined;

  constructor(
    profiles: readonly JobProfile[],
    private readonly staleBeforeMs: number,
  ) {
    this.compiled = profiles.map((profile) => {
      const count = profile.competencies.length;
      const compiled: CompiledProfile = {
        profile,
        slots: new Int32Array(count),
        required: new Float64Array(count),
        importance: new Float64Array(count),
        essential: new Uint8Array(count),
        totalImportance: 0,
      };
      profile.competencies.forEach((requirement, i) => {
        let slot = this.slotOf.get(requirement.competencyId);
        if (slot === undefined) {
          slot = this.slotOf.size;
          this.slotOf.set(requirement.competencyId, slot);
        }
        compiled.slots[i] = slot;
        compiled.required[i] = requirement.level;
        compiled.importance[i] = requirement.importance;
        compiled.essential[i] = requirement.essential ? 1 : 0;
        compiled.totalImportance += requirement.importance;
      });
      return compiled;
    });
    this.levels = new Float64Array(this.slotOf.size);
  }

  /** Makes `ratings` the current person's; ratings of competencies no profile requires are ignored. */
  load(ratings: readonly Rating[]): void {
    for (const slot of this.touched) {
      this.chosen[slot] = undefined;
      this.levels[slot] = 0;
    }
    this.touched.length = 0;
    for (const rating of ratings) {
      const slot = this.slotOf.get(rating.competencyId);
      if (slot === undefined) continue;
      const current = this.chosen[slot];
      if (current === undefined) this.touched.push(slot);
      else if (!outranks(rating, current, this.staleBeforeMs)) continue;
      this.chosen[slot] = rating;
      this.levels[slot] = rating.level;
    }
  }

  ratio(profile: CompiledProfile): number {
    if (profile.totalImportance === 0) return 0;
    let earned = 0;
    for (let i = 0; i < profile.slots.length; i++) {
      const level = this.levels[profile.slots[i] as number] as number;
      earned += (profile.importance[i] as number) * credit(level, profile.required[i] as number);
    }
    return earned / profile.totalImportance;
  }

  percent(profile: CompiledProfile): number {
    return toPercent(this.ratio(profile));
  }

  /**
   * How many of the profiles the current person matches at `minimum` % or more: counting the jobs of
   * every bench member is most of bench strength's work. Only the person's rated competencies are
   * visited, through the requirements asking for each, a small fraction of scoring every profile; a
   * sum that lands near the boundary is recomputed by `percent`, so the count is exactly what it implies.
   */
  countReached(minimum: number): number {
    this.askers ??= this.buildAskers();
    this.earned ??= new Float64Array(this.compiled.length);
    const earned = this.earned;
    earned.fill(0);
    for (const slot of this.touched) {
      const level = this.levels[slot] as number;
      if (level === 0) continue;
      const askers = this.askers[slot] as Askers;
      for (let k = 0; k < askers.profiles.length; k++) {
        const profile = askers.profiles[k] as number;
        earned[profile] =
          (earned[profile] as number) +
          (askers.importance[k] as number) * credit(level, askers.required[k] as number);
      }
    }
    let count = 0;
    this.compiled.forEach((profile, p) => {
      const needed = ((minimum - 0.5) / 100) * profile.totalImportance;
      const margin = 1e-6 * profile.totalImportance;
      const sum = earned[p] as number;
      if (sum > needed + margin || (sum >= needed - margin && this.percent(profile) >= minimum)) count += 1;
    });
    return count;
  }

  private buildAskers(): Askers[] {
    const lists = Array.from({ length: this.slotOf.size }, () => ({
      profiles: [] as number[],
      importance: [] as number[],
      required: [] as number[],
    }));
    this.compiled.forEach((profile, p) => {
      profile.slots.forEach((slot, i) => {
        const list = lists[slot] as (typeof lists)[number];
        list.profiles.push(p);
        list.importance.push(profile.importance[i] as number);
        list.required.push(profile.required[i] as number);
      });
    });
    return lists.map((list) => ({
      profiles: Int32Array.from(list.profiles),
      importance: Float64Array.from(list.importance),
      required: Float64Array.from(list.required),
    }));
  }

  essentialGapCount(profile: CompiledProfile): number {
    let gaps = 0;
    for (let i = 0; i < profile.slots.length; i++) {
      if (
        profile.essential[i] &&
        (this.levels[profile.slots[i] as number] as number) < (profile.required[i] as number)
      )
        gaps += 1;
    }
    return gaps;
  }

  /** The current person's full match: only for the few people shown in detail. */
  match(profile: CompiledProfile, options: SuccessionOptions): RoleMatch {
    const standings = profile.profile.competencies.map((requirement) =>
      standing(
        requirement,
        this.chosen[this.slotOf.get(requirement.competencyId) as number],
        this.staleBeforeMs,
      ),
    );
    const essentialGaps = standings.filter((s) => s.essential && s.shortfall > 0);
    const percent = this.percent(profile);
    return {
      percent,
      readiness: readinessOf(percent, essentialGaps.length, options),
      standings,
      essentialGaps,
      freshness: freshnessOf(standings),
    };
  }
}

function standing(
  requirement: RequiredCompetency,
  rating: Rating | undefined,
  staleBeforeMs: number,
): RequirementStanding {
  const level = rating?.level ?? 0;
  return {
    competencyId: requirement.competencyId,
    competency: requirement.name,
    required: requirement.level,
    importance: requirement.importance,
    essential: requirement.essential,
    rating: rating ?? null,
    level,
    stale: rating !== undefined && rating.ratedAt.getTime() < staleBeforeMs,
    shortfall: Math.max(0, requirement.level - level),
  };
}

function freshnessOf(standings: readonly RequirementStanding[]): RatingFreshness {
  let rated = 0;
  let stale = 0;
  let oldest: Date | null = null;
  for (const { rating, stale: isStale } of standings) {
    if (!rating) continue;
    rated += 1;
    if (isStale) stale += 1;
    if (!oldest || rating.ratedAt < oldest) oldest = rating.ratedAt;
  }
  return { rated, unrated: standings.length - rated, stale, oldestRatedAt: oldest, flagged: stale > 0 };
}

/** Biggest shortfall first; then essential before not; then the more important; then by name. */
function byGapSize(a: RequirementStanding, b: RequirementStanding): number {
  return (
    b.shortfall - a.shortfall ||
    Number(b.essential) - Number(a.essential) ||
    b.importance - a.importance ||
    a.competency.localeCompare(b.competency)
  );
}

function largestGaps(match: RoleMatch, count: number): RequirementStanding[] {
  return match.standings
    .filter((s) => s.shortfall > 0)
    .sort(byGapSize)
    .slice(0, count);
}

/** One person's match to one role, from all of their ratings. */
export function matchRole(
  ratings: readonly Rating[],
  role: JobProfile,
  now: Date,
  options: SuccessionOptions = successionOptions(),
): RoleMatch {
  const scorer = new Scorer([role], staleBefore(now, options));
  scorer.load(ratings);
  return scorer.match(scorer.compiled[0] as CompiledProfile, options);
}

function isCandidate(
  person: Person,
  role: JobProfile,
  options: SuccessionOptions,
  excluded: ReadonlySet<number>,
) {
  return !excluded.has(person.id) && (options.includeIncumbents || person.currentProfileId !== role.id);
}

export type Successor = RoleMatch & { person: Person; largestGaps: RequirementStanding[] };

export type SuccessorRanking = {
  /** People considered: everyone given except those excluded and, unless included, the role's incumbents. */
  considered: number;
  counts: Record<Readiness, number>;
  /** Best match first, up to the limit asked for. */
  successors: Successor[];
};

export type RankSuccessorsInput = {
  role: JobProfile;
  people: readonly PersonWithRatings[];
  now: Date;
  options?: SuccessionOptions;
  excludePersonIds?: Iterable<number>;
  limit?: number;
};

/**
 * Everyone ranked by match to the role: best match first; at equal match the readier first (no
 * essential gap), then by name.
 */
export function rankSuccessors(input: RankSuccessorsInput): SuccessorRanking {
  const { role, people, now } = input;
  const options = input.options ?? successionOptions();
  const excluded = new Set(input.excludePersonIds ?? []);
  const scorer = new Scorer([role], staleBefore(now, options));
  const compiled = scorer.compiled[0] as CompiledProfile;
  const counts: Record<Readiness, number> = { READY_NOW: 0, READY_1_2_YEARS: 0, NOT_READY: 0 };
  const scored: { person: PersonWithRatings; ratio: number; readiness: Readiness }[] = [];
  for (const person of people) {
    if (!isCandidate(person, role, options, excluded)) continue;
    scorer.load(person.ratings);
    const ratio = scorer.ratio(compiled);
    const readiness = readinessOf(toPercent(ratio), scorer.essentialGapCount(compiled), options);
    counts[readiness] += 1;
    scored.push({ person, ratio, readiness });
  }
  scored.sort(
    (a, b) =>
      b.ratio - a.ratio ||
      READINESS.indexOf(a.readiness) - READINESS.indexOf(b.readiness) ||
      a.person.name.localeCompare(b.person.name) ||
      a.person.id - b.person.id,
  );
  const successors = scored.slice(0, input.limit ?? scored.length).map(({ person }) => {
    scorer.load(person.ratings);
    const match = scorer.match(compiled, options);
    return { ...match, person: personOnly(person), largestGaps: largestGaps(match, options.largestGapCount) };
  });
  return { considered: scored.length, counts, successors };
}

function personOnly({ id, name, email, slackUserId, currentProfileId }: Person): Person {
  return { id, name, email, slackUserId, currentProfileId };
}

export type BenchMember = {
  person: Person;
  /** Match to the role. */
  percent: number;
  /** Jobs of the role's framework this person matches at or above the minimum, the role included. */
  jobsMatched: number;
  /** 1 / jobsMatched: the likelihood this person fills this job rather than another. */
  share: number;
};

export type BenchStrength = {
  minimumMatch: number;
  positions: number;
  /** Jobs compared to count each member's matches: the profiles of the role's framework. */
  jobsCompared: number;
  /** Best match first. */
  members: BenchMember[];
  /** Sum of the members' shares. */
  sum: number;
  /** sum / positions. */
  strength: number;
};

export type BenchStrengthInput = {
  role: JobProfile;
  /** Every profile known; only those of the role's framework count as jobs. */
  profiles: readonly JobProfile[];
  people: readonly PersonWithRatings[];
  now: Date;
  options?: SuccessionOptions;
  excludePersonIds?: Iterable<number>;
};

/** The people matching the role at or above the bench minimum (the first half of bench strength). */
export function benchCandidates(input: Omit<BenchStrengthInput, "profiles">): PersonWithRatings[] {
  const options = input.options ?? successionOptions();
  const excluded = new Set(input.excludePersonIds ?? []);
  const scorer = new Scorer([input.role], staleBefore(input.now, options));
  const compiled = scorer.compiled[0] as CompiledProfile;
  return input.people.filter((person) => {
    if (!isCandidate(person, input.role, options, excluded)) return false;
    scorer.load(person.ratings);
    return scorer.percent(compiled) >= options.benchMinimumMatch;
  });
}

/**
 * HRSG's bench strength: each person matching the role at or above the minimum counts
 * 1 / (number of jobs they match at or above the minimum); the sum is divided by the role's positions.
 * The jobs compared are the profiles of the role's framework.
 */
export function benchStrength(input: BenchStrengthInput): BenchStrength {
  const { role, now } = input;
  const options = input.options ?? successionOptions();
  const excluded = new Set(input.excludePersonIds ?? []);
  const jobs = input.profiles.filter(
    (profile) => profile.frameworkName === role.frameworkName && profile.id !== role.id,
  );
  jobs.unshift(role);
  const scorer = new Scorer(jobs, staleBefore(now, options));
  const compiledRole = scorer.compiled[0] as CompiledProfile;
  const members: BenchMember[] = [];
  for (const person of input.people) {
    if (!isCandidate(person, role, options, excluded)) continue;
    scorer.load(person.ratings);
    const percent = scorer.percent(compiledRole);
    if (percent < options.benchMinimumMatch) continue;
    const jobsMatched = scorer.countReached(options.benchMinimumMatch);
    members.push({ person: personOnly(person), percent, jobsMatched, share: 1 / jobsMatched });
  }
  members.sort((a, b) => b.percent - a.percent || a.person.name.localeCompare(b.person.name));
  const sum = members.reduce((total, member) => total + member.share, 0);
  // A role stored without positions still has the one it is named for.
  const positions = Math.max(1, role.positions);
  return {
    minimumMatch: options.benchMinimumMatch,
    positions,
    jobsCompared: jobs.length,
    members,
    sum,
    strength: sum / positions,
  };
}

export type DevelopmentGap = RequirementStanding & {
  /** The level to work towards next: one above the credited level. */
  nextLevel: number;
  /** The competency's indicator for the next level, when the framework defines one. */
  suggestion: string | null;
};

export type GapReport = RoleMatch & {
  /** Requirements met, the most important first. */
  strengths: RequirementStanding[];
  /** Requirements not met, the largest gap first, each with what the next level looks like. */
  gaps: DevelopmentGap[];
};

/** A person's strengths and gaps against a role, with suggestions from the next level's indicators. */
export function gapReport(
  ratings: readonly Rating[],
  role: JobProfile,
  now: Date,
  options: SuccessionOptions = successionOptions(),
): GapReport {
  const match = matchRole(ratings, role, now, options);
  const indicatorsOf = new Map(
    role.competencies.map((requirement) => [requirement.competencyId, requirement.indicators]),
  );
  const strengths = match.standings
    .filter((s) => s.shortfall === 0)
    .sort((a, b) => b.importance - a.importance || a.competency.localeCompare(b.competency));
  const gaps = match.standings
    .filter((s) => s.shortfall > 0)
    .sort(byGapSize)
    .map((s) => {
      const nextLevel = s.level + 1;
      const indicators = indicatorsOf.get(s.competencyId) ?? {};
      const suggestion = indicators[String(nextLevel) as keyof typeof indicators] ?? null;
      return { ...s, nextLevel, suggestion };
    });
  return { ...match, strengths, gaps };
}
