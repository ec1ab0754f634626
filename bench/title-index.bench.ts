/**
 * Title index at the real library's scale: 1,000 profiles with 60 alternate titles each, generated
 * deterministically from word lists. Prints build time, retained heap and lookup latency per kind of
 * query; `runTitleIndexBench()` returns the same figures for the main bench.
 *
 *   npx tsx bench/title-index.bench.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { type LookupResult, type TitleEntry, TitleIndex } from "../src/domain/title-index.js";

const PROFILES = 1_000;
const ALTERNATES_PER_PROFILE = 60;
const QUERIES_PER_KIND = 100;
const ROUNDS = 5;

const DOMAINS = [
  "marketing",
  "sales",
  "software",
  "network",
  "database",
  "financial",
  "clinical",
  "nursing",
  "dental",
  "veterinary",
  "construction",
  "electrical",
  "mechanical",
  "civil",
  "chemical",
  "environmental",
  "agricultural",
  "logistics",
  "supply chain",
  "procurement",
  "customer service",
  "human resources",
  "public relations",
  "communications",
  "legal",
  "compliance",
  "risk",
  "audit",
  "tax",
  "payroll",
  "insurance",
  "real estate",
  "hospitality",
  "food service",
  "retail",
  "warehouse",
  "transportation",
  "aviation",
  "marine",
  "security",
  "quality assurance",
  "research",
  "laboratory",
  "pharmacy",
  "radiology",
  "education",
  "training",
  "library",
  "media",
  "broadcast",
  "graphic design",
  "manufacturing",
  "production",
  "maintenance",
  "facilities",
  "energy",
  "mining",
  "forestry",
  "information technology",
  "cloud",
];
const ROLES = [
  "manager",
  "specialist",
  "analyst",
  "engineer",
  "technician",
  "coordinator",
  "assistant",
  "director",
  "supervisor",
  "consultant",
  "administrator",
  "officer",
  "representative",
  "clerk",
  "inspector",
  "developer",
  "designer",
  "architect",
  "scientist",
  "planner",
  "advisor",
  "associate",
  "operator",
  "instructor",
  "auditor",
  "buyer",
  "agent",
  "therapist",
  "writer",
  "estimator",
];
const MODIFIERS = [
  "senior",
  "junior",
  "lead",
  "principal",
  "chief",
  "head",
  "regional",
  "digital",
  "brand",
  "field",
  "inside",
  "global",
  "national",
  "technical",
  "strategic",
  "corporate",
  "enterprise",
  "commercial",
  "industrial",
  "residential",
  "staff",
  "associate",
  "assistant",
  "deputy",
  "district",
  "area",
  "general",
  "operations",
  "program",
  "project",
  "product",
  "account",
  "channel",
  "business",
  "systems",
  "process",
  "quality",
];
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bmanagers?\b/i, "Mgr"],
  [/\bsenior\b/i, "Sr."],
  [/\bassistants?\b/i, "Asst"],
  [/\bdevelopers?\b/i, "Dev"],
  [/\brepresentatives?\b/i, "Rep"],
  [/\bcoordinators?\b/i, "Coord"],
  [/\bdirectors?\b/i, "Dir"],
  [/\bpublic relations\b/i, "PR"],
  [/\bhuman resources\b/i, "HR"],
  [/\binformation technology\b/i, "IT"],
  [/\bquality assurance\b/i, "QA"],
];

export type LatencyFigures = {
  queries: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  resolved: number;
};

export type TitleIndexBenchFigures = {
  profiles: number;
  titles: number;
  coldBuildMs: number;
  warmBuildMs: number;
  /** Heap grown by the build before garbage collection: its working set, an upper bound on its peak. */
  transientHeapMb: number;
  /** Heap still held by the built index. */
  retainedHeapMb: number;
  lookups: Record<QueryKind, LatencyFigures> & { all: LatencyFigures };
};

type QueryKind = "exact" | "typo" | "abbreviation" | "partial";
type Query = { kind: QueryKind; text: string; profileId: number };

export function runTitleIndexBench(): TitleIndexBenchFigures {
  const random = seededRandom(20_240_611);
  const entries = syntheticLibrary(random);
  const queries = syntheticQueries(entries, random);
  const collectGarbage = garbageCollector();

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const index = TitleIndex.build(entries);
  const coldBuildMs = performance.now() - started;
  const transientHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  collectGarbage();
  const retainedHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const warmBuilds: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    TitleIndex.build(entries);
    warmBuilds.push(performance.now() - started);
  }

  for (const query of queries) index.lookup(query.text);
  const timings = new Map<QueryKind | "all", number[]>();
  const resolved = new Map<QueryKind | "all", number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      started = performance.now();
      const result = index.lookup(query.text);
      const elapsed = performance.now() - started;
      for (const key of [query.kind, "all"] as const) {
        timings.set(key, [...(timings.get(key) ?? []), elapsed]);
        if (round === 0 && points(result, query.profileId)) resolved.set(key, (resolved.get(key) ?? 0) + 1);
      }
    }
  }
  const figures = (key: QueryKind | "all"): LatencyFigures => {
    const sorted = [...(timings.get(key) ?? [])].sort((a, b) => a - b);
    return {
      queries: sorted.length / ROUNDS,
      medianMs: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.at(-1) ?? 0,
      resolved: resolved.get(key) ?? 0,
    };
  };
  return {
    profiles: entries.length,
    titles: entries.reduce((sum, entry) => sum + 1 + entry.alternateTitles.length, 0),
    coldBuildMs,
    warmBuildMs: percentile(
      warmBuilds.sort((a, b) => a - b),
      0.5,
    ),
    transientHeapMb,
    retainedHeapMb,
    lookups: {
      exact: figures("exact"),
      typo: figures("typo"),
      abbreviation: figures("abbreviation"),
      partial: figures("partial"),
      all: figures("all"),
    },
  };
}

