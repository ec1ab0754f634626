import { invalidInput } from "../domain/errors.js";
import type { MatchResult } from "../domain/fit/index.js";
import type { AuditLog } from "./assessment-ports.js";
import type { Library } from "./library.js";

export type MatchCandidateDeps = { library: Library; audit: AuditLog };

export type MatchCandidateRequest = {
  actor: string;
  summary: string;
  framework?: string;
  family?: string;
  top?: number;
};

export const MAX_TOP = 50;

/** The profiles a candidate fits best, best first; the search is audited, the text is not kept. */
export async function matchCandidate(
  deps: MatchCandidateDeps,
  request: MatchCandidateRequest,
): Promise<MatchResult[]> {
  const top = request.top ?? 5;
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    throw invalidInput(`The number of results must be a whole number from 1 to ${MAX_TOP}; got ${top}.`);
  }
  const results = deps.library.fitEngine.match(request.summary, {
    top,
    framework: request.framework,
    family: request.family,
  });
  await deps.audit.record({
    actor: request.actor,
    action: "match_candidate",
    target: [request.framework, request.family].filter(Boolean).join("/") || "all profiles",
    outcome: "ok",
    engine: "local",
    detail: { results: results.map((r) => ({ profileId: r.profileId, score: r.score })) },
  });
  return results;
}
