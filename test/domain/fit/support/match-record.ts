/**
 * The matcher's answers on the evaluation sets written out line by line, for the record test: match
 * lists with their scores, full fits with the quoted evidence, and rankings.
 */
import type { LabelledSummary } from "../../../../src/domain/fit/evaluate.js";
import type { FitResult, MatchResult, RankedCandidate } from "../../../../src/domain/fit/index.js";

/** What the record asks of the matcher (the FitEngine, or an earlier version of it). */
export type Matcher = {
  match(summary: string, options: { top?: number; framework?: string }): MatchResult[];
  assess(summary: string, profileId: number): FitResult;
  rank(candidates: readonly { id: string; text: string }[], profileId: number): RankedCandidate[];
  profileIdOf(title: string, framework?: string): number | undefined;
};

function matchLine(result: MatchResult): string {
  const { title, score, general, technical, relevance, matchScore } = result;
  return [title, score, general, technical, relevance, matchScore].join("|");
}

/**
 * A fit on one line: its totals, then each competency's level, quoted spans and rationale — or, for
 * profiles of a hundred competencies, only the levels, one digit each.
 */
function fitLine(fit: FitResult, detailed: boolean): string {
  const totals = `${fit.overall}/${fit.general}/${fit.technical} ${fit.band}`;
  if (!detailed)
    return `${totals} ${fit.competencies.map((competency) => competency.demonstratedLevel).join("")}`;
  const competencies = fit.competencies.map((competency) => {
    const spans = competency.evidence.map((span) => `${span.start}-${span.end}`).join(",");
    return `${competency.name}:${competency.demonstratedLevel}:${spans}:${competency.rationale}`;
  });
  return [totals, ...competencies].join(" | ");
}

/**
 * The answers for labelled summaries against one framework: each one's top five, and its fit to the
 * first — in full for every `detailEvery`-th summary (0: none).
 */
export function answersFor(
  matcher: Matcher,
  items: readonly LabelledSummary[],
  framework: string,
  detailEvery: number,
): string[] {
  return items.flatMap((item, index) => {
    const detailed = detailEvery > 0 && index % detailEvery === 0;
    const matches = matcher.match(item.text, { top: 5, framework });
    const best = matches[0];
    const fit = best ? fitLine(matcher.assess(item.text, best.profileId), detailed) : "none";
    return [`match ${item.id}: ${matches.map(matchLine).join(" ; ")}`, `fit ${item.id}: ${fit}`];
  });
}

/** The summaries ranked for each of the given profiles. */
export function rankingsFor(
  matcher: Matcher,
  items: readonly LabelledSummary[],
  titles: readonly string[],
  framework: string,
): string[] {
  const candidates = items.map((item) => ({ id: item.id, text: item.text }));
  return titles.map((title) => {
    const profileId = matcher.profileIdOf(title, framework);
    if (profileId === undefined) throw new Error(`No profile titled ${title}`);
    const ranked = matcher.rank(candidates, profileId);
    return `rank ${title}: ${ranked.map((candidate) => `${candidate.id}:${candidate.overall}`).join(" ")}`;
  });
}
