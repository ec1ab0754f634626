import type { FitResult, MatchResult } from "../../domain/fit/index.js";
import { levelDots } from "./text.js";

export const DECISION_SUPPORT_NOTICE =
  "Decision support, not a decision: every score comes with its evidence for a person to judge.";

const percent = (value: number | null) => (value === null ? "n/a" : `${value}`);

/** A candidate's fit for one profile: scores, every competency with its evidence, the gaps to probe. */
export function renderFit(fit: FitResult, assessmentId?: string): string {
  const lines = [
    `${fit.title} [${fit.frameworkName}]: overall ${fit.overall}/100 (${fit.band}) · general ${percent(fit.general)} · technical ${percent(fit.technical)}`,
    `engine: ${fit.engine}${assessmentId ? ` · assessment ${assessmentId}` : ""}`,
  ];
  for (const notice of fit.notices ?? []) lines.push(`ℹ ${notice}`);
  if (fit.essentialWithoutEvidence.length > 0) {
    lines.push(`⚠ No evidence for essential: ${fit.essentialWithoutEvidence.join(", ")}`);
  }
  lines.push("", "Competencies (required → shown)");
  for (const c of fit.competencies) {
    lines.push(
      `  ${levelDots(c.demonstratedLevel)} ${c.name}: ${c.requiredLevel} → ${c.demonstratedLevel}  ${c.status.replace("_", " ")}${c.essential ? " · essential" : ""}`,
    );
    for (const span of c.evidence.slice(0, 3)) lines.push(`      “${span.text}” [${span.start}–${span.end}]`);
  }
  if (fit.gaps.length > 0) {
    lines.push("", "To probe in interview");
    for (const gap of fit.gaps) lines.push(`  • ${gap.competency.name}: ${gap.question}`);
  }
  lines.push("", DECISION_SUPPORT_NOTICE);
  return lines.join("\n");
}

export function renderMatchResults(results: MatchResult[]): string {
  if (results.length === 0) return "No profile to match against.";
  const lines = results.map(
    (r, index) =>
      `${String(index + 1).padStart(2)}. ${r.title} [${r.frameworkName}]  fit ${r.score} · general ${percent(r.general)} · technical ${percent(r.technical)}`,
  );
  return [...lines, "", DECISION_SUPPORT_NOTICE].join("\n");
}
