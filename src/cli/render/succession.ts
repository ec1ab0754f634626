import { READINESS_LABELS } from "../../domain/succession.js";
import type { SuccessorList } from "../../services/list-successors.js";
import type { PersonGaps } from "../../services/person-gaps.js";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never");

/** Successors ranked for a role, readiness counts and bench strength, for a terminal. */
export function renderSuccessors(list: SuccessorList): string {
  const { profile, bench, counts } = list;
  const lines = [
    `Successors for ${profile.title} [${profile.frameworkName}]`,
    `Bench strength ${bench.strength.toFixed(2)} (${bench.members.length} on the bench at ≥ ${bench.minimumMatch}% match, ${bench.positions} position${bench.positions === 1 ? "" : "s"})`,
    `${counts.READY_NOW} ready now · ${counts.READY_1_2_YEARS} ready in 1–2 years · ${counts.NOT_READY} not ready, of ${list.considered} people`,
    "",
  ];
  if (list.successors.length === 0) lines.push("No one is rated against this role yet.");
  list.successors.forEach((successor, index) => {
    const stale = successor.freshness.flagged
      ? `  ⚠ ${successor.freshness.stale} stale rating(s), oldest ${day(successor.freshness.oldestRatedAt)}`
      : "";
    lines.push(
      `${String(index + 1).padStart(2)}. ${successor.person.name} <${successor.person.email}>  ${successor.percent}%  ${READINESS_LABELS[successor.readiness]}${stale}`,
    );
    const gaps = successor.largestGaps.map(
      (gap) => `${gap.competency} ${gap.level}/${gap.required}${gap.essential ? " (essential)" : ""}`,
    );
    if (gaps.length > 0) lines.push(`    largest gaps: ${gaps.join(", ")}`);
  });
  return lines.join("\n");
}

/** A person's strengths and gaps against a role, with what the next level looks like. */
export function renderGaps({ person, profile, report }: PersonGaps): string {
  const lines = [
    `${person.name} against ${profile.title} [${profile.frameworkName}]: ${report.percent}% match, ${READINESS_LABELS[report.readiness]}`,
    "",
    `Strengths (${report.strengths.length})`,
    ...report.strengths.map((s) => `  ✓ ${s.competency}: ${s.level} of ${s.required} required`),
    "",
    `Gaps (${report.gaps.length})`,
  ];
  for (const gap of report.gaps) {
    lines.push(
      `  • ${gap.competency}: ${gap.level} of ${gap.required} required${gap.essential ? " (essential)" : ""}${gap.stale ? ", rating is stale" : ""}`,
    );
    if (gap.suggestion) lines.push(`    next level: ${gap.suggestion}`);
  }
  if (report.freshness.flagged)
    lines.push(
      "",
      `⚠ ${report.freshness.stale} rating(s) are stale; the oldest is from ${day(report.freshness.oldestRatedAt)}.`,
    );
  return lines.join("\n");
}
