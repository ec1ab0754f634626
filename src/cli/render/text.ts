import type { FrameworkSummary, JobProfile, RequiredCompetency } from "../../domain/library.js";
import type { TitleMatch } from "../../domain/title-index.js";
import type { ProfileResolution } from "../../services/find-profile.js";

/** Plain-text renderings for a terminal: short lines, aligned columns, no colour codes. */

export function levelDots(level: number): string {
  const filled = Math.max(0, Math.min(5, Math.round(level)));
  return "●".repeat(filled) + "○".repeat(5 - filled);
}

export function renderProfile(profile: JobProfile, source = ""): string {
  const meta = [profile.frameworkName, profile.code, profile.family].filter(Boolean).join(" · ");
  const lines = [`${profile.title}  (${meta})`];
  if (profile.description) lines.push(profile.description);
  if (profile.alternateTitles.length > 0) {
    const shown = profile.alternateTitles.slice(0, 8).join(", ");
    const more = profile.alternateTitles.length - 8;
    lines.push(`Also known as: ${shown}${more > 0 ? `, … (+${more} more)` : ""}`);
  }
  for (const [kind, heading] of [
    ["GENERAL", "General competencies"],
    ["TECHNICAL", "Technical competencies"],
  ] as const) {
    const competencies = profile.competencies.filter((c) => c.kind === kind);
    lines.push("", `${heading} (${competencies.length})`);
    lines.push(...renderRequirements(competencies));
  }
  if (source) lines.push("", `Source: ${source}`);
  return lines.join("\n");
}

function renderRequirements(competencies: RequiredCompetency[]): string[] {
  if (competencies.length === 0) return ["  (none)"];
  const width = Math.min(48, Math.max(...competencies.map((c) => c.name.length)));
  return competencies.map((c) => {
    const flags = [`level ${c.level}`, `importance ${c.importance}`, c.essential ? "essential" : ""].filter(
      Boolean,
    );
    const examples = c.examples.length > 0 ? `  e.g. ${c.examples.slice(0, 3).join(", ")}` : "";
    return `  ${levelDots(c.level)} ${c.name.padEnd(width)}  ${flags.join(" · ")}${examples}`;
  });
}

export function renderMatches(matches: TitleMatch[]): string {
  if (matches.length === 0) return "No profile matches.";
  return matches
    .map((m, index) => {
      const via = m.matchedTitle !== m.title ? `  (as "${m.matchedTitle}")` : "";
      return `${String(index + 1).padStart(2)}. ${m.title} [${m.frameworkName}]${via}`;
    })
    .join("\n");
}

/** What to tell the user when a title did not resolve to exactly one profile. */
export function renderUnresolved(resolution: Exclude<ProfileResolution, { kind: "found" }>): string {
  if (resolution.kind === "ambiguous") {
    return `"${resolution.query}" fits several profiles about equally; which one did you mean?\n${renderMatches(resolution.candidates)}`;
  }
  if (resolution.suggestions.length === 0) return `No profile matches "${resolution.query}".`;
  return `No profile matches "${resolution.query}". Closest:\n${renderMatches(resolution.suggestions)}`;
}

export function renderFrameworks(frameworks: FrameworkSummary[]): string {
  if (frameworks.length === 0) return "No frameworks are loaded.";
  return frameworks
    .map((f) => {
      const head = `${f.name}: ${f.profileCount} profiles, ${f.competencyCount} competencies (updated ${f.updatedAt.toISOString().slice(0, 10)})`;
      return [head, f.description && `  ${f.description}`, f.source && `  Source: ${f.source}`]
        .filter(Boolean)
        .join("\n");
    })
    .join("\n\n");
}
