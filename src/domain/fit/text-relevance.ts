/**
 * Text relevance: BM25 and TF-IDF cosine of a summary's terms over each profile's weighted fields
 * (docs/decisions/003-fit-scoring.md).
 *
 * Every profile carries the text of each competency it requires, so the O*NET library makes about 2.6
 * million (term, profile) postings: as arrays of numbers, with the Maps that built them, they took some
 * 100 MB. They are packed in typed arrays instead — the profile, and the term's weighted count as an
 * index into its distinct values: 6 bytes a posting — laid out in one go once a first pass has counted
 * them, the second reading the profiles again rather than keeping what the first read. A posting's
 * BM25 and cosine weights are worked out from the count when a summary is scored, by the very
 * operations that would have stored them, so the scores are the same to the last bit.
 */

import type { JobProfile } from "../library.js";
import { docArray, Int32List, indexArray, NumberTable } from "./packed-arrays.js";
import { type Reading, read, type TermKind } from "./reading.js";
import type { TermIds } from "./term-ids.js";

const K1 = 1.2;
const B = 0.75;
/** Field weights of a profile's text. */
const FIELD_WEIGHTS = {
  title: 3,
  alternateTitles: 1,
  description: 1.5,
  tasks: 1,
  competencyName: 1,
  competencyDefinition: 0.5,
  competencyIndicators: 0.3,
  competencyKeywords: 0.2,
  examples: 1,
} as const;
/** Weight of a term the vocabulary added, relative to one written. */
const TERM_KIND_WEIGHT = { word: 1, equivalent: 1, broader: 0.4 } as const;

/**
 * The units text relevance counts, in order: each written word's stem, and each concept the vocabulary
 * recognised as one unit ("#person train"), so that a concept's generic words ("train") do not match
 * every text that uses them.
 */
export function forEachRelevanceTerm(
  reading: Reading,
  visit: (key: string, weight: number, first: number, last: number) => void,
): void {
  let concept: { stems: string[]; kind: TermKind; first: number; last: number } | undefined;
  const flush = (): void => {
    if (concept && concept.stems.length > 0)
      visit(`#${concept.stems.join(" ")}`, TERM_KIND_WEIGHT[concept.kind], concept.first, concept.last);
    concept = undefined;
  };
  for (const term of reading.terms) {
    if (term.kind === "word") {
      visit(term.stem, 1, term.first, term.last);
    } else if (term.stem === "") {
      flush();
    } else {
      concept ??= { stems: [], kind: term.kind, first: term.first, last: term.last };
      concept.stems.push(term.stem);
    }
  }
  flush();
}

/** Term numbers and weights, in the order the terms first occur: the order sums over them are taken in. */
type TermVector = { ids: Int32Array; weights: Float64Array };

/**
 * Weighted sums of term vectors. Holds what a Map from term to sum would — the same sums, added in the
 * same order, and the terms in the order they came — in arrays reused from one profile to the next.
 */
class TermSums {
  private sums = new Float64Array(4096);
  private marks = new Int32Array(4096);
  private order = new Int32Array(4096);
  /** Terms whose mark is the current one have a sum; clearing moves to a new mark. */
  private mark = 1;
  size = 0;

  clear(): void {
    this.mark++;
    this.size = 0;
  }

  add(vector: TermVector, weight: number): void {
    if (weight <= 0) return;
    const { ids, weights } = vector;
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at] ?? 0;
      if (id >= this.marks.length) this.grow(id);
      const known = this.marks[id] === this.mark;
      if (!known) this.append(id);
      this.sums[id] = (known ? (this.sums[id] ?? 0) : 0) + weight * (weights[at] ?? 0);
    }
  }

  idAt(at: number): number {
    return this.order[at] ?? 0;
  }

  sumAt(at: number): number {
    return this.sums[this.order[at] ?? 0] ?? 0;
  }

  /** The sums so far. */
  snapshot(): TermVector {
    const ids = this.order.slice(0, this.size);
    const weights = new Float64Array(this.size);
    for (let at = 0; at < this.size; at++) weights[at] = this.sumAt(at);
    return { ids, weights };
  }

  private append(id: number): void {
    this.marks[id] = this.mark;
    this.order[this.size++] = id;
  }

  private grow(id: number): void {
    const length = Math.max(2 * this.marks.length, id + 1);
    const sums = new Float64Array(length);
    sums.set(this.sums);
    const marks = new Int32Array(length);
    marks.set(this.marks);
    const order = new Int32Array(length);
    order.set(this.order);
    this.sums = sums;
    this.marks = marks;
    this.order = order;
  }
}

