import type { MatchResult } from "../../domain/fit/index.js";
import { ACTIONS, encode } from "../action-values.js";
import { shareButton } from "./common.js";
import { DECISION_SUPPORT_NOTICE, score } from "./fit.js";
import {
  actions,
  button,
  composeMessage,
  context,
  header,
  type KnownBlock,
  literal,
  type Message,
  section,
} from "./limits.js";

export type MatchMessageOptions = {
  results: MatchResult[];
  /** Key of the summary kept server-side, for the Assess buttons; none when shared. */
  pending?: string;
  framework?: string;
  family?: string;
  sharedBy?: string;
  /** Said above the results, e.g. that a named title was not found. */
  lead?: string;
};

/** The profiles a candidate fits best, each with a button to assess against it in full. */
export function matchMessage(options: MatchMessageOptions): Message {
  const { results } = options;
  const scope = [options.framework, options.family]
    .filter(Boolean)
    .map((part) => literal(String(part), 100))
    .join(" · ");
  const heading =
    results.length === 0 ? "No profile fits this summary." : "Profiles this candidate fits best";
  const head: KnownBlock[] = [];
  if (options.lead) head.push(section(options.lead));
  head.push(header(heading));
  if (scope) head.push(context(`Within: ${scope}`));
  const assessable = options.pending !== undefined && !options.sharedBy;
  const body = results.map((result, index) => {
    const rank = assessable ? "" : `${index + 1}. `;
    const text = `${rank}*${literal(result.title, 300)}* (${literal(result.frameworkName, 64)}) — *${result.score} / 100* · general ${score(result.general)} · technical ${score(result.technical)}`;
    return assessable
      ? section(
          text,
          button(
            "Assess",
            ACTIONS.assessMatch,
            encode({ id: result.profileId, op: "fit", pending: options.pending as string }),
          ),
        )
      : section(text);
  });
  const tail: KnownBlock[] = [context(DECISION_SUPPORT_NOTICE)];
  if (options.sharedBy) tail.push(context(`Shared by <@${options.sharedBy}>`));
  else if (results.length > 0) {
    const subject = {
      k: "match" as const,
      r: results.map((result): [number, number, number | null, number | null] => [
        result.profileId,
        result.score,
        result.general,
        result.technical,
      ]),
      ...(options.framework ? { fw: options.framework.slice(0, 200) } : {}),
      ...(options.family ? { fa: options.family.slice(0, 200) } : {}),
    };
    tail.push(actions([shareButton(subject)]));
  }
  return composeMessage(`${heading}${results[0] ? `: ${results[0].title} ${results[0].score}/100` : ""}`, {
    head,
    body,
    tail,
  });
}
