import type { KindComparison, ProfileComparison } from "../../domain/compare.js";

/** Two profiles side by side in a terminal: shared competencies with both levels, then each side's own. */
export function renderComparison(comparison: ProfileComparison): string {
  const { a, b } = comparison;
  const lines = [`${a.title} [${a.frameworkName}]  vs  ${b.title} [${b.frameworkName}]`, comparison.summary];
  for (const [heading, kind] of [
    ["General competencies", comparison.general],
    ["Technical competencies", comparison.technical],
  ] as const) {
    lines.push("", heading, ...renderKind(kind, a.title, b.title));
  }
  return lines.join("\n");
}

function renderKind(kind: KindComparison, titleA: string, titleB: string): string[] {
  const lines: string[] = [];
  if (kind.shared.length > 0) {
    const width = Math.max(...kind.shared.map((c) => c.name.length), 6);
    lines.push(`  ${"Shared".padEnd(width)}    A   B`);
    for (const c of kind.shared) {
      const marker =
        c.difference === 0 ? "=" : c.difference > 0 ? `B +${c.difference}` : `A +${-c.difference}`;
      lines.push(`  ${c.name.padEnd(width)}    ${c.levelA}   ${c.levelB}   ${marker}`);
    }
  }
  for (const [title, only] of [
    [titleA, kind.onlyA],
    [titleB, kind.onlyB],
  ] as const) {
    if (only.length === 0) continue;
    const names = only.map((c) => `${c.name} (${c.level}${c.essential ? ", essential" : ""})`);
    lines.push(`  Only ${title}: ${names.join(", ")}`);
  }
  return lines.length > 0 ? lines : ["  (none)"];
}