/** Reads profiles' fields into term vectors; texts shared by many profiles (competencies, examples) are read once. */
class ProfileTermReader {
  private readonly competencies = new Map<number, TermVector>();
  private readonly examples = new Map<string, TermVector>();
  private readonly competencySums = new TermSums();

  constructor(private readonly ids: TermIds) {}

  /**
   * The profile's terms, weighted by field: its own text (titles, description, tasks), then the text of
   * each competency it requires and its examples of it, weighted by importance.
   */
  read(profile: JobProfile, sums: TermSums): void {
    sums.clear();
    sums.add(this.field([profile.title]), FIELD_WEIGHTS.title);
    sums.add(this.field(profile.alternateTitles), FIELD_WEIGHTS.alternateTitles);
    sums.add(this.field([profile.description]), FIELD_WEIGHTS.description);
    sums.add(this.field(profile.tasks), FIELD_WEIGHTS.tasks);
    for (const requirement of profile.competencies) {
      const importance = Math.max(1, requirement.importance) / 5;
      sums.add(this.competency(requirement), importance);
      sums.add(this.examplesOf(requirement.examples), FIELD_WEIGHTS.examples * importance);
    }
  }

  /** A competency's own text, weighted by field, shared by every profile that requires it. */
  private competency(requirement: JobProfile["competencies"][number]): TermVector {
    let vector = this.competencies.get(requirement.competencyId);
    if (!vector) {
      const sums = this.competencySums;
      const indicators = Object.values(requirement.indicators).filter((text): text is string => !!text);
      sums.clear();
      sums.add(this.field([requirement.name]), FIELD_WEIGHTS.competencyName);
      sums.add(this.field([requirement.definition]), FIELD_WEIGHTS.competencyDefinition);
      sums.add(this.field(indicators), FIELD_WEIGHTS.competencyIndicators);
      sums.add(this.field(requirement.keywords), FIELD_WEIGHTS.competencyKeywords);
      vector = sums.snapshot();
      this.competencies.set(requirement.competencyId, vector);
    }
    return vector;
  }

  /** Examples lists recur across profiles (the same products for the same technology class). */
  private examplesOf(examples: readonly string[]): TermVector {
    const joined = joinField(examples);
    let vector = this.examples.get(joined);
    if (!vector) {
      vector = this.field(examples);
      this.examples.set(joined, vector);
    }
    return vector;
  }

  /** A field's terms, each saturating with its count in the field: 1 + ln count. */
  private field(texts: readonly string[]): TermVector {
    const counts = new Map<string, number>();
    forEachRelevanceTerm(read(joinField(texts)), (key, weight) => {
      counts.set(key, (counts.get(key) ?? 0) + weight);
    });
    const ids = new Int32Array(counts.size);
    const weights = new Float64Array(counts.size);
    let at = 0;
    for (const [key, count] of counts) {
      ids[at] = this.ids.intern(key);
      weights[at] = 1 + Math.log(count);
      at++;
    }
    return { ids, weights };
  }
}

function joinField(texts: readonly string[]): string {
  return texts.filter((text) => text.trim().length > 0).join("\n");
}

type TextIndexParts = {
  ids: TermIds;
  /** Per term number: 1 + the number of the term's posting list, or 0 when no profile here holds it. */
  listOf: Int32Array;
  /** Where each posting list starts in `postingDocs`/`postingCounts`, and (last) where the last ends. */
  listStarts: Int32Array;
  bm25Idf: Float64Array;
  cosineIdf: Float64Array;
  postingDocs: Uint16Array | Uint32Array;
  /**
   * The term's weighted count in the profile (its tf), as an index into `counts`: some 70,000 distinct
   * values over the O*NET library's 2.6 million postings.
   */
  postingCounts: Uint8Array | Uint16Array | Uint32Array;
  counts: Float64Array;
  /** Per document: BM25's length normalisation, and the length of its TF-IDF vector. */
  bm25Norms: Float64Array;
  cosineNorms: Float64Array;
};

/** BM25 and cosine weights of one framework's profiles. */
export class TextIndex {
  private constructor(private readonly parts: TextIndexParts) {}

