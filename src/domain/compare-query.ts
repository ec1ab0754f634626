import { invalidInput } from "./errors.js";

/**
 * Splits "A vs B" into two titles. Titles may contain commas, so only ` vs ` (also `vs.`, `versus`),
 * `|` and quotes separate them: `"Sales, Marketing Manager" "PR Specialist"` works too.
 */
export function parseCompareQuery(text: string): [string, string] {
  const trimmed = text.trim();
  const quoted = [...trimmed.matchAll(/["“”']([^"“”']+)["“”']/g)].map((m) => (m[1] ?? "").trim());
  if (
    quoted.length === 2 &&
    trimmed.replace(/["“”'][^"“”']+["“”']/g, "").replace(/\s+|vs\.?|versus|\|/gi, "") === ""
  ) {
    return [quoted[0] as string, quoted[1] as string];
  }
  const parts = trimmed.split(/\s+(?:vs\.?|versus)\s+|\s*\|\s*/i).map((part) => unquote(part));
  if (parts.length === 2 && parts[0] && parts[1]) return [parts[0], parts[1]];
  throw invalidInput(
    `I need two job titles to compare, separated by " vs " (or "|"), e.g. "Marketing Manager vs Media Relations Specialist". I got: "${trimmed.slice(0, 200)}".`,
  );
}

function unquote(part: string): string {
  return part
    .trim()
    .replace(/^["“”']+|["“”']+$/g, "")
    .trim();
}