/** The result names the intended profile: found it, or offers it among the candidates. */
function points(result: LookupResult, profileId: number): boolean {
  if (result.kind === "found") return result.match.profileId === profileId;
  if (result.kind === "ambiguous") return result.candidates.some((match) => match.profileId === profileId);
  return false;
}

function syntheticLibrary(random: () => number): TitleEntry[] {
  const rareWords = Array.from({ length: 2_000 }, () => pseudoWord(random));
  const combinations = DOMAINS.flatMap((domain) => ROLES.map((role) => [domain, role] as const));
  shuffle(combinations, random);
  return combinations.slice(0, PROFILES).map(([domain, role], i) => {
    const title = titleCase(
      random() < 0.3 ? `${domain} and ${pick(DOMAINS, random)} ${role}s` : `${domain} ${role}s`,
    );
    const alternates = new Set<string>();
    while (alternates.size < ALTERNATES_PER_PROFILE) {
      const words = [
        random() < 0.5 ? pick(MODIFIERS, random) : "",
        random() < 0.8 ? domain : pick(DOMAINS, random),
        random() < 0.2 ? pick(rareWords, random) : "",
        random() < 0.85 ? role : pick(ROLES, random),
        random() < 0.1 ? pick(["I", "II", "III", "IV"], random) : "",
      ];
      alternates.add(titleCase(words.filter(Boolean).join(" ")));
    }
    return {
      profileId: i + 1,
      title,
      alternateTitles: [...alternates],
      frameworkName: i % 5 === 0 ? "sample" : "onet",
      family: titleCase(domain),
    };
  });
}

function syntheticQueries(entries: TitleEntry[], random: () => number): Query[] {
  const queries: Query[] = [];
  const anyTitle = (entry: TitleEntry) =>
    random() < 0.5 ? entry.title : pick(entry.alternateTitles, random);
  while (queries.length < QUERIES_PER_KIND) {
    const entry = pick(entries, random);
    const text = anyTitle(entry);
    queries.push({
      kind: "exact",
      text: random() < 0.5 ? text.toLowerCase() : text,
      profileId: entry.profileId,
    });
  }
  while (queries.length < 2 * QUERIES_PER_KIND) {
    const entry = pick(entries, random);
    const words = anyTitle(entry).split(" ");
    const long = words.map((word, i) => [word, i] as const).filter(([word]) => word.length >= 6);
    if (long.length === 0) continue;
    const [word, at] = pick(long, random);
    words[at] = misspell(word, random);
    queries.push({ kind: "typo", text: words.join(" "), profileId: entry.profileId });
  }
  while (queries.length < 3 * QUERIES_PER_KIND) {
    const entry = pick(entries, random);
    const text = anyTitle(entry);
    const abbreviated = ABBREVIATIONS.reduce(
      (sofar, [pattern, short]) => sofar.replace(pattern, short),
      text,
    );
    if (abbreviated === text) continue;
    queries.push({ kind: "abbreviation", text: abbreviated, profileId: entry.profileId });
  }
  while (queries.length < 4 * QUERIES_PER_KIND) {
    const entry = pick(entries, random);
    const words = pick(entry.alternateTitles, random).split(" ");
    if (words.length < 3) continue;
    words.splice(Math.floor(random() * (words.length - 1)), 1);
    queries.push({ kind: "partial", text: words.join(" "), profileId: entry.profileId });
  }
  return queries;
}

function misspell(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const edit = Math.floor(random() * 3);
  if (edit === 0) return word.slice(0, at) + word.slice(at + 1);
  if (edit === 1) return word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
  return word.slice(0, at) + "etaoinshr"[Math.floor(random() * 9)] + word.slice(at + 1);
}

function pseudoWord(random: () => number): string {
  const syllables = [
    "ka",
    "lo",
    "ver",
    "min",
    "tra",
    "pel",
    "dor",
    "si",
    "que",
    "bran",
    "to",
    "lux",
    "ne",
    "gar",
  ];
  return Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables, random)).join("");
}

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()).replace(/\bAnd\b/g, "and");
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

/** mulberry32: the same library and queries on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** Node's gc() without --expose-gc on the command line, so heap figures count only what is retained. */
function garbageCollector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  return () => gc();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = runTitleIndexBench();
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`title index: ${figures.profiles} profiles, ${figures.titles} titles`);
  console.log(`  build: ${ms(figures.coldBuildMs)} cold, ${ms(figures.warmBuildMs)} warm`);
  console.log(
    `  heap: ${figures.retainedHeapMb.toFixed(1)} MB retained, ${figures.transientHeapMb.toFixed(1)} MB before GC`,
  );
  for (const [kind, f] of Object.entries(figures.lookups)) {
    console.log(
      `  lookup ${kind.padEnd(12)} median ${ms(f.medianMs)}  p99 ${ms(f.p99Ms)}  max ${ms(f.maxMs)}  ` +
        `(${f.resolved}/${f.queries} name the intended profile)`,
    );
  }
}