  static build(profiles: readonly JobProfile[], docs: readonly number[], ids: TermIds): TextIndex {
    const reader = new ProfileTermReader(ids);
    const sums = new TermSums();
    const lengths = new Float64Array(profiles.length);
    const listOf = new Int32List(ids.size);
    const listSizes = new Int32List();
    const counts = new NumberTable();

    // First pass: count each term's postings. Lists are numbered in the order terms first appear.
    for (const doc of docs) {
      const profile = profiles[doc];
      if (!profile) continue;
      reader.read(profile, sums);
      let length = 0;
      for (let at = 0; at < sums.size; at++) {
        const id = sums.idAt(at);
        const tf = sums.sumAt(at);
        length += tf;
        counts.indexOf(tf);
        listOf.reserve(id + 1);
        let list = listOf.at(id);
        if (list === 0) {
          listSizes.push(0);
          list = listSizes.length;
          listOf.set(id, list);
        }
        listSizes.set(list - 1, listSizes.at(list - 1) + 1);
      }
      lengths[doc] = length;
    }

    const lists = listSizes.length;
    const listStarts = new Int32Array(lists + 1);
    for (let list = 0; list < lists; list++)
      listStarts[list + 1] = (listStarts[list] ?? 0) + listSizes.at(list);
    const total = listStarts[lists] ?? 0;
    const postingDocs = docArray(profiles.length, total);
    const postingCounts = indexArray(counts.size, total);
    const next = listStarts.slice(0, lists);

    // Second pass: the same sums again, written in place.
    for (const doc of docs) {
      const profile = profiles[doc];
      if (!profile) continue;
      reader.read(profile, sums);
      for (let at = 0; at < sums.size; at++) {
        const list = listOf.at(sums.idAt(at)) - 1;
        const position = next[list] ?? 0;
        next[list] = position + 1;
        postingDocs[position] = doc;
        postingCounts[position] = counts.indexOf(sums.sumAt(at));
      }
    }

    const count = docs.length;
    const averageLength = docs.reduce((sum, doc) => sum + (lengths[doc] ?? 0), 0) / Math.max(1, count);
    const countValues = counts.toArray();
    const bm25Idf = new Float64Array(lists);
    const cosineIdf = new Float64Array(lists);
    const norms = new Float64Array(profiles.length);
    for (let list = 0; list < lists; list++) {
      const start = listStarts[list] ?? 0;
      const end = listStarts[list + 1] ?? 0;
      const df = end - start;
      bm25Idf[list] = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      const idf = Math.log(1 + count / df);
      cosineIdf[list] = idf;
      for (let at = start; at < end; at++) {
        const doc = postingDocs[at] ?? 0;
        const weight = (countValues[postingCounts[at] ?? 0] ?? 0) * idf;
        norms[doc] = (norms[doc] ?? 0) + weight * weight;
      }
    }
    const bm25Norms = new Float64Array(profiles.length);
    const cosineNorms = new Float64Array(profiles.length);
    for (const doc of docs) {
      bm25Norms[doc] = K1 * (1 - B + (B * (lengths[doc] ?? 0)) / Math.max(1e-9, averageLength));
      cosineNorms[doc] = Math.sqrt(Math.max(1e-9, norms[doc] ?? 0));
    }
    return new TextIndex({
      ids,
      listOf: listOf.toArray(ids.size),
      listStarts,
      bm25Idf,
      cosineIdf,
      postingDocs,
      postingCounts,
      counts: countValues,
      bm25Norms,
      cosineNorms,
    });
  }

  /** BM25 and TF-IDF cosine scores by document number (other frameworks' profiles stay 0). */
  scores(query: ReadonlyMap<string, number>, size: number): { bm25: Float64Array; cosine: Float64Array } {
    const { ids, listOf, listStarts, postingDocs, postingCounts, counts, bm25Norms, cosineNorms } =
      this.parts;
    const bm25 = new Float64Array(size);
    const cosine = new Float64Array(size);
    for (const [term, queryWeight] of query) {
      const list = (listOf[ids.find(term)] ?? 0) - 1;
      if (list < 0) continue;
      const bm25Idf = this.parts.bm25Idf[list] ?? 0;
      const cosineIdf = this.parts.cosineIdf[list] ?? 0;
      const end = listStarts[list + 1] ?? 0;
      for (let at = listStarts[list] ?? 0; at < end; at++) {
        const doc = postingDocs[at] ?? 0;
        const tf = counts[postingCounts[at] ?? 0] ?? 0;
        const bm25Weight = (bm25Idf * tf * (K1 + 1)) / (tf + (bm25Norms[doc] ?? 0));
        const cosineWeight = (tf * cosineIdf * cosineIdf) / (cosineNorms[doc] ?? 1);
        bm25[doc] = (bm25[doc] ?? 0) + queryWeight * bm25Weight;
        cosine[doc] = (cosine[doc] ?? 0) + queryWeight * cosineWeight;
      }
    }
    return { bm25, cosine };
  }
}
